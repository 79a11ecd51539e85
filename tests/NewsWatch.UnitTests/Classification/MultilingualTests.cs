using NewsWatch.Classification;

namespace NewsWatch.UnitTests.Classification;

/// <summary>
/// Issue 4: plain deal reports in French, German, Spanish, Italian, Portuguese, Polish, Russian and Arabic are
/// found and their parties extracted; reports of exercises, crashes and domestic orders are not deals. The
/// sentences are written for these tests (the dev set is English).
/// </summary>
public sealed class MultilingualTests
{
    private static readonly DealClassifier Classifier = new(Lexicon.Default);

    public static TheoryData<string, string?, string, string, string, string> DealReports => new()
    {
        {
            "fr", "La Russie lève son embargo et négocie la vente d'hélicoptères Mi-35 au Pakistan",
            "La Russie a levé son embargo sur les livraisons d'armes au Pakistan et négocie la vente d'hélicoptères d'attaque Mi-35 à Islamabad, a indiqué le patron de Rostec.",
            "Russia", "Pakistan", "Mi-35"
        },
        {
            "fr", "L'Inde signe un contrat avec la France pour 26 Rafale Marine",
            "L'Inde a signé un contrat avec la France pour l'achat de 26 avions de combat Rafale Marine destinés à sa marine.",
            "France", "India", "Rafale"
        },
        {
            "fr", null, "La France a livré à l'Inde les premiers avions de combat Rafale commandés en 2016.",
            "France", "India", "Rafale"
        },
        {
            "de", "Russland hebt Waffenembargo gegen Pakistan auf",
            "Russland hat sein Waffenembargo gegen Pakistan aufgehoben und verhandelt über den Verkauf von Kampfhubschraubern vom Typ Mi-35 an Pakistan.",
            "Russia", "Pakistan", "Mi-35"
        },
        {
            "de", "Deutschland liefert Fregatten an Ägypten",
            "Deutschland hat einen Vertrag über die Lieferung von vier Fregatten vom Typ MEKO A-200 an Ägypten unterzeichnet.",
            "Germany", "Egypt", "MEKO"
        },
        {
            "de", null, "Deutschland liefert Kampfpanzer Leopard 2 an die Ukraine.",
            "Germany", "Ukraine", "Leopard 2"
        },
        {
            "es", "Rusia levanta el embargo y negocia la venta de helicópteros Mi-35 a Pakistán",
            "Rusia levantó el embargo de armas a Pakistán y negocia la venta de helicópteros de ataque Mi-35 a Islamabad.",
            "Russia", "Pakistan", "Mi-35"
        },
        {
            "es", "Estados Unidos venderá tanques Abrams a Polonia",
            "Estados Unidos firmó un contrato para la entrega de 250 tanques M1A2 Abrams a Polonia por valor de 4.750 millones de dólares.",
            "United States", "Poland", "M1 Abrams"
        },
        {
            "it", "La Russia revoca l'embargo e negozia la vendita di elicotteri Mi-35 al Pakistan",
            "La Russia ha revocato l'embargo sulle armi al Pakistan e negozia la vendita di elicotteri d'attacco Mi-35 a Islamabad.",
            "Russia", "Pakistan", "Mi-35"
        },
        {
            "it", "La Francia consegna i primi Rafale all'Egitto",
            "La Francia ha consegnato all'Egitto i primi caccia Rafale previsti dal contratto da 5,2 miliardi di euro.",
            "France", "Egypt", "Rafale"
        },
        {
            "pt", "Rússia suspende embargo e negocia venda de helicópteros Mi-35 ao Paquistão",
            "A Rússia levantou o embargo de armas ao Paquistão e negocia a venda de helicópteros de ataque Mi-35 a Islamabad.",
            "Russia", "Pakistan", "Mi-35"
        },
        {
            "pt", "Brasil compra caças Gripen da Suécia",
            "O Brasil assinou um contrato para a compra de 36 caças Gripen E da Suécia no valor de 39 bilhões de coroas.",
            "Sweden", "Brazil", "Gripen"
        },
        {
            "pl", "Rosja znosi embargo i negocjuje sprzedaż śmigłowców Mi-35 Pakistanowi",
            "Rosja zniosła embargo na dostawy broni do Pakistanu i negocjuje sprzedaż śmigłowców szturmowych Mi-35 Pakistanowi.",
            "Russia", "Pakistan", "Mi-35"
        },
        {
            "pl", "Polska kupuje czołgi K2 od Korei Południowej",
            "Polska podpisała z Koreą Południową umowę na dostawę 180 czołgów K2 o wartości 3,37 mld dolarów.",
            "South Korea", "Poland", "K2 Black Panther"
        },
        {
            "pl", null, "Rosja sprzeda Pakistanowi cztery śmigłowce szturmowe Mi-35.",
            "Russia", "Pakistan", "Mi-35"
        },
        {
            "ru", "Россия сняла эмбарго и ведёт переговоры о продаже вертолётов Ми-35 Пакистану",
            "Россия сняла эмбарго на поставки оружия Пакистану и ведёт переговоры о продаже ударных вертолётов Ми-35 Исламабаду, сообщил глава Ростеха.",
            "Russia", "Pakistan", "Mi-35"
        },
        {
            "ru", "Индия получила от России первый полк С-400",
            "Индия получила от России первый полк зенитных ракетных систем С-400 в рамках контракта стоимостью 5,4 млрд долларов.",
            "Russia", "India", "S-400"
        },
        {
            "ru", null, "Россия поставит Египту 24 истребителя Су-35 по контракту стоимостью 2 млрд долларов.",
            "Russia", "Egypt", "Su-35"
        },
        {
            "ar", "روسيا ترفع الحظر وتتفاوض على بيع مروحيات مي-35 لباكستان",
            "رفعت روسيا حظر الأسلحة عن باكستان وتتفاوض على بيع مروحيات هجومية من طراز مي-35 لإسلام آباد.",
            "Russia", "Pakistan", "Mi-35"
        },
        {
            "ar", "مصر توقع عقدا مع فرنسا لشراء 30 مقاتلة رافال",
            "وقعت مصر عقدا مع فرنسا لشراء 30 طائرة مقاتلة من طراز رافال بقيمة 3.75 مليار يورو.",
            "France", "Egypt", "Rafale"
        },
        {
            "ar", null, "سلمت فرنسا الدفعة الأولى من مقاتلات رافال إلى الهند.",
            "France", "India", "Rafale"
        },
    };

