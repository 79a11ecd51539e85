using System.Globalization;

namespace NewsWatch.Feeds;

/// <summary>Feed dates: RFC 822 (with named zones) and ISO 8601, normalised to UTC.</summary>
public static class FeedDates
{
    private static readonly (string Zone, string Offset)[] NamedZones =
    [
        ("GMT", "+0000"), ("UTC", "+0000"), ("UT", "+0000"), ("Z", "+0000"),
        ("EST", "-0500"), ("EDT", "-0400"), ("CST", "-0600"), ("CDT", "-0500"),
        ("MST", "-0700"), ("MDT", "-0600"), ("PST", "-0800"), ("PDT", "-0700"),
    ];

    private static readonly string[] Rfc822Formats =
    [
        "ddd, d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm:ss zzz",
        "ddd, d MMM yyyy HH:mm zzz", "d MMM yyyy HH:mm zzz",
        "ddd, d MMM yy HH:mm:ss zzz", "d MMM yy HH:mm:ss zzz",
    ];

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text.Trim();
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var iso)
            && value.Contains('-', StringComparison.Ordinal))
        {
            return iso.ToUniversalTime();
        }

        foreach (var (zone, offset) in NamedZones)
        {
            if (value.EndsWith(" " + zone, StringComparison.OrdinalIgnoreCase))
            {
                value = value[..^zone.Length] + offset;
                break;
            }
        }

        // "zzz" wants +00:00; RFC 822 writes +0000.
        if (value.Length > 5 && (value[^5] == '+' || value[^5] == '-'))
        {
            value = value[..^2] + ":" + value[^2..];
        }

        return DateTimeOffset.TryParseExact(value, Rfc822Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var rfc)
            ? rfc.ToUniversalTime()
            : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var any) ? any.ToUniversalTime() : null;
    }
}
