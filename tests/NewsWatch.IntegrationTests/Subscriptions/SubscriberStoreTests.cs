using Microsoft.Extensions.Hosting;
using NewsWatch.IntegrationTests.Infrastructure;
using NewsWatch.Subscriptions;

namespace NewsWatch.IntegrationTests.Subscriptions;

/// <summary>The subscribers table over Azurite: filters, and the suppression that stops all mail to an address.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SubscriberStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private IHost _host = null!;
    private SubscriberStore _store = null!;

    public async Task InitializeAsync()
    {
        await azurite.ResetAsync();
        _host = await PipelineHost.StartAsync(azurite.ConnectionString, new Uri("http://127.0.0.1:9/"));
        _store = _host.Get<SubscriberStore>();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    [Fact]
    public async Task Suppress_Subscriber_ListedAsSuppressedWithReasonAndTime()
    {
        await _store.SaveAsync(new Subscriber("desk@example.org", ["Pakistan"], []), default);

        Assert.True(await _store.SuppressAsync("Desk@Example.org", "unsubscribed", default));

        var subscriber = Assert.Single(await _store.ListAsync(default));
        Assert.True(subscriber.Suppressed);
        Assert.Equal("unsubscribed", subscriber.SuppressedReason);
        Assert.NotNull(subscriber.SuppressedAt);
        Assert.Equal(["Pakistan"], subscriber.Countries);
    }

    [Fact]
    public async Task Save_EveryFilter_ReadBackAsSaved()
    {
        var saved = new Subscriber("desk@example.org", ["Pakistan"], ["aircraft", "ships"])
        {
            Suppliers = ["Russia", "China"],
            Recipients = ["India"],
            Systems = ["Mi-35", "F-16C/D Block 70"],
            Stages = ["signed", "embargo_lifted"],
            MinScore = 0.75,
        };

        await _store.SaveAsync(saved, default);
        var read = (await _store.GetAsync("desk@example.org", default))!;

        Assert.Equal(saved.Countries, read.Countries);
        Assert.Equal(saved.Categories, read.Categories);
        Assert.Equal(saved.Suppliers, read.Suppliers);
        Assert.Equal(saved.Recipients, read.Recipients);
        Assert.Equal(saved.Systems, read.Systems);
        Assert.Equal(saved.Stages, read.Stages);
        Assert.Equal(0.75, read.MinScore);
    }

    [Fact]
    public async Task Suppress_Twice_KeepsTheFirstReason()
    {
        await _store.SaveAsync(new Subscriber("desk@example.org", [], []), default);

        await _store.SuppressAsync("desk@example.org", "bounce", default);
        await _store.SuppressAsync("desk@example.org", "unsubscribed", default);

        Assert.Equal("bounce", (await _store.GetAsync("desk@example.org", default))!.SuppressedReason);
    }

    [Fact]
    public async Task Save_SuppressedSubscriberAddedAgain_StaysSuppressedWithTheNewFilters()
    {
        await _store.SaveAsync(new Subscriber("desk@example.org", ["Pakistan"], []), default);
        await _store.SuppressAsync("desk@example.org", "spamreport", default);

        await _store.SaveAsync(new Subscriber("desk@example.org", ["India"], ["ships"]), default);

        var subscriber = (await _store.GetAsync("desk@example.org", default))!;
        Assert.Equal("spamreport", subscriber.SuppressedReason);
        Assert.Equal(["India"], subscriber.Countries);
        Assert.Equal(["ships"], subscriber.Categories);
    }

    [Fact]
    public async Task Unsuppress_SuppressedSubscriber_MailGoesAgain()
    {
        await _store.SaveAsync(new Subscriber("desk@example.org", ["Pakistan"], []), default);
        await _store.SuppressAsync("desk@example.org", "unsubscribed", default);

        Assert.True(await _store.UnsuppressAsync("desk@example.org", default));

        var subscriber = (await _store.GetAsync("desk@example.org", default))!;
        Assert.False(subscriber.Suppressed);
        Assert.Null(subscriber.SuppressedAt);
        Assert.Equal(["Pakistan"], subscriber.Countries);
    }

    [Fact]
    public async Task SuppressAndUnsuppress_NoSuchSubscriber_FalseAndNothingCreated()
    {
        Assert.False(await _store.SuppressAsync("nobody@example.org", "bounce", default));
        Assert.False(await _store.UnsuppressAsync("nobody@example.org", default));
        Assert.Null(await _store.GetAsync("nobody@example.org", default));
        Assert.Empty(await _store.ListAsync(default));
    }
}
