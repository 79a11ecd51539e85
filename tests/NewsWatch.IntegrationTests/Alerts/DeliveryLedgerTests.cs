using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsWatch.Alerts;
using NewsWatch.IntegrationTests.Infrastructure;

namespace NewsWatch.IntegrationTests.Alerts;

[Collection(AzuriteCollection.Name)]
public sealed class DeliveryLedgerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    private DeliveryLedger Ledger => new(azurite.Storage, _clock, Options.Create(new AlertsOptions { DeliveryClaimLease = TimeSpan.FromMinutes(2) }));

    public Task InitializeAsync() => azurite.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TryClaim_AfterSent_False()
    {
        Assert.True(await Ledger.TryClaimAsync("article", "a@example.org", default));
        await Ledger.MarkSentAsync("article", "a@example.org", default);

        Assert.False(await Ledger.TryClaimAsync("article", "A@example.org", default));
        Assert.True(await Ledger.WasSentAsync("article", "a@example.org", default));
    }

    [Fact]
    public async Task TryClaim_FreshClaimByAnotherAttempt_ThrowsSoTheMessageIsRetried()
    {
        Assert.True(await Ledger.TryClaimAsync("article", "a@example.org", default));

        await Assert.ThrowsAsync<DeliveryInProgressException>(() => Ledger.TryClaimAsync("article", "a@example.org", default));
    }

    [Fact]
    public async Task TryClaim_ClaimOlderThanTheLease_TakenOver()
    {
        Assert.True(await Ledger.TryClaimAsync("article", "a@example.org", default));
        _clock.Advance(TimeSpan.FromMinutes(3));

        Assert.True(await Ledger.TryClaimAsync("article", "a@example.org", default));
        Assert.False(await Ledger.WasSentAsync("article", "a@example.org", default));
    }

    [Fact]
    public async Task Release_FailedSend_NextAttemptClaimsAtOnce()
    {
        Assert.True(await Ledger.TryClaimAsync("article", "a@example.org", default));
        await Ledger.ReleaseAsync("article", "a@example.org", default);

        Assert.True(await Ledger.TryClaimAsync("article", "a@example.org", default));
    }

    [Fact]
    public async Task TryClaim_OtherSubscriberOrArticle_Independent()
    {
        Assert.True(await Ledger.TryClaimAsync("article", "a@example.org", default));

        Assert.True(await Ledger.TryClaimAsync("article", "b@example.org", default));
        Assert.True(await Ledger.TryClaimAsync("other-article", "a@example.org", default));
    }
}
