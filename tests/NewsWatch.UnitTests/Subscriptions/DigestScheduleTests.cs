using NewsWatch.Subscriptions;

namespace NewsWatch.UnitTests.Subscriptions;

/// <summary>
/// The hourly digest timer, simulated over whole days: for each UTC hour, is the digest due, and if so it is sent
/// (the last-sent date moves on). Each case checks the UTC moments the digests go out.
/// </summary>
public sealed class DigestScheduleTests
{
    [Fact]
    public void IsDue_NewYorkAt8OverTheSpringForward_EightLocalEachDay()
    {
        // Clocks went from 02:00 to 03:00 EST → EDT on 2026-03-08: 08:00 local is 13:00 UTC before, 12:00 after.
        var sent = Simulate("America/New_York", 8, Utc(2026, 3, 7, 0), days: 3);

        Assert.Equal([Utc(2026, 3, 7, 13), Utc(2026, 3, 8, 12), Utc(2026, 3, 9, 12)], sent);
    }

    [Fact]
    public void IsDue_NewYorkAt2OnTheNightThatHasNo2_SentAt3Instead()
    {
        var sent = Simulate("America/New_York", 2, Utc(2026, 3, 7, 5), days: 3);

        // 2026-03-07 02:00 EST = 07:00 UTC; 2026-03-08 has no 02:00, so 03:00 EDT = 07:00 UTC; then 02:00 EDT = 06:00 UTC.
        Assert.Equal([Utc(2026, 3, 7, 7), Utc(2026, 3, 8, 7), Utc(2026, 3, 9, 6)], sent);
    }

    [Fact]
    public void IsDue_NewYorkAt1OnTheNightThatHas1Twice_SentOnce()
    {
        // 2026-11-01: 01:00 EDT (05:00 UTC), then 01:00 EST again (06:00 UTC).
        var sent = Simulate("America/New_York", 1, Utc(2026, 10, 31, 4), days: 3);

        Assert.Equal([Utc(2026, 10, 31, 5), Utc(2026, 11, 1, 5), Utc(2026, 11, 2, 6)], sent);
    }

    [Theory]
    [InlineData("Asia/Kolkata", 9, 4)]       // +05:30: the timer's 03:00 UTC run is 08:30 local, too early; 04:00 is 09:30
    [InlineData("Europe/London", 7, 7)]      // GMT in December
    [InlineData("Pacific/Auckland", 6, 17)]  // +13:00 in (southern) summer: 06:00 local is 17:00 UTC the day before
    public void IsDue_ZoneAndHour_OnceADayAtTheFirstRunFromTheHour(string zone, int hour, int expectedUtcHour)
    {
        var sent = Simulate(zone, hour, Utc(2026, 12, 10, 0), days: 3);

        Assert.Equal(3, sent.Count);
        Assert.All(sent, moment => Assert.Equal(expectedUtcHour, moment.Hour));
        Assert.Equal(TimeSpan.FromDays(1), sent[1] - sent[0]);
    }

    [Fact]
    public void Start_SubscribedAfterTheHour_FirstDigestTomorrow()
    {
        // 19:00 in Paris; the subscriber wants 08:00: not tonight, tomorrow morning.
        var sent = Simulate("Europe/Paris", 8, Utc(2026, 12, 10, 18), days: 1);

        Assert.Equal([Utc(2026, 12, 11, 7)], sent);
    }

    [Fact]
    public void IsDue_TimerMissedTheHour_MadeUpAtTheNextRunSameDay()
    {
        Assert.True(DigestSchedule.IsDue("Europe/Paris", 8, new DateOnly(2026, 12, 9), Utc(2026, 12, 10, 10)));
        Assert.False(DigestSchedule.IsDue("Europe/Paris", 8, new DateOnly(2026, 12, 10), Utc(2026, 12, 10, 11)));
    }

    [Theory]
    [InlineData("Europe/Paris", true)]
    [InlineData("America/Argentina/Buenos_Aires", true)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsKnown_Zone_OnlyIanaZones(string? zone, bool known)
    {
        Assert.Equal(known, DigestSchedule.IsKnown(zone));
    }

    [Fact]
    public void IsDue_UnknownZone_ClearError()
    {
        var error = Assert.Throws<ArgumentException>(() => DigestSchedule.IsDue("Mars/Olympus_Mons", 8, new DateOnly(2026, 12, 9), Utc(2026, 12, 10, 8)));

        Assert.Contains("not an IANA time zone", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The hourly timer from <paramref name="start"/> for <paramref name="days"/> days: the UTC moments a digest went out.</summary>
    private static List<DateTimeOffset> Simulate(string zone, int hour, DateTimeOffset start, int days)
    {
        var sent = new List<DateTimeOffset>();
        var last = DigestSchedule.Start(zone, hour, start);
        for (var now = start; now < start.AddDays(days); now = now.AddHours(1))
        {
            if (DigestSchedule.IsDue(zone, hour, last, now))
            {
                sent.Add(now);
                last = DigestSchedule.LocalDate(zone, now);
            }
        }

        return sent;
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);
}