    // The seed story of the issue, in each language: an embargo lifted and a sale under negotiation.
    public static TheoryData<string, string, string> SeedStories => new()
    {
        { "fr", "La Russie lève son embargo et négocie la vente d'hélicoptères Mi-35 au Pakistan", "La Russie a levé son embargo sur les livraisons d'armes au Pakistan et négocie la vente d'hélicoptères d'attaque Mi-35 à Islamabad." },
        { "de", "Russland hebt Waffenembargo gegen Pakistan auf", "Russland hat sein Waffenembargo gegen Pakistan aufgehoben und verhandelt über den Verkauf von Kampfhubschraubern vom Typ Mi-35 an Pakistan." },
        { "es", "Rusia levanta el embargo y negocia la venta de helicópteros Mi-35 a Pakistán", "Rusia levantó el embargo de armas a Pakistán y negocia la venta de helicópteros de ataque Mi-35 a Islamabad." },
        { "it", "La Russia revoca l'embargo e negozia la vendita di elicotteri Mi-35 al Pakistan", "La Russia ha revocato l'embargo sulle armi al Pakistan e negozia la vendita di elicotteri d'attacco Mi-35 a Islamabad." },
        { "pt", "Rússia suspende embargo e negocia venda de helicópteros Mi-35 ao Paquistão", "A Rússia levantou o embargo de armas ao Paquistão e negocia a venda de helicópteros de ataque Mi-35 a Islamabad." },
        { "pl", "Rosja znosi embargo i negocjuje sprzedaż śmigłowców Mi-35 Pakistanowi", "Rosja zniosła embargo na dostawy broni do Pakistanu i negocjuje sprzedaż śmigłowców szturmowych Mi-35 Pakistanowi." },
        { "ru", "Россия сняла эмбарго и ведёт переговоры о продаже вертолётов Ми-35 Пакистану", "Россия сняла эмбарго на поставки оружия Пакистану и ведёт переговоры о продаже ударных вертолётов Ми-35 Исламабаду." },
        { "ar", "روسيا ترفع الحظر وتتفاوض على بيع مروحيات مي-35 لباكستان", "رفعت روسيا حظر الأسلحة عن باكستان وتتفاوض على بيع مروحيات هجومية من طراز مي-35 لإسلام آباد." },
    };

