using System.Text;
using System.Text.RegularExpressions;
using NewsWatch.Classification;

namespace NewsWatch.UnitTests.Classification;

/// <summary>
/// The sentence splitter and the money scan skip the places where their patterns cannot match. These tests hold
/// them to what a plain scan with the same pattern finds, on texts built from the pieces the patterns look at.
/// </summary>
public sealed class ScanShortcutTests
{
    private static readonly string[] SentencePieces =
    [
        "Mr", "Gen", "Dr", "No", "Sept", "approx", "U", "S", "A", "V", "x", "word", "said", "Égypte", "Россия", "روسيا", "7",
        ".", ".", "!", "?", "؟", "\"", "'", "”", "’", ")", "]", "(", "[", "«", "“", "‘",
        " ", " ", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\u00a0", "\u200d", "\u200c", "_", "ж",
    ];

    private static readonly string[] MoneyPieces =
    [
        "$", "US", "U.S.", "A", "C", "NZ", "HK", "S", "€", "£", "¥", "₹", "USD", "EUR", "RMB", "Rs", "Rs.", "x", "word",
        " ", " ", "  ", "1", "12", "3,000", ".5", "2019", "٣", "३", "billion", "bn", "m", "k", "mln", "dollars", "dlrs",
        "euros", "pounds", "sterling", "Hong", "Kong", "Australian", ",", "-", "(", "\n", "GBP", "INR", "million", "trillion",
        "mn", "bln", "Billion", "\u00A0", "\u2003", "In", "N", "Z", ".", "1.", "U.S.$", "tons",
    ];

    [Theory]
    [InlineData("The U.S. Army said Gen. Smith met Sergei V. Chemezov. A second sentence follows! And a third? Yes.")]
    [InlineData("He said: \"It is done.\" Then he left. (It was late.) [Noted.] «Fin.» ‘Quote.’ ”End.”")]
    [InlineData("First line\n\nSecond line\r\n \r\n\tThird. 4 more.\n\n")]
    [InlineData("هل ستبيع روسيا؟ روسيا ستبيع مروحيات لباكستان. Paris a parlé. Égypte achète des Rafale.")]
    [InlineData("No. 5 and Nos. 6, approx. 7 units. Mr. X met Dr. Y. A. B. Jones.")]
    [InlineData("")]
    [InlineData(".")]
    [InlineData(". A")]
    public void SentenceSplitter_KnownTexts_SplitsAsFullScan(string text)
    {
        for (var start = 0; start <= text.Length; start++)
        {
            Assert.Equal(FullScanSplit(text, start), Split(text, start));
        }
    }

    [Fact]
    public void SentenceSplitter_EveryAbbreviationOfThePattern_SplitsAsFullScan()
    {
        // The abbreviations as the pattern lists them, in their own case and in others, glued and spaced.
        var listed = Regex.Match(SentenceSplitter.BoundaryPattern, @"\\b\(\?:([A-Za-z|]+)\|\[A-Z\]\)").Groups[1].Value.Split('|');
        Assert.Contains("Sept", listed);
        foreach (var abbreviation in listed)
        {
            foreach (var text in new[]
            {
                $"He met {abbreviation}. Smith. Then {abbreviation.ToUpperInvariant()}. Jones left.",
                $"Ask {abbreviation.ToLowerInvariant()}. Brown, x{abbreviation}. Green and _{abbreviation}. 7 more.",
                $"({abbreviation}.) \"{abbreviation}.\" A{abbreviation}. B",
            })
            {
                Assert.Equal(FullScanSplit(text, 0), Split(text, 0));
            }
        }
    }

    [Fact]
    public void SentenceSplitter_GeneratedTexts_SplitsAsFullScan()
    {
        var random = new Random(20_241_126);
        for (var n = 0; n < 20_000; n++)
        {
            var text = Generate(random, SentencePieces, random.Next(0, 40));
            var start = random.Next(0, text.Length + 1);
            Assert.Equal(FullScanSplit(text, start), Split(text, start));
        }
    }

    [Theory]
    [InlineData("The deal is worth $1.2 billion over ten years.")]
    [InlineData("Worth U.S.$ 5 billion, or USD  7 mln, or Rs. 9 crore.")]
    [InlineData("قيمتها ٣ billion dollars and ३ mln euros")]
    [InlineData("No figure at all, not even U.S.$ or €.")]
    [InlineData("$5$6 and 1,200 mln dlrs, 7 billion Hong  Kong dollars; US$12, 2019 12m")]
    [InlineData("12")]
    [InlineData("")]
    public void MoneyPattern_KnownTexts_FindsWhatAFullScanFinds(string text)
    {
        Assert.Equal(FullScanValues(text), Values(text));
    }

    [Fact]
    public void MoneyPattern_GeneratedTexts_FindsWhatAFullScanFinds()
    {
        var random = new Random(20_241_127);
        for (var n = 0; n < 5_000; n++)
        {
            var text = Generate(random, MoneyPieces, random.Next(0, 30));
            Assert.Equal(FullScanValues(text), Values(text));
        }
    }

    private static string Generate(Random random, string[] pieces, int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append(pieces[random.Next(pieces.Length)]);
        }

        return text.ToString();
    }

    private static List<TextRange> Split(string text, int start)
    {
        var sentences = new List<TextRange>();
        SentenceSplitter.Split(text, start, text.Length - start, sentences, isTitle: false);
        return sentences;
    }

    // The splitter as it was: every boundary a scan of the whole pattern finds, then each piece trimmed (as the
    // splitter trims: what is tested is where the boundaries are).
    private static List<TextRange> FullScanSplit(string text, int start)
    {
        var sentences = new List<TextRange>();
        if (text.Length - start <= 0)
        {
            return sentences;
        }

        var boundary = new Regex(SentenceSplitter.BoundaryPattern, SentenceSplitter.BoundaryOptions);
        var sentenceStart = start;
        foreach (var match in boundary.EnumerateMatches(text.AsSpan(), start))
        {
            SentenceSplitter.Add(text, sentenceStart, match.Index, sentences);
            sentenceStart = match.Index + match.Length;
        }

        SentenceSplitter.Add(text, sentenceStart, text.Length, sentences);
        return sentences;
    }

    private static List<(int, int)> Values(string text)
    {
        var values = new List<TextRange>();
        MoneyPattern.FindAll(text, values);
        return values.ConvertAll(v => (v.Start, v.Length));
    }

    private static List<(int, int)> FullScanValues(string text)
    {
        var values = new List<(int, int)>();
        foreach (var match in new Regex(MoneyPattern.ValuePattern, MoneyPattern.ValueOptions).EnumerateMatches(text))
        {
            values.Add((match.Index, match.Length));
        }

        return values;
    }
}
