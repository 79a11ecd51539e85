using System.Net;
using System.Text.Json;
using Azure;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsWatch.Classification;
using NewsWatch.Classification.Language;

namespace NewsWatch.UnitTests.Classification.Language;

public sealed class LanguageEnricherTests : IDisposable
{
    private const string Text = "Russia has agreed to sell Mi-35 attack helicopters to pakistan, officials said.";

    // Relevant, supplier known, recipient missing ("pakistan" in lower case is not a country to the lexicon scan).
    private static readonly DealAssessment MissingRecipient = new(
        Relevant: true, Score: 0.81, Stage: "Signed", Supplier: "Russia", Recipient: null,
        Systems: [new WeaponSystemMention("Mi-35", WeaponCategory.Aircraft, null)],
        Evidence: [new Evidence("system", "Mi-35"), new Evidence("transfer", "agreed to sell"), new Evidence("supplier", "Russia")]);

    private readonly MetricsCapture _metrics = new();

    public void Dispose() => _metrics.Dispose();

    private LanguageEnricher Enricher(ILanguageAnalyzer analyzer, Action<LanguageOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new LanguageOptions { Endpoint = "https://newswatch-test.cognitiveservices.azure.com", Key = "k" };
        configure?.Invoke(options);
        return new LanguageEnricher(analyzer, Options.Create(options), new LanguageMetrics(_metrics), time ?? TimeProvider.System, NullLogger<LanguageEnricher>.Instance);
    }

    private static LanguageEntity Entity(string text, string category, string? subcategory = null, double confidence = 0.9, string within = Text) =>
        new(text, category, subcategory, within.IndexOf(text, StringComparison.Ordinal), text.Length, confidence);

    [Fact]
    public async Task EnrichAsync_NoEndpointConfigured_NeverCallsTheAnalyzer()
    {
        var analyzer = new FakeLanguageAnalyzer();
        var enricher = Enricher(analyzer, o => o.Endpoint = null);

        var result = await enricher.EnrichAsync("a1", "Title", Text, MissingRecipient, default);

        Assert.Same(MissingRecipient, result);
        Assert.Equal(0, analyzer.Calls);
    }

    [Fact]
    public async Task EnrichAsync_NotRelevant_NeverCallsTheAnalyzer()
    {
        var analyzer = new FakeLanguageAnalyzer();
        var local = MissingRecipient with { Relevant = false, Score = 0.45 };

        var result = await Enricher(analyzer).EnrichAsync("a1", null, Text, local, default);

        Assert.Same(local, result);
        Assert.Equal(0, analyzer.Calls);
    }

    [Fact]
    public async Task EnrichAsync_RelevantWithoutGaps_NeverCallsTheAnalyzer()
    {
        var analyzer = new FakeLanguageAnalyzer();
        var local = MissingRecipient with { Recipient = "Pakistan" };

        await Enricher(analyzer).EnrichAsync("a1", null, Text, local, default);

        Assert.Equal(0, analyzer.Calls);
    }

    [Fact]
    public async Task EnrichAsync_LocationEntityTheLexiconScanMissed_FillsTheMissingRecipientWithEvidence()
    {
        var analyzer = new FakeLanguageAnalyzer();
        analyzer.Entities.AddRange([Entity("Russia", "Location", "GPE"), Entity("pakistan", "Location", "GPE"), Entity("Mi-35", "Product")]);

        var result = await Enricher(analyzer).EnrichAsync("a1", "Helicopter deal", Text, MissingRecipient, default);

        Assert.Equal("Russia", result.Supplier);
        Assert.Equal("Pakistan", result.Recipient);
        Assert.Contains(new Evidence("recipient", "pakistan"), result.Evidence);
        Assert.Equal(MissingRecipient.Score, result.Score);
        Assert.Equal(MissingRecipient.Systems, result.Systems);
        var sent = Assert.Single(analyzer.EntityRequests);
        Assert.Equal("Helicopter deal\n\n" + Text, sent.Text);
        Assert.Equal("en", sent.Language);
        Assert.Empty(analyzer.KeyPhraseRequests); // a named system is listed: no key phrases needed
        Assert.Equal(1, _metrics.Sum("newswatch.language.enriched"));
        Assert.Equal(1, _metrics.Sum("newswatch.language.calls", "kind", "EntityRecognition"));
    }

    [Fact]
    public async Task EnrichAsync_OrganisationEntityOfTheLexicon_FillsTheMissingSupplierWithItsCountry()
    {
        const string text = "Rosoboronexport will deliver the helicopters to India next year.";
        var analyzer = new FakeLanguageAnalyzer();
        analyzer.Entities.Add(Entity("Rosoboronexport", "Organization", within: text));
        var local = MissingRecipient with { Supplier = null, Recipient = "India", Evidence = [new Evidence("recipient", "India")] };

        var result = await Enricher(analyzer).EnrichAsync("a1", null, text, local, default);

        Assert.Equal("Russia", result.Supplier);
        Assert.Contains(new Evidence("supplier", "Rosoboronexport"), result.Evidence);
    }

