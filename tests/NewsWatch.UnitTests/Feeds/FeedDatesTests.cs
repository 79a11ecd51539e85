using NewsWatch.Feeds;

namespace NewsWatch.UnitTests.Feeds;

public sealed class FeedDatesTests
{
    [Theory]
    [InlineData("Wed, 25 Nov 2026 09:30:00 GMT", "2026-11-25T09:30:00Z")]
    [InlineData("Wed, 25 Nov 2026 09:30:00 +0100", "2026-11-25T08:30:00Z")]
    [InlineData("25 Nov 2026 09:30:00 PST", "2026-11-25T17:30:00Z")]
    [InlineData("Wed, 25 Nov 26 09:30:00 GMT", "2026-11-25T09:30:00Z")]
    [InlineData("2026-11-25T09:30:00Z", "2026-11-25T09:30:00Z")]
    [InlineData("2026-11-25T09:30:00+02:00", "2026-11-25T07:30:00Z")]
    [InlineData("2026-11-25", "2026-11-25T00:00:00Z")]
    public void Parse_CommonFeedDates_NormalisedToUtc(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FeedDates.Parse(text));
        Assert.Equal(TimeSpan.Zero, FeedDates.Parse(text)!.Value.Offset);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday-ish")]
    public void Parse_MissingOrNonsense_Null(string? text) => Assert.Null(FeedDates.Parse(text));
}
