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
    [InlineData("25 Nov 2026 09:30 EST", "2026-11-25T14:30:00Z")]
    [InlineData("Wednesday, 25-Nov-26 09:30:00 EDT", "2026-11-25T13:30:00Z")]
    [InlineData("Thu, 31 Dec 03 10:14:55 +0100", "2003-12-31T09:14:55Z")]
    [InlineData("Wed, 31 Dec 1999 23:59:59", "1999-12-31T23:59:59Z")]
    [InlineData("Tue, 25 Nov 2026 09:30:00 GMT+2", "2026-11-25T07:30:00Z")]
    [InlineData("Nov 25, 2026 9:30 PM CET", "2026-11-25T20:30:00Z")]
    [InlineData("2026-11-25T09:30:00.123456789-03:30", "2026-11-25T13:00:00.1234567Z")]
    [InlineData("20261125T093000Z", "2026-11-25T09:30:00Z")]
    [InlineData("2026-11", "2026-11-01T00:00:00Z")]
    [InlineData("2026-11-25 09:30:00", "2026-11-25T09:30:00Z")]
    public void Parse_CommonFeedDates_NormalisedToUtc(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FeedDates.Parse(text));
        Assert.Equal(TimeSpan.Zero, FeedDates.Parse(text)!.Value.Offset);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday-ish")]
    [InlineData("31 Feb 2026 10:00:00 GMT")]
    [InlineData("2026-13-01T00:00:00Z")]
    public void Parse_MissingOrNonsense_Null(string? text) => Assert.Null(FeedDates.Parse(text));
}
