using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsWatch.Feeds;

/// <summary>
/// Feed dates, normalised to UTC: ISO 8601 / W3CDTF (with or without separators, fractions,
/// reduced precision) and RFC 822 as feeds really write it (weekday missing or misspelt, two-digit
/// years, named zones such as EST or CET, "GMT+2", no zone at all, month before day). A date that
/// cannot be read is null rather than a guess; a zone that cannot be read is taken as UTC.
/// </summary>
public static partial class FeedDates
{
    private static readonly Dictionary<string, int> ZoneMinutes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = 0, ["UTC"] = 0, ["GMT"] = 0, ["Z"] = 0, ["WET"] = 0,
        ["EST"] = -300, ["EDT"] = -240, ["CST"] = -360, ["CDT"] = -300,
        ["MST"] = -420, ["MDT"] = -360, ["PST"] = -480, ["PDT"] = -420,
        ["AST"] = -240, ["ADT"] = -180, ["AKST"] = -540, ["AKDT"] = -480, ["HST"] = -600,
        ["BST"] = 60, ["IST"] = 330, ["CET"] = 60, ["CEST"] = 120, ["MET"] = 60, ["MEST"] = 120,
        ["EET"] = 120, ["EEST"] = 180, ["WEST"] = 60, ["MSK"] = 180, ["JST"] = 540, ["KST"] = 540,
        ["HKT"] = 480, ["SGT"] = 480, ["AEST"] = 600, ["AEDT"] = 660, ["ACST"] = 570, ["AWST"] = 480,
        ["NZST"] = 720, ["NZDT"] = 780,
        // RFC 822 military zones (A–I, K–M east of Greenwich, N–Y west). RFC 1123 notes they were
        // often written with the wrong sign, so only the common ones are trusted.
        ["A"] = -60, ["M"] = -720, ["N"] = 60, ["Y"] = 720,
    };

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text.Trim();

        // Nearly every real date is one of two exact shapes; reading those directly spares the
        // regex matches, token lists and substrings of the general readers below (dates were a
        // tenth of all parsing). Only a date is taken from them: anything else, including a shape
        // that matches but names no real day, goes through the general readers as before.
        return CommonIso(value) ?? CommonRfc822(value) ?? ParseIso(value) ?? ParseRfc822(value) ?? ParseFallback(value);
    }

    /// <summary>"2003-12-31T10:14:55Z", with optional fraction and a Z or ±hh:mm zone: what <see cref="ParseIso"/> reads them as.</summary>
    private static DateTimeOffset? CommonIso(string value)
    {
        var v = value.AsSpan();
        if (v.Length < 19 || v[4] != '-' || v[7] != '-' || v[10] is not ('T' or 't') || v[13] != ':' || v[16] != ':'
            || !Digits(v[..4]) || !Digits(v.Slice(5, 2)) || !Digits(v.Slice(8, 2)) || !Digits(v.Slice(11, 2)) || !Digits(v.Slice(14, 2)) || !Digits(v.Slice(17, 2)))
        {
            return null;
        }

        var i = 19;
        double fraction = 0;
        if (i < v.Length && v[i] is '.' or ',')
        {
            var digits = 0;
            while (i + 1 + digits < v.Length && char.IsAsciiDigit(v[i + 1 + digits]))
            {
                digits++;
            }

            if (digits == 0)
            {
                return null;
            }

            // As ParseIso: the first seven digits count, read as the decimal "0.ddddddd".
            Span<char> number = stackalloc char[9];
            "0.".CopyTo(number);
            var kept = Math.Min(digits, 7);
            v.Slice(i + 1, kept).CopyTo(number[2..]);
            fraction = double.Parse(number[..(kept + 2)], CultureInfo.InvariantCulture);
            i += 1 + digits;
        }

        var zone = v[i..];
        var zoneIsCommon = zone is "" or "Z" or "z"
            || (zone.Length == 6 && zone[0] is '+' or '-' && Digits(zone.Slice(1, 2)) && zone[3] == ':' && Digits(zone.Slice(4, 2)));
        if (!zoneIsCommon)
        {
            return null;
        }

        var offset = zone.Length <= 1 ? 0 : FixedZone(zone[0], zone.Slice(1, 2), zone.Slice(4, 2)) ?? 0;
        return Build(Int(v[..4]), Int(v.Slice(5, 2)), Int(v.Slice(8, 2)), Int(v.Slice(11, 2)), Int(v.Slice(14, 2)), Int(v.Slice(17, 2)), offset, fraction);
    }

    /// <summary>"Tue, 10 Jun 2003 04:00:00 GMT" (weekday optional, zone ±hhmm or a known name): what <see cref="ParseRfc822"/> reads them as.</summary>
    private static DateTimeOffset? CommonRfc822(string value)
    {
        var v = value.AsSpan();
        if (v.Length > 5 && char.IsAsciiLetter(v[0]) && char.IsAsciiLetter(v[1]) && char.IsAsciiLetter(v[2]) && v[3] == ',' && v[4] == ' ')
        {
            if (!IsDayName(v[..3]))
            {
                return null;
            }

            v = v[5..];
        }

        // d[d] Mon yyyy hh:mm:ss zone
        var dayLength = v.Length > 1 && v[1] == ' ' ? 1 : 2;
        if (v.Length < dayLength + 22 || !Digits(v[..dayLength]) || v[dayLength] != ' ')
        {
            return null;
        }

        var day = Int(v[..dayLength]);
        v = v[(dayLength + 1)..];
        var month = v.Length > 3 && v[3] == ' ' && char.IsAsciiLetter(v[0]) && char.IsAsciiLetter(v[1]) && char.IsAsciiLetter(v[2])
            ? MonthNumber(v[..3])
            : 0;
        if (month == 0 || v[8] != ' ' || !Digits(v.Slice(4, 4)) || v[11] != ':' || v[14] != ':' || v[17] != ' '
            || !Digits(v.Slice(9, 2)) || !Digits(v.Slice(12, 2)) || !Digits(v.Slice(15, 2)))
        {
            return null;
        }

        var zone = v[18..];
        int offset;
        if (zone.Length == 5 && zone[0] is '+' or '-' && Digits(zone[1..]))
        {
            offset = FixedZone(zone[0], zone.Slice(1, 2), zone.Slice(3, 2)) ?? 0;
        }
        else if (zone.Length is > 0 and <= 4 && IsAsciiLetters(zone) && ZoneMinutes.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(zone, out var named))
        {
            offset = named;
        }
        else
        {
            return null;
        }

        return Build(Int(v.Slice(4, 4)), month, day, Int(v.Slice(9, 2)), Int(v.Slice(12, 2)), Int(v.Slice(15, 2)), offset, 0);
    }

    private static bool Digits(ReadOnlySpan<char> text) => text.Length > 0 && !text.ContainsAnyExceptInRange('0', '9');

    private static bool IsAsciiLetters(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static DateTimeOffset? ParseIso(string value)
    {
        var m = Iso().Match(value);
        if (!m.Success)
        {
            return null;
        }

        var year = Int(m.Groups["y"].Value);
        var month = m.Groups["mo"].Success ? Int(m.Groups["mo"].Value) : 1;
        var day = m.Groups["d"].Success ? Int(m.Groups["d"].Value) : 1;
        var hour = m.Groups["h"].Success ? Int(m.Groups["h"].Value) : 0;
        var minute = m.Groups["mi"].Success ? Int(m.Groups["mi"].Value) : 0;
        var second = m.Groups["s"].Success ? Int(m.Groups["s"].Value) : 0;
        var fraction = m.Groups["f"].Success ? double.Parse("0." + m.Groups["f"].Value, CultureInfo.InvariantCulture) : 0;
        var offset = m.Groups["z"].Success ? ZoneOffset(m.Groups["z"].Value) ?? 0 : 0;
        return Build(year, month, day, hour, minute, second, offset, fraction);
    }

    private static DateTimeOffset? ParseRfc822(string value)
    {
        var tokens = Separators().Split(value).Where(t => t.Length > 0).ToList();
        int? month = null;
        var numbers = new List<string>();
        string? time = null;
        int? offset = null;
        var pm = false;
        var am = false;
        foreach (var raw in tokens)
        {
            var token = raw.Trim('.', ',');
            if (token.Length == 0)
            {
                continue;
            }

            if (token.Contains(':', StringComparison.Ordinal) && time is null && char.IsAsciiDigit(token[0]))
            {
                // "10:14:55", or "10:14:55+0100" / "10:14:55Z" glued to its zone.
                var zoneAt = token.IndexOfAny(['+', '-', 'Z', 'z'], 1);
                time = zoneAt > 0 ? token[..zoneAt] : token;
                if (zoneAt > 0)
                {
                    offset = ZoneOffset(token[zoneAt..]);
                }
            }
            else if (token[0] is '+' or '-' && token.Length > 1 && char.IsAsciiDigit(token[1]))
            {
                offset = ZoneOffset(token);
            }
            else if (char.IsAsciiDigit(token[0]))
            {
                if (!token.All(char.IsAsciiDigit))
                {
                    var digits = new string(token.TakeWhile(char.IsAsciiDigit).ToArray());
                    var suffix = token[digits.Length..].ToUpperInvariant();
                    if (suffix is not ("ST" or "ND" or "RD" or "TH"))
                    {
                        return null;
                    }

                    token = digits;
                }

                numbers.Add(token);
            }
            else if (char.IsLetter(token[0]))
            {
                var lower = token.ToLowerInvariant();
                var monthIndex = lower.Length >= 3 ? Array.IndexOf(Months, lower[..3]) : -1;
                if (monthIndex >= 0 && month is null && !IsDayName(lower))
                {
                    month = monthIndex + 1;
                }
                else if (lower is "pm" or "p.m")
                {
                    pm = true;
                }
                else if (lower is "am" or "a.m")
                {
                    am = true;
                }
                else if (ZoneOffset(token) is { } zone)
                {
                    offset = zone;
                }
                else if (!IsDayName(lower) && lower is not ("at" or "on"))
                {
                    return null;
                }
            }
        }

        if (month is null || numbers.Count < 2)
        {
            return null;
        }

        // "25 Nov 2026" or "Nov 25 2026" or "2026 Nov 25": the 3-4 digit one is the year.
        string dayText, yearText;
        if (numbers[0].Length >= 3)
        {
            (yearText, dayText) = (numbers[0], numbers[1]);
        }
        else
        {
            (dayText, yearText) = (numbers[0], numbers[1]);
        }

        var year = Int(yearText);
        if (yearText.Length <= 2)
        {
            // RFC 2822 §4.3: 00–49 are 2000–2049, 50–99 are 1950–1999.
            year += year < 50 ? 2000 : 1900;
        }
        else if (yearText.Length == 3)
        {
            year += 1900;
        }

        int hour = 0, minute = 0, second = 0;
        if (time is not null)
        {
            var parts = time.Split(':');
            if (parts.Length < 2 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit)))
            {
                return null;
            }

            hour = Int(parts[0]);
            minute = Int(parts[1]);
            second = parts.Length > 2 ? Int(parts[2]) : 0;
            if (pm && hour < 12)
            {
                hour += 12;
            }
            else if (am && hour == 12)
            {
                hour = 0;
            }
        }

        return Build(year, month.Value, Int(dayText), hour, minute, second, offset ?? 0, 0);
    }

    private static DateTimeOffset? ParseFallback(string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var any)
            ? any.ToUniversalTime()
            : null;

    /// <summary>What <see cref="IsDayName(string)"/> says of three ASCII letters, lower-cased (without the copies).</summary>
    private static bool IsDayName(ReadOnlySpan<char> letters)
    {
        foreach (var day in (ReadOnlySpan<string>)["mon", "tue", "wed", "thu", "fri", "sat", "sun"])
        {
            if (letters.Equals(day, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>1–12 for three ASCII letters naming a month in any case; 0 otherwise.</summary>
    private static int MonthNumber(ReadOnlySpan<char> letters)
    {
        for (var i = 0; i < Months.Length; i++)
        {
            if (letters.Equals(Months[i], StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        return 0;
    }

    /// <summary>What <see cref="ZoneOffset"/> makes of a numeric zone already known to be ±hh[:]mm (digits checked).</summary>
    private static int? FixedZone(char sign, ReadOnlySpan<char> hours, ReadOnlySpan<char> minutes)
    {
        var (h, m) = (Int(hours), Int(minutes));
        if (h > 14 || m > 59)
        {
            return null;
        }

        var total = (h * 60) + m;
        return sign == '-' ? -total : total;
    }

    private static bool IsDayName(string lower) =>
        lower.Length >= 3 && lower[..3] is "mon" or "tue" or "wed" or "thu" or "fri" or "sat" or "sun";

    /// <summary>Minutes east of UTC for "+0100", "-05:00", "+01", "GMT+2", "EST"; null when unknown.</summary>
    private static int? ZoneOffset(string zone)
    {
        var z = zone.Trim();
        if (ZoneMinutes.TryGetValue(z, out var named))
        {
            return named;
        }

        foreach (var prefix in (string[])["GMT", "UTC", "UT"])
        {
            if (z.Length > prefix.Length && z.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && z[prefix.Length] is '+' or '-')
            {
                z = z[prefix.Length..];
                break;
            }
        }

        if (z.Length < 2 || z[0] is not ('+' or '-'))
        {
            return null;
        }

        var digits = z[1..].Replace(":", "", StringComparison.Ordinal);
        if (!digits.All(char.IsAsciiDigit) || digits.Length is 0 or > 4)
        {
            return null;
        }

        var (hours, minutes) = digits.Length <= 2 ? (Int(digits), 0) : (Int(digits[..^2]), Int(digits[^2..]));
        if (hours > 14 || minutes > 59)
        {
            return null;
        }

        var total = (hours * 60) + minutes;
        return z[0] == '-' ? -total : total;
    }

    private static DateTimeOffset? Build(int year, int month, int day, int hour, int minute, int second, int offsetMinutes, double fraction)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 24 || minute > 59 || second > 61)
        {
            return null;
        }

        // 24:00 is midnight at the end of the day; leap seconds are folded into the next minute.
        var local = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified)
            .AddHours(hour).AddMinutes(minute).AddSeconds(second).AddTicks((long)(fraction * TimeSpan.TicksPerSecond));
        var utc = local.AddMinutes(-offsetMinutes);
        return utc.Year is < 1 or > 9999 ? null : new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Unspecified), TimeSpan.Zero);
    }

    private static int Int(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static int Int(ReadOnlySpan<char> digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    // W3CDTF and ISO 8601: 2003-12-31T10:14:55.123-08:00, 20031231T101455Z, 2003-12, 2003-12-31 10:14 EST.
    [GeneratedRegex(@"^(?<y>\d{4})(?:-?(?<mo>\d{2})(?:-?(?<d>\d{2}))?)?(?:(?:T|\s+)(?<h>\d{1,2})(?::?(?<mi>\d{2})(?::?(?<s>\d{2})(?:[.,](?<f>\d{1,7})\d*)?)?)?)?\s*(?<z>Z|[+-]\d{1,2}(?::?\d{2})?|[A-Za-z]{1,5})?$", RegexOptions.IgnoreCase)]
    private static partial Regex Iso();

    [GeneratedRegex(@"[\s,]+|(?<=[A-Za-z])-(?=\d)|(?<=\d)-(?=[A-Za-z])|(?<=[A-Za-z])/|/(?=[A-Za-z])")]
    private static partial Regex Separators();
}
