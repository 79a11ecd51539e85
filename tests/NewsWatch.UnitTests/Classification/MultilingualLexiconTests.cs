using NewsWatch.Classification;

namespace NewsWatch.UnitTests.Classification;

/// <summary>
/// The multilingual part of the lexicons (issue 4): country names with their inflected forms, transfer
/// vocabulary for every language, and the prepositions and case forms that mark a party's role.
/// </summary>
public sealed class MultilingualLexiconTests
{
    public static TheoryData<string> Languages => new("fr", "de", "es", "it", "pt", "pl", "ru", "ar");

    [Theory]
    [InlineData("Pakistanu", "Pakistan")]
    [InlineData("Pakistanowi", "Pakistan")]
    [InlineData("Пакистан", "Pakistan")]
    [InlineData("Пакистана", "Pakistan")]
    [InlineData("Пакистану", "Pakistan")]
    [InlineData("Пакистаном", "Pakistan")]
    [InlineData("باكستان", "Pakistan")]
    [InlineData("لباكستان", "Pakistan")]
    [InlineData("Paquistão", "Pakistan")]
    [InlineData("Россия", "Russia")]
    [InlineData("России", "Russia")]
    [InlineData("Россию", "Russia")]
    [InlineData("Россией", "Russia")]
    [InlineData("Polska", "Poland")]
    [InlineData("Polski", "Poland")]
    [InlineData("Polsce", "Poland")]
    [InlineData("Polskę", "Poland")]
    [InlineData("Niemcy", "Germany")]
    [InlineData("Niemiec", "Germany")]
    [InlineData("Niemcom", "Germany")]
    [InlineData("للهند", "India")]
    [InlineData("والهند", "India")]
    [InlineData("بالهند", "India")]
    [InlineData("États-Unis", "United States")]
    [InlineData("Stanów Zjednoczonych", "United States")]
    [InlineData("США", "United States")]
    [InlineData("EE.UU.", "United States")]
    [InlineData("Alemania", "Germany")]
    [InlineData("Cina", "China")]
    [InlineData("Rússia", "Russia")]
    [InlineData("Moskwie", "Russia")]
    [InlineData("Кремль", "Russia")]
    [InlineData("Вашингтоном", "United States")]
    [InlineData("Ägypten", "Egypt")]
    [InlineData("مصر", "Egypt")]
    [InlineData("Корею", "South Korea")]
    [InlineData("كوريا", "South Korea")]
    [InlineData("Южной Кореи", "South Korea")]
    [InlineData("Korei Południowej", "South Korea")]
    [InlineData("Arabie saoudite", "Saudi Arabia")]
    [InlineData("السعودية", "Saudi Arabia")]
    public void TryResolveCountry_NameOrInflectedFormInOtherLanguage_ResolvesToCanonicalName(string text, string expected)
    {
        Assert.True(Lexicon.Default.TryResolveCountry(text, out var name), text);
        Assert.Equal(expected, name);
    }

    [Theory]
    [InlineData("russe", "Russia")]
    [InlineData("russische", "Russia")]
    [InlineData("russischen", "Russia")]
    [InlineData("ruso", "Russia")]
    [InlineData("rusa", "Russia")]
    [InlineData("russi", "Russia")]
    [InlineData("rosyjskie", "Russia")]
    [InlineData("русский", "Russia")]
    [InlineData("российский", "Russia")]
    [InlineData("российские", "Russia")]
    [InlineData("روسي", "Russia")]
    [InlineData("الروسية", "Russia")]
    [InlineData("américaines", "United States")]
    [InlineData("estadounidense", "United States")]
    [InlineData("pakistanaise", "Pakistan")]
    [InlineData("türkischen", "Turkey")]
    [InlineData("egipskie", "Egypt")]
    public void TryResolveCountry_AdjectiveInOtherLanguage_ResolvesToCountry(string text, string expected)
    {
        Assert.True(Lexicon.Default.TryResolveCountry(text, out var name), text);
        Assert.Equal(expected, name);
    }

