using NewsWatch.Classification;

namespace NewsWatch.UnitTests.Classification;

/// <summary>
/// MatchInput folds ASCII text with vectorised lower-casing and non-ASCII text character by character; both must
/// give what <see cref="TextChars"/> says of each character, which the matcher's other tests hold to the regex engine.
/// </summary>
public sealed class MatchInputTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Rent_EveryAsciiCharacterInRandomTexts_FoldsAndStartsAsTextChars(bool withNonAscii)
    {
        var random = new Random(20_261_126);
        for (var n = 0; n < 2_000; n++)
        {
            var chars = new char[random.Next(0, 60)];
            for (var i = 0; i < chars.Length; i++)
            {
                // Mostly letters and spaces, so that words form; every ASCII character turns up somewhere.
                chars[i] = random.Next(4) switch
                {
                    0 => ' ',
                    1 => (char)random.Next(128),
                    _ => (char)('a' + random.Next(26) - (random.Next(3) == 0 ? 32 : 0)),
                };
            }

            if (withNonAscii && chars.Length > 0)
            {
                const string NonAscii = "éÄſKΣ\u00a0\u2003٣ж";
                chars[random.Next(chars.Length)] = NonAscii[random.Next(NonAscii.Length)];
            }

            var text = new string(chars);
            using var input = MatchInput.Rent(text);
            var (folded, starts) = Expected(text);
            Assert.Equal(folded, input.Folded.ToString());
            Assert.Equal(starts, input.Starts.ToArray());
        }
    }

    private static (string Folded, int[] Starts) Expected(string text)
    {
        var folded = new char[text.Length];
        var starts = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            folded[i] = TextChars.Fold(text[i]);
            if (folded[i] != TextChars.Space && (i == 0 || !TextChars.IsWordChar(text[i - 1])))
            {
                starts.Add(i);
            }
        }

        return (new string(folded), [.. starts]);
    }
}
