using NewsWatch.Classification;

namespace NewsWatch.UnitTests.Classification;

public sealed class TextReadingTests
{
    [Theory]
    [InlineData("The deal covers 96 AH-64E helicopters.", "AH-64E", 96)]
    [InlineData("It will buy twelve Dassault Rafale jets.", "Rafale", 12)]
    [InlineData("It requested eighty-four (84) AIM-120C-8 missiles.", "AIM-120C-8", 84)]
    [InlineData("Talks cover a dozen Mi-35 gunships.", "Mi-35", 12)]
    [InlineData("Talks cover two dozen Mi-35 gunships.", "Mi-35", 24)]
    [InlineData("Kyiv got twenty-four Leopard tanks.", "Leopard", 24)]
    [InlineData("Sales of 1,725 JDAM kits rose.", "JDAM", 1725)]
    public void QuantityReader_CountBeforeMention_Read(string text, string mention, int expected)
    {
        Assert.Equal(expected, QuantityReader.Before(text, text.IndexOf(mention, StringComparison.Ordinal), 0));
    }

    [Theory]
    [InlineData("It negotiates the sale of a number of Mi-35 helicopters.", "Mi-35")]
    [InlineData("A $1.2 billion F-16 package was cleared.", "F-16")]
    [InlineData("In 2019 F-16 jets arrived.", "F-16")]
    [InlineData("The first IRIS-T system arrived.", "IRIS-T")]
    [InlineData("Dozens of T-72 tanks were sent.", "T-72")]
    public void QuantityReader_NoCount_Null(string text, string mention)
    {
        Assert.Null(QuantityReader.Before(text, text.IndexOf(mention, StringComparison.Ordinal), 0));
    }

    [Fact]
    public void ArticleText_Abbreviations_DoNotSplitSentences()
    {
        var article = ArticleText.Create(
            "Headline. With a period",
            "The U.S. Army said Gen. Smith met Sergei V. Chemezov. A second sentence follows! And a third? Yes.");

        Assert.Equal(
            ["Headline. With a period", "The U.S. Army said Gen. Smith met Sergei V. Chemezov.", "A second sentence follows!", "And a third?", "Yes."],
            Enumerable.Range(0, article.Sentences.Count).Select(article.SentenceText));
        Assert.True(article.IsTitle(0));
        Assert.False(article.IsTitle(1));
    }

    [Theory]
    [InlineData("Москва сделала заявление. Россия поставит Пакистану вертолёты.", "Москва сделала заявление.", "Россия поставит Пакистану вертолёты.")]
    [InlineData("أعلنت موسكو ذلك. روسيا ستبيع مروحيات لباكستان.", "أعلنت موسكو ذلك.", "روسيا ستبيع مروحيات لباكستان.")]
    [InlineData("هل ستبيع روسيا؟ روسيا ستبيع مروحيات لباكستان.", "هل ستبيع روسيا؟", "روسيا ستبيع مروحيات لباكستان.")]
    [InlineData("Paris a parlé. Égypte achète des Rafale.", "Paris a parlé.", "Égypte achète des Rafale.")]
    public void ArticleText_SentencesInOtherScripts_AreSplit(string text, string first, string second)
    {
        var article = ArticleText.Create(null, text);

        Assert.Equal([first, second], Enumerable.Range(0, article.Sentences.Count).Select(article.SentenceText));
    }

    [Theory]
    [InlineData("The sale to the Government of Poland was approved.", "Poland", "To")]
    [InlineData("Deliveries for the Royal Australian Navy begin.", "Australian", "To")]
    [InlineData("It bought jets from France.", "France", "From")]
    [InlineData("Russia sells jets.", "Russia", "None")]
    [InlineData("Talks, Russia said, went well.", "Russia", "None")]
    [InlineData("India signed a deal with France.", "France", "With")]
    [InlineData("An embargo on Iran stays.", "Iran", "On")]
    [InlineData("Troops in Mali stayed.", "Mali", "Other")]
    public void PrepositionReader_BeforeMention_ReadsGoverningPreposition(string text, string mention, string expected)
    {
        Assert.Equal(Enum.Parse<PrepositionKind>(expected), PrepositionReader.Before(text, text.IndexOf(mention, StringComparison.Ordinal), 0));
    }

    [Theory]
    [InlineData("The deal is worth $1.2 billion over ten years.", "$1.2 billion")]
    [InlineData("A €300m order was placed.", "€300m")]
    [InlineData("BAE won a £19.6bn contract.", "£19.6bn")]
    [InlineData("It got a 164.2 mln dlr contract.", "164.2 mln dlr")]
    [InlineData("Spain pays 2 billion euros for them.", "2 billion euros")]
    public void MoneyPattern_StatedValue_Matched(string text, string expected)
    {
        Assert.Equal(expected, MoneyPattern.Value().Match(text).Value.Trim());
    }
}