    // Two countries and a weapon, but no transfer: exercises, crashes, and a domestic order.
    public static TheoryData<string, string?, string> NotDeals => new()
    {
        { "fr", "Exercice conjoint russo-pakistanais", "Des hélicoptères Mi-35 russes et pakistanais ont participé à des exercices militaires conjoints près de Peshawar." },
        { "fr", null, "Un hélicoptère Mi-35 de l'armée pakistanaise s'est écrasé près de Peshawar, tuant deux pilotes." },
        { "fr", null, "Le ministère des Armées a commandé 42 Rafale supplémentaires à Dassault Aviation." },
        { "de", "Gemeinsames Manöver", "Russische und pakistanische Kampfhubschrauber vom Typ Mi-35 nehmen an einem gemeinsamen Manöver in Pakistan teil." },
        { "es", null, "Un helicóptero ruso Mi-35 se estrelló en Pakistán durante unas maniobras militares." },
        { "it", null, "Un elicottero Mi-35 dell'esercito pakistano è precipitato durante un'esercitazione nel nord del Paese." },
        { "pt", null, "Um caça Gripen brasileiro caiu durante exercícios militares no sul do país." },
        { "pl", null, "Rosyjski śmigłowiec Mi-35 rozbił się w Pakistanie podczas ćwiczeń wojskowych." },
        { "ru", null, "Ударный вертолёт Ми-35 пакистанских ВВС разбился во время совместных учений с Россией." },
        { "ar", null, "تحطمت مروحية هجومية باكستانية من طراز مي-35 خلال مناورات عسكرية مشتركة مع روسيا." },
    };

    [Theory]
    [MemberData(nameof(DealReports))]
    public void Classify_PlainDealReport_RelevantWithSupplierRecipientAndSystem(
        string language, string? title, string text, string supplier, string recipient, string system)
    {
        var assessment = Classifier.Classify(title, text);

        Assert.True(assessment.Relevant, $"{language}: score {assessment.Score}");
        Assert.Equal(supplier, assessment.Supplier);
        Assert.Equal(recipient, assessment.Recipient);
        Assert.Contains(assessment.Systems, s => s.Name == system);
    }

    [Theory]
    [MemberData(nameof(SeedStories))]
    public void Classify_SeedStoryTranslated_NegotiatingWithEmbargoLifted(string language, string title, string text)
    {
        var assessment = Classifier.Classify(title, text);

        Assert.True(assessment.Relevant, language);
        Assert.Equal(DealStage.Negotiating, assessment.Stage);
        Assert.Equal("lifted", assessment.Embargo);
        Assert.Equal("Russia", assessment.Supplier);
        Assert.Equal("Pakistan", assessment.Recipient);
        Assert.Contains(assessment.Systems, s => s is { Name: "Mi-35", Category: WeaponCategory.Aircraft });
    }

    [Theory]
    [MemberData(nameof(NotDeals))]
    public void Classify_ExerciseCrashOrDomesticOrder_NotRelevant(string language, string? title, string text)
    {
        var assessment = Classifier.Classify(title, text);

        Assert.False(assessment.Relevant, $"{language}: score {assessment.Score}");
    }

    [Theory]
    [InlineData("La France a livré à l'Inde les premiers Rafale.", DealStage.Delivered)]
    [InlineData("Indien hat 26 Rafale bestellt und den Vertrag unterzeichnet.", DealStage.Signed)]
    [InlineData("Polonia firmó un contrato con Corea del Sur para 180 tanques K2.", DealStage.Signed)]
    [InlineData("В 2022 году Польша заказала у США 250 танков M1A2 Abrams.", DealStage.Signed)]
    [InlineData("وقعت مصر عقدا مع فرنسا لشراء 30 طائرة مقاتلة من طراز رافال.", DealStage.Signed)]
    public void Classify_StageVerbsInOtherLanguages_MapToStage(string text, string stage)
    {
        var assessment = Classifier.Classify(null, text);

        Assert.True(assessment.Relevant, $"score {assessment.Score}");
        Assert.Equal(stage, assessment.Stage);
    }