    [Fact]
    public async Task EnrichAsync_TwoNewCountries_LeavesTheRoleEmpty()
    {
        const string text = "Russia will sell helicopters; pakistan and bangladesh were named.";
        var analyzer = new FakeLanguageAnalyzer();
        analyzer.Entities.AddRange([Entity("pakistan", "Location", "GPE", within: text), Entity("bangladesh", "Location", "GPE", within: text)]);

        var result = await Enricher(analyzer).EnrichAsync("a1", null, text, MissingRecipient, default);

        Assert.Null(result.Recipient);
        Assert.Equal(0, _metrics.Sum("newswatch.language.enriched"));
    }

    [Fact]
    public async Task EnrichAsync_EntityForAPartyAlreadyNamed_DoesNotFillTheRole()
    {
        const string text = "Moscow has agreed to sell helicopters, the Kremlin said.";
        var analyzer = new FakeLanguageAnalyzer();
        analyzer.Entities.Add(Entity("Moscow", "Location", "GPE", within: text));

        var result = await Enricher(analyzer).EnrichAsync("a1", null, text, MissingRecipient, default);

        Assert.Null(result.Recipient);
    }

    [Fact]
    public async Task EnrichAsync_LowConfidenceOrIntergovernmentalEntities_AreIgnored()
    {
        const string text = "The United Nations noted helicopters sold to pakistan.";
        var analyzer = new FakeLanguageAnalyzer();
        analyzer.Entities.AddRange([Entity("United Nations", "Organization", within: text), Entity("pakistan", "Location", "GPE", confidence: 0.4, within: text)]);

        var result = await Enricher(analyzer).EnrichAsync("a1", null, text, MissingRecipient, default);

        Assert.Null(result.Recipient);
    }

    [Fact]
    public async Task EnrichAsync_ProductDesignationBeforeACategoryNoun_AddsTheSystemInPlaceOfTheGenericNoun()
    {
        const string text = "South Korea will deliver 12 VX-42 fighter jets to Poland.";
        var analyzer = new FakeLanguageAnalyzer();
        analyzer.Entities.AddRange([Entity("VX-42", "Product", within: text), Entity("Poland", "Location", "GPE", within: text)]);
        var local = new DealAssessment(true, 0.9, "Delivering", "South Korea", "Poland",
            [new WeaponSystemMention("fighter jets", WeaponCategory.Aircraft, 12)],
            [new Evidence("system", "fighter jets"), new Evidence("supplier", "South Korea"), new Evidence("recipient", "Poland")]);

        var result = await Enricher(analyzer).EnrichAsync("a1", null, text, local, default);

        Assert.Equal([new WeaponSystemMention("VX-42", WeaponCategory.Aircraft, 12)], result.Systems);
        Assert.Equal(new Evidence("system", "VX-42"), result.Evidence[0]);
        Assert.Single(analyzer.KeyPhraseRequests); // no named system: key phrases were asked too
    }

    [Fact]
    public async Task EnrichAsync_KeyPhraseWithCountDesignationAndNoun_AddsTheSystemWithItsCount()
    {
        const string text = "Egypt signed for 24 ZK-7 attack helicopters from an unnamed supplier.";
        var analyzer = new FakeLanguageAnalyzer();
        analyzer.KeyPhrases.AddRange(["unnamed supplier", "24 ZK-7 attack helicopters", "Egypt"]);
        var local = new DealAssessment(true, 0.7, "Signed", null, "Egypt",
            [new WeaponSystemMention("arms", WeaponCategory.Other, null)], [new Evidence("recipient", "Egypt")]);

        var result = await Enricher(analyzer).EnrichAsync("a1", null, text, local, default);

        Assert.Equal([new WeaponSystemMention("ZK-7", WeaponCategory.Aircraft, 24)], result.Systems);
    }

    [Fact]
    public async Task EnrichAsync_ProductThatIsNoDesignatedWeapon_AddsNothing()
    {
        const string text = "Apple sold the iPhone 15 phones to Poland while Korea sold fighter jets.";
        var analyzer = new FakeLanguageAnalyzer();
        analyzer.Entities.Add(Entity("iPhone 15", "Product", within: text));
        analyzer.KeyPhrases.Add("iPhone 15 phones");
        var local = new DealAssessment(true, 0.7, null, "South Korea", "Poland",
            [new WeaponSystemMention("fighter jets", WeaponCategory.Aircraft, null)], []);

        var result = await Enricher(analyzer).EnrichAsync("a1", null, text, local, default);

        Assert.Equal(local.Systems, result.Systems);
    }

    [Fact]
    public async Task EnrichAsync_AnalyzerFailsWithNetworkError_KeepsTheLocalAssessmentAndCountsTheFailure()
    {
        var analyzer = new FakeLanguageAnalyzer { Failure = new HttpRequestException("connection refused") };

        var result = await Enricher(analyzer).EnrichAsync("a1", null, Text, MissingRecipient, default);

        Assert.Same(MissingRecipient, result);
        Assert.Equal(1, _metrics.Sum("newswatch.language.failures", "reason", "network"));
    }

