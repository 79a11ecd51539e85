using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsWatch.Alerts;
using NewsWatch.IntegrationTests.Infrastructure;
using NewsWatch.Subscriptions;

namespace NewsWatch.IntegrationTests.Alerts;

[Collection(AzuriteCollection.Name)]
public sealed class DeliveryLedgerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    private DeliveryLedger Ledger => new(azurite.Storage, _clock, Options.Create(new AlertsOptions { DeliveryClaimLease = TimeSpan.FromMinutes(2) }));

    public Task InitializeAsync() => azurite.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TryClaim_AfterSent_Null()
    {
        await Ledger.MarkSentAsync((await Ledger.TryClaimAsync(Key("article", "a@example.org"), "a@example.org", default))!);

        Assert.Null(await Ledger.TryClaimAsync(Key("article", "A@example.org"), "A@example.org", default));
        Assert.Equal("sent", await Ledger.StatusAsync(Key("article", "a@example.org"), default));
    }

    [Fact]
    public async Task TryClaim_AfterRefused_Null()
    {
        await Ledger.MarkRefusedAsync((await Ledger.TryClaimAsync(Key("article", "a@example.org"), "a@example.org", default))!);

        Assert.Null(await Ledger.TryClaimAsync(Key("article", "a@example.org"), "a@example.org", default));
    }

    [Fact]
    public async Task TryClaim_FreshClaimByAnotherAttempt_ThrowsSoTheMessageIsRetried()
    {
        Assert.NotNull(await Ledger.TryClaimAsync(Key("article", "a@example.org"), "a@example.org", default));

        await Assert.ThrowsAsync<DeliveryInProgressException>(() => Ledger.TryClaimAsync(Key("article", "a@example.org"), "a@example.org", default));
    }

    [Fact]
    public async Task TryClaim_ClaimOlderThanTheLease_TakenOver()
    {
        Assert.NotNull(await Ledger.TryClaimAsync(Key("article", "a@example.org"), "a@example.org", default));
        _clock.Advance(TimeSpan.FromMinutes(3));

        Assert.NotNull(await Ledger.TryClaimAsync(Key("article", "a@example.org"), "a@example.org", default));
        Assert.Equal("claimed", await Ledger.StatusAsync(Key("article", "a@example.org"), default));
    }

    [Fact]
    public async Task Release_FailedSend_NextAttemptClaimsAtOnce()
    {
        await Ledger.ReleaseAsync((await Ledger.TryClaimAsync(Key("article", "a@example.org"), "a@example.org", default))!);

        Assert.NotNull(await Ledger.TryClaimAsync(Key("article", "a@example.org"), "a@example.org", default));
    }

    [Fact]
    public async Task Release_ClaimTakenOverMeanwhile_LeavesTheNewClaim()
    {
        var stale = (await Ledger.TryClaimAsync(Key("article", "a@example.org"), "a@example.org", default))!;
        _clock.Advance(TimeSpan.FromMinutes(3));
        Assert.NotNull(await Ledger.TryClaimAsync(Key("article", "a@example.org"), "a@example.org", default));

        await Ledger.ReleaseAsync(stale);

        await Assert.ThrowsAsync<DeliveryInProgressException>(() => Ledger.TryClaimAsync(Key("article", "a@example.org"), "a@example.org", default));
    }

    [Fact]
    public async Task TryClaim_OtherSubscriberOrArticle_Independent()
    {
        Assert.NotNull(await Ledger.TryClaimAsync(Key("article", "a@example.org"), "a@example.org", default));

        Assert.NotNull(await Ledger.TryClaimAsync(Key("article", "b@example.org"), "b@example.org", default));
        Assert.NotNull(await Ledger.TryClaimAsync(Key("other-article", "a@example.org"), "a@example.org", default));
    }

    private static DeliveryKey Key(string story, string email) => new(story, SubscriberStore.IdOf(email), "signed");
}
