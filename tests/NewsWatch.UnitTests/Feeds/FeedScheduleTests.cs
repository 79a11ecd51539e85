using Microsoft.Extensions.Options;
using NewsWatch.Feeds;

namespace NewsWatch.UnitTests.Feeds;

public sealed class FeedScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static FeedSchedule Schedule(double random = 0.5) => new(Options.Create(new FeedsOptions()), () => random);

    [Fact]
    public void PublishingInterval_ItemsTwoHoursApart_TwoHours()
    {
        var dates = Enumerable.Range(0, 5).Select(i => (DateTimeOffset?)Now.AddHours(-2 * i)).Append(null);

        Assert.Equal(TimeSpan.FromHours(2), FeedSchedule.PublishingInterval(dates));
    }

    [Fact]
    public void PublishingInterval_FewerThanTwoDates_Null() =>
        Assert.Null(FeedSchedule.PublishingInterval([Now, null, Now]));

    [Theory]
    [InlineData(1, 5)]      // publishes every minute: no more often than MinInterval
    [InlineData(90, 90)]    // follows the feed's own rate
    [InlineData(60 * 24, 360)] // daily feed: still checked every MaxInterval
    public void AfterSuccess_PublishingRate_ClampedToBounds(int everyMinutes, int expectedMinutes) =>
        Assert.Equal(Now.AddMinutes(expectedMinutes), Schedule().AfterSuccess(Now, TimeSpan.FromMinutes(everyMinutes)));

    [Fact]
    public void PublishingInterval_PublisherAsksForLonger_Honoured() =>
        Assert.Equal(TimeSpan.FromHours(2), FeedSchedule.PublishingInterval([Now, Now.AddMinutes(-10)], publisherInterval: TimeSpan.FromHours(2)));

    [Fact]
    public void PublishingInterval_PublisherAsksForLessThanObserved_Observed() =>
        Assert.Equal(TimeSpan.FromHours(3), FeedSchedule.PublishingInterval([Now, Now.AddHours(-3)], publisherInterval: TimeSpan.FromMinutes(15)));

    [Fact]
    public void PublishingInterval_OnlyThePublishersWord_ThePublishersWord() =>
        Assert.Equal(TimeSpan.FromMinutes(15), FeedSchedule.PublishingInterval([], publisherInterval: TimeSpan.FromMinutes(15)));

    [Fact]
    public void AfterFailure_RepeatedFailures_GrowsExponentiallyUpTo24Hours()
    {
        var waits = Enumerable.Range(1, 12).Select(failures => Schedule(random: 1.0).AfterFailure(Now, failures) - Now).ToList();

        Assert.Equal(TimeSpan.FromMinutes(5), waits[0]);
        Assert.Equal(TimeSpan.FromMinutes(10), waits[1]);
        Assert.Equal(TimeSpan.FromMinutes(20), waits[2]);
        Assert.Equal(TimeSpan.FromHours(24), waits[^1]);
        Assert.True(waits.Zip(waits.Skip(1)).All(pair => pair.Second >= pair.First));
    }

    [Fact]
    public void AfterFailure_Jitter_SpreadsBetweenHalfAndAllOfTheCeiling()
    {
        Assert.Equal(Now.AddMinutes(20), Schedule(random: 0.0).AfterFailure(Now, 4));
        Assert.Equal(Now.AddMinutes(40), Schedule(random: 1.0).AfterFailure(Now, 4));
        Assert.Equal(Now.AddMinutes(30), Schedule(random: 0.5).AfterFailure(Now, 4));
    }

    [Fact]
    public void AfterFailure_RetryAfterLongerThanBackoff_Honoured() =>
        Assert.Equal(Now.AddHours(3), Schedule().AfterFailure(Now, 1, retryAfter: TimeSpan.FromHours(3)));

    [Fact]
    public void AfterFailure_RetryAfterBeyondTheCap_Capped() =>
        Assert.Equal(Now.AddHours(24), Schedule().AfterFailure(Now, 1, retryAfter: TimeSpan.FromDays(30)));
}
