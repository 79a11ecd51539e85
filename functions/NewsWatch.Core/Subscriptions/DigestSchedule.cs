namespace NewsWatch.Subscriptions;

/// <summary>
/// When a daily digest is due: at the subscriber's chosen hour of their own day, in their IANA time zone, once per
/// local date. The digest timer fires every hour (in UTC), so the rule is "today's digest not sent yet, and the local
/// clock has reached the hour", not "the local hour is the hour": that keeps both DST changes right. When clocks
/// spring forward over the hour (02:00 on a March night in New York), the digest goes at the first hour after it;
/// when they fall back and the hour comes twice, it goes at the first. A missed timer run is made up at the next.
/// </summary>
public static class DigestSchedule
{
    /// <summary>Whether the digest is due at <paramref name="utcNow"/>.</summary>
    /// <param name="timeZone">An IANA time zone id ("America/New_York").</param>
    /// <param name="hour">The local hour the subscriber chose, 0 to 23.</param>
    /// <param name="lastSent">The local date of the last digest sent; for a new subscriber, <see cref="Start"/>.</param>
    public static bool IsDue(string timeZone, int hour, DateOnly lastSent, DateTimeOffset utcNow)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hour);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hour, 23);
        var local = TimeZoneInfo.ConvertTime(utcNow, Zone(timeZone));
        return lastSent < DateOnly.FromDateTime(local.DateTime) && local.Hour >= hour;
    }

    /// <summary>
    /// What a new digest subscriber's last-sent date starts as, so that the first digest goes at the next time the
    /// hour comes round: today when it has passed already, else yesterday.
    /// </summary>
    public static DateOnly Start(string timeZone, int hour, DateTimeOffset utcNow)
    {
        var local = TimeZoneInfo.ConvertTime(utcNow, Zone(timeZone));
        var today = DateOnly.FromDateTime(local.DateTime);
        return local.Hour >= hour ? today : today.AddDays(-1);
    }

    /// <summary>The local date a digest sent at <paramref name="utcNow"/> counts for: what <see cref="IsDue"/> is given next time.</summary>
    public static DateOnly LocalDate(string timeZone, DateTimeOffset utcNow) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(utcNow, Zone(timeZone)).DateTime);

    /// <summary>Whether <paramref name="timeZone"/> is an IANA time zone this machine knows: checked when a subscriber chooses it.</summary>
    public static bool IsKnown(string? timeZone) =>
        !string.IsNullOrWhiteSpace(timeZone) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) && zone.HasIanaId;

    private static TimeZoneInfo Zone(string timeZone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) && zone.HasIanaId
            ? zone
            : throw new ArgumentException($"'{timeZone}' is not an IANA time zone (such as Europe/Paris).", nameof(timeZone));
}
