using NewsWatch.Classification;

namespace NewsWatch.UnitTests.Classification;

public sealed class PhraseMatcherTests
{
    [Fact]
    public void FindAll_LongerAlternativeAtSamePosition_Wins()
    {
        var matcher = new PhraseMatcher<string>(
        [
            new PhrasePattern<string>("Guinea", "Guinea"),
            new PhrasePattern<string>("Guinea-Bissau", "Guinea-Bissau"),
        ]);
        var hits = new List<Hit<string>>();

        matcher.FindAll("Arms went to Guinea-Bissau and Guinea.", hits);

        Assert.Equal(["Guinea-Bissau", "Guinea"], hits.Select(h => h.Item));
    }

    [Fact]
    public void FindAll_InsideAWord_DoesNotMatch()
    {
        var matcher = new PhraseMatcher<string>([new PhrasePattern<string>("Oman", "Oman")]);
        var hits = new List<Hit<string>>();

        matcher.FindAll("A Romanian woman visited Oman.", hits);

        var hit = Assert.Single(hits);
        Assert.Equal(25, hit.Start);
    }

    [Fact]
    public void FindAll_StopPhrase_ShadowsShorterMatch()
    {
        var matcher = new PhraseMatcher<string>(
        [
            new PhrasePattern<string>("China", "China"),
            new PhrasePattern<string>(@"South\s+China\s+Sea", null),
        ]);
        var hits = new List<Hit<string>>();

        matcher.FindAll("Patrols in the South China Sea; China objected.", hits);

        Assert.Equal(["China"], hits.Select(h => h.Item));
    }

    [Fact]
    public void FindAll_ContextSensitivePattern_IdentifiedPerPosition()
    {
        var matcher = new PhraseMatcher<string>(
        [
            new PhrasePattern<string>(@"(?-i:Typhoon(?!\s+[A-Z][a-z]))", "jet"),
        ]);
        var hits = new List<Hit<string>>();

        matcher.FindAll("Typhoon Haiyan hit Manila. Qatar bought a Typhoon fleet.", hits);

        Assert.Equal(["jet"], hits.Select(h => h.Item));
    }

    [Fact]
    public void FindAll_AfterHyphenWhenSkipping_Ignored()
    {
        var matcher = new PhraseMatcher<string>([new PhrasePattern<string>("supplied", "supplied")], skipAfterHyphen: true);
        var hits = new List<Hit<string>>();

        matcher.FindAll("US-supplied rockets; the US supplied rockets.", hits);

        Assert.Equal(28, Assert.Single(hits).Start);
    }

    [Theory]
    [InlineData("(?-i:Mi|MI)[-‐‑– ]?35", "m")]
    [InlineData(@"(?:attack|combat)\s+helicopters?", "ac")]
    [InlineData(@"[AR]?GM-?84", "agr")]
    [InlineData(@"(?<!\w)S-?400", "s")]
    public void RegexFirstChars_KnownShapes_FindsStartingCharacters(string pattern, string expected)
    {
        Assert.True(RegexFirstChars.TryGet(pattern, out var chars));
        Assert.Equal(expected.ToHashSet(), chars);
    }

    [Theory]
    [InlineData(@"\w+ship")]
    [InlineData(@"[^x]ship")]
    [InlineData(@".+ship")]
    [InlineData("a?")]
    public void RegexFirstChars_OpenStart_Unknown(string pattern)
    {
        Assert.False(RegexFirstChars.TryGet(pattern, out _));
    }
}