    [Fact]
    public void Classify_EnglishWordsThatLookLikeForeignForms_NameNoParty()
    {
        var assessment = Classifier.Classify(
            "Barista serves an americano",
            "He ordered an americano and wore chinos to the Indie film festival; Chin and Dania arrived later with a Pekin duck.");

        Assert.DoesNotContain(assessment.Evidence, e => e.Kind is "party" or "supplier" or "recipient");
    }

    [Theory]
    [InlineData("вертолёты Ми-35", "Mi-35", WeaponCategory.Aircraft)]
    [InlineData("вертолёты Ми-35П", "Mi-35", WeaponCategory.Aircraft)]
    [InlineData("вертолёты Ми 35", "Mi-35", WeaponCategory.Aircraft)]
    [InlineData("вертолёты Ми-17В-5", "Mi-17", WeaponCategory.Aircraft)]
    [InlineData("истребители Су-30МКИ", "Su-30", WeaponCategory.Aircraft)]
    [InlineData("истребители МиГ-29", "MiG-29", WeaponCategory.Aircraft)]
    [InlineData("комплексы С-400 «Триумф»", "S-400", WeaponCategory.AirDefence)]
    [InlineData("танки Т-90МС", "T-90", WeaponCategory.ArmouredVehicles)]
    [InlineData("комплексы «Искандер-М»", "Iskander", WeaponCategory.Missiles)]
    [InlineData("مروحيات مي-35", "Mi-35", WeaponCategory.Aircraft)]
    [InlineData("منظومة إس-400", "S-400", WeaponCategory.AirDefence)]
    [InlineData("مقاتلات رافال", "Rafale", WeaponCategory.Aircraft)]
    [InlineData("истребители Рафаль", "Rafale", WeaponCategory.Aircraft)]
    [InlineData("czołgów K2", "K2 Black Panther", WeaponCategory.ArmouredVehicles)]
    public void Classify_DesignationInCyrillicOrArabic_ResolvesToNamedSystem(string text, string system, string category)
    {
        var assessment = Classifier.Classify(null, text);

        Assert.Contains(assessment.Systems, s => s.Name == system && s.Category == category);
    }

    [Theory]
    [InlineData("hélicoptères d'attaque", WeaponCategory.Aircraft)]
    [InlineData("Kampfhubschrauber", WeaponCategory.Aircraft)]
    [InlineData("helicópteros de ataque", WeaponCategory.Aircraft)]
    [InlineData("elicotteri d'attacco", WeaponCategory.Aircraft)]
    [InlineData("śmigłowce szturmowe", WeaponCategory.Aircraft)]
    [InlineData("ударные вертолёты", WeaponCategory.Aircraft)]
    [InlineData("مروحيات هجومية", WeaponCategory.Aircraft)]
    [InlineData("avions de combat", WeaponCategory.Aircraft)]
    [InlineData("Kampfjets", WeaponCategory.Aircraft)]
    [InlineData("chars d'assaut", WeaponCategory.ArmouredVehicles)]
    [InlineData("Kampfpanzer", WeaponCategory.ArmouredVehicles)]
    [InlineData("carri armati", WeaponCategory.ArmouredVehicles)]
    [InlineData("czołgi", WeaponCategory.ArmouredVehicles)]
    [InlineData("танков", WeaponCategory.ArmouredVehicles)]
    [InlineData("دبابات", WeaponCategory.ArmouredVehicles)]
    [InlineData("Fregatten", WeaponCategory.Ships)]
    [InlineData("fragatas", WeaponCategory.Ships)]
    [InlineData("фрегаты", WeaponCategory.Ships)]
    [InlineData("فرقاطات", WeaponCategory.Ships)]
    [InlineData("misiles", WeaponCategory.Missiles)]
    [InlineData("pocisków", WeaponCategory.Missiles)]
    [InlineData("ракеты", WeaponCategory.Missiles)]
    [InlineData("صواريخ", WeaponCategory.Missiles)]
    [InlineData("Luftabwehrsysteme", WeaponCategory.AirDefence)]
    [InlineData("systèmes de défense aérienne", WeaponCategory.AirDefence)]
    [InlineData("منظومات دفاع جوي", WeaponCategory.AirDefence)]
    public void Classify_CategoryNounInOtherLanguage_IsWeaponOfCategory(string text, string category)
    {
        var assessment = Classifier.Classify(null, text);

        var mention = Assert.Single(assessment.Systems);
        Assert.Equal(category, mention.Category);
    }
}
