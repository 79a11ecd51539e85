using NewsWatch.Classification;

namespace NewsWatch.UnitTests.Classification;

/// <summary>
/// The prefix trie gives, at a position of folded text, exactly the patterns one of whose prefixes the text has
/// there, a space in a prefix standing for a run of whitespace. Held to a plain comparison of every prefix.
/// </summary>
public sealed class PrefixIndexTests
{
    private const string Alphabet = "ab c";

    [Fact]
    public void Collect_RandomPrefixesAndTexts_SameAsComparingEveryPrefix()
    {
        var random = new Random(20_261_127);
        for (var round = 0; round < 300; round++)
        {
            // Few letters, so that prefixes share heads, run in single-child chains and end inside each other.
            var prefixes = new List<IReadOnlyList<string>>();
            for (var pattern = random.Next(1, 30); pattern > 0; pattern--)
            {
                var own = new List<string>();
                for (var count = random.Next(1, 4); count > 0; count--)
                {
                    var prefix = Word(random, random.Next(1, 12)).Trim();
                    if (prefix.Length > 0 && !own.Any(o => o.StartsWith(prefix, StringComparison.Ordinal) || prefix.StartsWith(o, StringComparison.Ordinal)))
                    {
                        own.Add(prefix);
                    }
                }

                prefixes.Add(own);
            }

            var index = new PrefixIndex(prefixes);
            var text = Word(random, random.Next(0, 80));
            var buffer = new int[prefixes.Count];
            for (var position = 0; position < text.Length; position++)
            {
                var count = index.Collect(text, position, buffer);
                Assert.Equal(Expected(prefixes, text, position), buffer[..count]);
            }
        }
    }

    [Fact]
    public void Collect_LongChainWithSpaces_FollowsWhitespaceRuns()
    {
        string[][] prefixes = [["ministry of defence"], ["ministry of"], ["minister"]];
        var index = new PrefixIndex(prefixes);
        var buffer = new int[prefixes.Length];

        Assert.Equal([0, 1], buffer[..index.Collect("ministry   of  defence x", 0, buffer)]);
        Assert.Equal([1], buffer[..index.Collect("ministry of defense", 0, buffer)]);
        Assert.Equal([2], buffer[..index.Collect("minister", 0, buffer)]);
        Assert.Empty(buffer[..index.Collect("ministr", 0, buffer)]);
    }

    private static string Word(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[random.Next(Alphabet.Length)];
        }

        return new string(chars);
    }

    private static int[] Expected(List<IReadOnlyList<string>> prefixes, string text, int position)
    {
        var found = new List<int>();
        for (var pattern = 0; pattern < prefixes.Count; pattern++)
        {
            if (prefixes[pattern].Any(prefix => HasAt(text, position, prefix)))
            {
                found.Add(pattern);
            }
        }

        return [.. found];
    }

    /// <summary>Whether <paramref name="prefix"/> is at <paramref name="position"/>, each of its spaces matching a run of spaces.</summary>
    private static bool HasAt(string text, int position, string prefix)
    {
        var i = position;
        foreach (var c in prefix)
        {
            if (i >= text.Length || text[i] != c)
            {
                return false;
            }

            i++;
            while (c == ' ' && i < text.Length && text[i] == ' ')
            {
                i++;
            }
        }

        return true;
    }
}