    [Fact]
    public async Task EnrichAsync_AnalyzerAnswersGarbage_KeepsTheLocalAssessmentAndCountsInvalidResponse()
    {
        var analyzer = new FakeLanguageAnalyzer { Failure = new JsonException("bad") };

        var result = await Enricher(analyzer).EnrichAsync("a1", null, Text, MissingRecipient, default);

        Assert.Same(MissingRecipient, result);
        Assert.Equal(1, _metrics.Sum("newswatch.language.failures", "reason", "invalid-response"));
    }

    [Fact]
    public async Task EnrichAsync_AnalyzerSlowerThanTheTimeout_KeepsTheLocalAssessmentAndCountsTimeout()
    {
        var time = new FakeTimeProvider();
        var analyzer = new FakeLanguageAnalyzer { Hang = new TaskCompletionSource() };
        var enrich = Enricher(analyzer, o => o.Timeout = TimeSpan.FromSeconds(10), time).EnrichAsync("a1", null, Text, MissingRecipient, default);

        await analyzer.Hang.Task.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(10));
        var result = await enrich.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Same(MissingRecipient, result);
        Assert.Equal(1, _metrics.Sum("newswatch.language.failures", "reason", "timeout"));
    }

    [Fact]
    public async Task EnrichAsync_CallerCancels_Propagates()
    {
        var analyzer = new FakeLanguageAnalyzer { Hang = new TaskCompletionSource() };
        using var cancellation = new CancellationTokenSource();
        var enrich = Enricher(analyzer).EnrichAsync("a1", null, Text, MissingRecipient, cancellation.Token);

        await analyzer.Hang.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => enrich);
        Assert.Equal(0, _metrics.Sum("newswatch.language.failures"));
    }

    [Fact]
    public async Task EnrichAsync_403QuotaExhaustedFromTheService_NotRetriedClassifiedLocallyAndPausesFurtherCalls()
    {
        var time = new FakeTimeProvider();
        var service = new FakeLanguageService(time);
        service.Then(HttpStatusCode.Forbidden,
            """{"error":{"code":"403","message":"Out of call volume quota for TextAnalytics F0 pricing tier. Please retry after 15 days."}}""",
            ("Retry-After", "1296000"));
        var client = new LanguageClient(new Uri("https://newswatch-test.cognitiveservices.azure.com"), new AzureKeyCredential("k"),
            new LanguageClientOptions { Transport = new HttpClientTransport(service), TimeProvider = time });
        var enricher = Enricher(client, time: time);

        var first = await enricher.EnrichAsync("a1", null, Text, MissingRecipient, default).WaitAsync(TimeSpan.FromSeconds(10));
        var second = await enricher.EnrichAsync("a2", null, Text, MissingRecipient, default);
        time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1)); // the pause is capped at a day
        await enricher.EnrichAsync("a3", null, Text, MissingRecipient, default);

        Assert.Same(MissingRecipient, first);
        Assert.Same(MissingRecipient, second);
        Assert.Equal(2, service.Requests.Count); // a1 once (no retry), a2 skipped while paused, a3 after the pause
        Assert.Equal(1, _metrics.Sum("newswatch.language.failures", "reason", "quota"));
        Assert.Equal(1, _metrics.Sum("newswatch.language.skipped", "reason", "paused"));
    }

    [Fact]
    public async Task EnrichAsync_ForbiddenWithoutQuotaMessage_CountsForbiddenAndDoesNotPause()
    {
        var analyzer = new FakeLanguageAnalyzer { Failure = new RequestFailedException(403, "Access denied due to Virtual Network/Firewall rules.", "Forbidden", null) };
        var enricher = Enricher(analyzer);

        await enricher.EnrichAsync("a1", null, Text, MissingRecipient, default);
        await enricher.EnrichAsync("a2", null, Text, MissingRecipient, default);

        Assert.Equal(2, analyzer.EntityRequests.Count);
        Assert.Equal(2, _metrics.Sum("newswatch.language.failures", "reason", "forbidden"));
    }

    [Fact]
    public async Task EnrichAsync_CandidatesBeyondTheBudget_AreSkippedWithoutCalling()
    {
        var analyzer = new FakeLanguageAnalyzer();
        var enricher = Enricher(analyzer, o => o.MaxCallsPerThousandArticles = 50);

        for (var i = 0; i < 5; i++)
        {
            await enricher.EnrichAsync($"a{i}", null, Text, MissingRecipient, default);
        }

        Assert.Equal(2, analyzer.EntityRequests.Count); // the burst of two, then 5 articles earn a quarter of a call
        Assert.Equal(3, _metrics.Sum("newswatch.language.skipped", "reason", "budget"));
    }

    [Fact]
    public async Task EnrichAsync_LongArticle_SendsAtMostMaxTextElements()
    {
        var analyzer = new FakeLanguageAnalyzer();
        var text = string.Concat(Enumerable.Repeat("Helicopters were sold to a buyer. ", 400));

        await Enricher(analyzer).EnrichAsync("a1", "Title", text, MissingRecipient, default);

        Assert.InRange(Assert.Single(analyzer.EntityRequests).Text.Length, 4608, 5120);
    }
}
