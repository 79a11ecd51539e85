using System.Text.RegularExpressions;

namespace NewsWatch.Conformance;

/// <summary>The header comment of a feedparser test file: Expect:, Header: (HTTP headers the test server sent), SkipUnless:.</summary>
internal sealed partial record FeedparserCase(string Expect, string? ContentType, string? ContentLocation, bool Skipped)
{
    public static FeedparserCase Read(byte[] bytes)
    {
        // The comment is ASCII in every encoding test except UTF-16/32 ones; reading those as UTF-16/32 finds it.
        var head = System.Text.Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 4096)).Replace("\0", "", StringComparison.Ordinal);
        string? Field(string name)
        {
            var m = HeaderLine().Matches(head).FirstOrDefault(x => x.Groups["name"].Value.Equals(name, StringComparison.OrdinalIgnoreCase));
            return m?.Groups["value"].Value.Trim();
        }

        string? contentType = null, contentLocation = null;
        foreach (Match m in HeaderLine().Matches(head))
        {
            if (!m.Groups["name"].Value.Equals("Header", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var header = m.Groups["value"].Value.Split(':', 2);
            if (header.Length == 2 && header[0].Trim().Equals("Content-type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = header[1].Trim();
            }
            else if (header.Length == 2 && header[0].Trim().Equals("Content-Location", StringComparison.OrdinalIgnoreCase))
            {
                contentLocation = header[1].Trim();
            }
        }

        return new FeedparserCase(Field("Expect") ?? "", contentType, contentLocation, Field("SkipUnless") is not null);
    }

    [GeneratedRegex(@"^\s*(?<name>Expect|Header|SkipUnless|Description):\s*(?<value>.*?)\s*$", RegexOptions.Multiline)]
    private static partial Regex HeaderLine();
}
