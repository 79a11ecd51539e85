using System.Globalization;
using NewsWatch.Classification.Language;

namespace NewsWatch.UnitTests.Classification.Language;

public sealed class TextElementsTests
{
    [Theory]
    [InlineData("abc", 3)]
    [InlineData("e\u0301te\u0301", 3)]
    [InlineData("\U0001F1F5\U0001F1F0 flag", 6)]
    [InlineData("line\r\nbreak", 10)]
    public void Count_Graphemes_CountedAsStringInfoDoes(string text, int expected)
    {
        Assert.Equal(expected, TextElements.Count(text));
        Assert.Equal(new StringInfo(text).LengthInTextElements, TextElements.Count(text));
    }

    [Fact]
    public void PrefixLength_CutNearASpace_EndsAfterTheSpace()
    {
        var text = new string('a', 18) + " " + new string('b', 10);

        Assert.Equal(19, TextElements.PrefixLength(text, 20)); // 20 would cut a "b" off the next word
    }

    [Fact]
    public void PrefixLength_NoSpaceInTheLastTenth_CutsAtTheLimit() =>
        Assert.Equal(20, TextElements.PrefixLength("a " + new string('b', 40), 20));

    [Fact]
    public void PrefixLength_NeverSplitsAGrapheme() =>
        Assert.Equal(4, TextElements.PrefixLength("e\u0301e\u0301e\u0301", 2));

    [Fact]
    public void Split_LongText_PartsWithinTheLimitThatJoinToTheText()
    {
        var text = string.Concat(Enumerable.Range(0, 3000).Select(i => $"w{i} "));

        var parts = TextElements.Split(text, 1000);

        Assert.Equal(text, string.Concat(parts.Select(p => text.Substring(p.Start, p.Length))));
        Assert.All(parts, p => Assert.InRange(TextElements.Count(text.AsSpan(p.Start, p.Length)), 1, 1000));
        Assert.All(parts.SkipLast(1), p => Assert.InRange(p.Length, 900, 1000));
    }
}