    [Theory]
    [InlineData("americano")]
    [InlineData("chino")]
    [InlineData("chinos")]
    [InlineData("Indie")]
    [InlineData("Chin")]
    [InlineData("Dania")]
    [InlineData("Pekin")]
    [InlineData("indiana")]
    public void TryResolveCountry_ForeignFormThatIsAnEnglishWord_IsLeftOut(string text)
    {
        Assert.False(Lexicon.Default.TryResolveCountry(text, out _));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void TransferTerms_EachLanguage_CoverTheMainStages(string language)
    {
        var stages = LexiconResources.ReadTransferTerms().Entries
            .Where(e => e.Name.EndsWith($"({language})", StringComparison.Ordinal))
            .Select(e => e.Stage)
            .ToHashSet();

        Assert.All(
            [DealStage.Negotiating, DealStage.Signed, DealStage.Delivered, DealStage.EmbargoLifted, DealStage.EmbargoImposed],
            stage => Assert.Contains(stage, stages));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void TransferTerms_EachLanguage_HaveSupplyAndAcquireVerbs(string language)
    {
        var directions = LexiconResources.ReadTransferTerms().Entries
            .Where(e => e.Name.EndsWith($"({language})", StringComparison.Ordinal))
            .Select(e => e.Direction)
            .ToHashSet();

        Assert.Contains("supply", directions);
        Assert.Contains("acquire", directions);
    }

    [Theory]
    // French, German, Spanish, Italian, Portuguese.
    [InlineData("la livraison d'hélicoptères à l'Inde", "Inde", nameof(PrepositionKind.To))]
    [InlineData("des chars achetés auprès de la France", "France", nameof(PrepositionKind.From))]
    [InlineData("des blindés importés d'Allemagne", "Allemagne", nameof(PrepositionKind.From))]
    [InlineData("le porte-parole du ministère de la Défense de l'Inde", "Inde", nameof(PrepositionKind.Other))]
    [InlineData("un contrat signé par la Pologne", "Pologne", nameof(PrepositionKind.By))]
    [InlineData("die Lieferung von Panzern an die Ukraine", "Ukraine", nameof(PrepositionKind.To))]
    [InlineData("Rüstungsexporte in die Türkei", "Türkei", nameof(PrepositionKind.To))]
    [InlineData("Soldaten in der Türkei", "Türkei", nameof(PrepositionKind.Other))]
    [InlineData("Waffen aus Deutschland", "Deutschland", nameof(PrepositionKind.From))]
    [InlineData("la venta de tanques para Polonia", "Polonia", nameof(PrepositionKind.To))]
    [InlineData("l'acquisto di fregate dall'Italia", "Italia", nameof(PrepositionKind.From))]
    [InlineData("la vendita di caccia all'Egitto", "Egitto", nameof(PrepositionKind.To))]
    [InlineData("a compra de caças da Suécia", "Suécia", nameof(PrepositionKind.From))]
    [InlineData("a venda de helicópteros ao Paquistão", "Paquistão", nameof(PrepositionKind.To))]
    // Polish: the case after the preposition decides.
    [InlineData("dostawy broni do Polski", "Polski", nameof(PrepositionKind.To))]
    [InlineData("umowa z Francją", "Francją", nameof(PrepositionKind.With))]
    [InlineData("import broni z Francji", "Francji", nameof(PrepositionKind.From))]
    [InlineData("dostawy broni na Ukrainę", "Ukrainę", nameof(PrepositionKind.To))]
    [InlineData("Rosja sprzeda Pakistanowi", "Pakistanowi", nameof(PrepositionKind.To))]
    // Russian: accusative after в means into; a bare dative receives.
    [InlineData("поставки в Индию", "Индию", nameof(PrepositionKind.To))]
    [InlineData("учения в Индии", "Индии", nameof(PrepositionKind.Other))]
    [InlineData("Россия поставит Пакистану", "Пакистану", nameof(PrepositionKind.To))]
    [InlineData("закупит у России", "России", nameof(PrepositionKind.From))]
    [InlineData("контракт с Индией", "Индией", nameof(PrepositionKind.With))]
    [InlineData("поставки для армии Индии", "Индии", nameof(PrepositionKind.To))]
    // Arabic: separate prepositions, and لـ glued to the name.
    [InlineData("صفقة مروحيات لباكستان", "لباكستان", nameof(PrepositionKind.To))]
    [InlineData("صفقة مقاتلات للهند", "للهند", nameof(PrepositionKind.To))]
    [InlineData("صفقة مقاتلات ولمصر", "ولمصر", nameof(PrepositionKind.To))]
    [InlineData("تتفاوض مع لبنان", "لبنان", nameof(PrepositionKind.With))]
    [InlineData("صفقة أسلحة إلى مصر", "مصر", nameof(PrepositionKind.To))]
    [InlineData("اشترت مقاتلات من روسيا", "روسيا", nameof(PrepositionKind.From))]
    // English is read as before: an article is not German "an", and "do" is not Polish.
    [InlineData("Russia sold an Indian firm", "Indian", nameof(PrepositionKind.None))]
    [InlineData("How do Russian exporters", "Russian", nameof(PrepositionKind.None))]
    [InlineData("the sale of jets to Pakistan", "Pakistan", nameof(PrepositionKind.To))]
    [InlineData("the Government of Poland", "Poland", nameof(PrepositionKind.None))]
    public void Before_PrepositionOrCaseInOtherLanguage_GivesRole(string text, string mention, string expected)
    {
        var position = text.LastIndexOf(mention, StringComparison.Ordinal);

        Assert.Equal(Enum.Parse<PrepositionKind>(expected), PrepositionReader.Before(text, position, 0));
    }
}
