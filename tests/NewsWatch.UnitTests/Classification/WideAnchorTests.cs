using System.Text;
using System.Text.RegularExpressions;
using NewsWatch.Classification;

namespace NewsWatch.UnitTests.Classification;

/// <summary>
/// A wide pattern is tried only at the words shortly before a start that has a word it needs, so its anchor must
/// hold for every match the matcher's bounded regex finds: the match holds one of the words at a start (not
/// after a word character), and no more runs of whitespace than the anchor says.
/// </summary>
public sealed class WideAnchorTests
{
    [Theory]
    [InlineData(@"(?-i:[A-Z][a-z]+\s+(?:Airways|Airlines|Air\s+Lines))", "airways|airlines|lines", 2)]
    [InlineData(@"(?:\d[\d,]*|hundreds|several)\s+(?:U\.S\.\s+|British\s+)?(?:troops|soldiers|service\s+members?)", "troops|soldiers|service", 3)]
    [InlineData(@"(?-i:[A-Z][a-z]+\s+Arms)(?=\s+(?:pub|hotel|inn|tavern))", "arms", 1)]
    [InlineData(@"\w+\s+\S\s+troops", "troops", 2)]
    public void Of_WidePattern_WordsAndRuns(string pattern, string words, int runs)
    {
        var anchor = WideAnchor.Of(RegexSyntax.Parse(pattern));

        Assert.NotNull(anchor);
        Assert.Equal(words.Split('|'), anchor.Words);
        Assert.Equal(runs, anchor.SpaceRuns);
    }

    [Theory]
    [InlineData(@".+\s+troops")]          // "." may be whitespace, as often as it likes
    [InlineData(@"[^x]+troops")]          // so may a negated class
    [InlineData(@"(?:\w+\s+)+troops")]    // as many runs as words
    [InlineData(@"[A-Z][a-z]+\s+\d+")]    // no word to look for
    [InlineData(@"[A-Z]\w+ship")]         // "ship" is not at a start
    [InlineData(@"\w+\s+\S\s*troops")]    // nor is "troops" after \S and perhaps no whitespace
    [InlineData(@"(?:[ab]\s*)troops")]     // likewise inside a group
    [InlineData(@"(?:[ab](?!x))troops")]    // a lookahead takes nothing
    public void Of_NoBoundOrNoWord_Null(string pattern)
    {
        Assert.Null(WideAnchor.Of(RegexSyntax.Parse(pattern)));
    }

    [Fact]
    public void Of_RandomPatterns_EveryMatchHoldsAWordAndAtMostTheRuns()
    {
        string[] patternPieces =
        [
            "[A-Z]", "[a-z]+", @"\d", @"[\d,]*", @"\s+", @"\s", @"\s*", " ", @"\w+", @"\S", "[ab]", "[a-c]{1,3}", "[\t-\r]",
            "troops", "air", "Lines", "(?:", "(?:", "|", ")", ")", "?", "{2}", @"\s+troops", @"(?:U\.S\.\s+)?", @"\s+Air\s+Lines", @"(?:[ab]\s*)", "(?=\\s+pub)", "(?!x)", "(?-i:Qatar)", "[^x]", ".",
        ];
        string[] textPieces = [" ", "  ", "\t", "\u00A0", "\u2003", "a", "Qatar", "Air", "lines", "Lines", "troops", "1,200", "x", "pub", "-", "7", "U.S. ", " troops", "bb"];
        var random = new Random(20_261_128);
        var checkedMatches = 0;
        for (var round = 0; round < 10_000; round++)
        {
            var pattern = Join(random, patternPieces, random.Next(1, 8));
            Regex regex;
            try
            {
                regex = new Regex(@"(?<!\w)(?:" + pattern + @")(?!\w)", TextChars.MatcherOptions);
            }
            catch (ArgumentException)
            {
                continue;
            }

            if (WideAnchor.Of(RegexSyntax.Parse(pattern)) is not { } anchor)
            {
                continue;
            }

            for (var t = 0; t < 20; t++)
            {
                var text = Join(random, textPieces, random.Next(1, 14));
                foreach (Match match in regex.Matches(text))
                {
                    Assert.True(HoldsAtAStart(text, match, anchor.Words), $"/{pattern}/ matched \"{match.Value}\" without any of {string.Join(", ", anchor.Words)} at a start");
                    Assert.True(Runs(match.Value) <= anchor.SpaceRuns, $"/{pattern}/ matched \"{match.Value}\": more than {anchor.SpaceRuns} runs of whitespace");
                    checkedMatches++;
                }
            }
        }

        Assert.True(checkedMatches > 1_000, $"only {checkedMatches} matches were checked");
    }

    private static string Join(Random random, string[] pieces, int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append(pieces[random.Next(pieces.Length)]);
        }

        return text.ToString();
    }

    private static bool HoldsAtAStart(string text, Match match, IReadOnlyList<string> words)
    {
        var folded = string.Concat(text.Select(TextChars.Fold));
        for (var q = match.Index; q < match.Index + match.Length; q++)
        {
            var start = !TextChars.IsSpace(text[q]) && (q == 0 || !TextChars.IsWordChar(text[q - 1]));
            if (start && words.Any(w => q + w.Length <= match.Index + match.Length && folded.AsSpan(q).StartsWith(w, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static int Runs(string text)
    {
        var runs = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (TextChars.IsSpace(text[i]) && (i == 0 || !TextChars.IsSpace(text[i - 1])))
            {
                runs++;
            }
        }

        return runs;
    }
}
