using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsWatch.Feeds;
using NewsWatch.IntegrationTests.Infrastructure;

namespace NewsWatch.IntegrationTests.Feeds;

[Collection(AzuriteCollection.Name)]
public sealed class SeenArticlesTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private SeenArticles Seen => new(azurite.Storage, _clock, Options.Create(new FeedsOptions { SeenRetention = TimeSpan.FromDays(90) }));

    public Task InitializeAsync() => azurite.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task PurgeExpired_KeysOlderThanTheRetention_ForgottenAndRecentOnesKept()
    {
        await Seen.MarkAsync(["old-guid", "old-link"], "https://news.example/old", default);
        _clock.Advance(TimeSpan.FromDays(60));
        await Seen.MarkAsync(["recent"], "https://news.example/recent", default);
        _clock.Advance(TimeSpan.FromDays(31));

        Assert.Equal(2, await Seen.PurgeExpiredAsync(default));

        Assert.False(await Seen.ContainsAnyAsync(["old-guid", "old-link"], default));
        Assert.True(await Seen.ContainsAnyAsync(["recent"], default));
    }
}
