using NewsWatch.Classification;

namespace NewsWatch.UnitTests.Classification;

/// <summary>The bitmap and keys of <see cref="StartWords"/> against comparing every word at every position.</summary>
public sealed class StartWordsTests
{
    [Fact]
    public void OwnersAt_RandomWordsAndTexts_SameAsComparingEveryWord()
    {
        var random = new Random(20_261_127);
        for (var round = 0; round < 300; round++)
        {
            var words = new List<(string Word, int Owner)>();
            for (var n = random.Next(1, 12); n > 0; n--)
            {
                words.Add((Text(random, random.Next(1, 7)), random.Next(0, 5)));
            }

            var index = new StartWords(words);
            var owners = new int[index.Count];
            var text = Text(random, random.Next(0, 40));
            for (var position = 0; position < text.Length; position++)
            {
                var expected = words.Where(w => text.AsSpan(position).StartsWith(w.Word, StringComparison.Ordinal)).Select(w => w.Owner).Order().ToList();

                var count = index.OwnersAt(text, position, owners);

                Assert.Equal(expected, owners[..count].Order().ToList());
                Assert.True(count == 0 || index.MayHaveAt(text, position), $"a word at {position} of \"{text}\" was ruled out");
            }
        }
    }

    // Few letters, so that words share their first characters and the texts have them often.
    private static string Text(Random random, int length) =>
        new([.. Enumerable.Range(0, length).Select(_ => "abcé "[random.Next(5)])]);
}
