using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NewsWatch.Classification;
using NewsWatch.Classification.Language;

namespace NewsWatch.UnitTests.Classification.Language;

public sealed class LanguageCompositionTests
{
    private static HostApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        return builder;
    }

    [Fact]
    public void AddNewsWatch_NoLanguageEndpoint_RegistersNoEnricherSoTheServiceIsNeverCalled()
    {
        var builder = Builder();

        builder.AddNewsWatch();

        Assert.DoesNotContain(builder.Services, d => d.ServiceType == typeof(LanguageEnricher));
        Assert.DoesNotContain(builder.Services, d => d.ServiceType == typeof(ILanguageAnalyzer));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("https://x.cognitiveservices.azure.com")]
    public void AddNewsWatch_WithOrWithoutLanguageEndpoint_TheClassificationStageResolves(string? endpoint)
    {
        var builder = endpoint is null ? Builder() : Builder(("NewsWatch:Language:Endpoint", endpoint), ("NewsWatch:Language:Key", "k"));

        builder.AddNewsWatch();
        using var host = builder.Build();

        Assert.NotNull(host.Services.GetRequiredService<ArticleAssessor>());
        Assert.Equal(endpoint is not null, host.Services.GetService<LanguageEnricher>() is not null);
    }

    [Fact]
    public void AddLanguageEnrichment_EndpointAndKey_ResolvesTheRestClientAndTheEnricher()
    {
        var builder = Builder(("NewsWatch:Language:Endpoint", "https://x.cognitiveservices.azure.com"), ("NewsWatch:Language:Key", "k"));

        builder.AddLanguageEnrichment();
        using var host = builder.Build();

        Assert.IsType<LanguageClient>(host.Services.GetRequiredService<ILanguageAnalyzer>());
        Assert.NotNull(host.Services.GetRequiredService<LanguageEnricher>());
        Assert.Equal(50, host.Services.GetRequiredService<IOptions<LanguageOptions>>().Value.MaxCallsPerThousandArticles);
    }

    [Fact]
    public void AddLanguageEnrichment_PlainHttpEndpoint_FailsValidation()
    {
        var builder = Builder(("NewsWatch:Language:Endpoint", "http://x.cognitiveservices.azure.com"), ("NewsWatch:Language:Key", "k"));

        builder.AddLanguageEnrichment();
        using var host = builder.Build();

        Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<LanguageOptions>>().Value);
    }

    [Fact]
    public void AddLanguageEnrichment_BatchLimitAboveTheService_FailsValidation()
    {
        var builder = Builder(("NewsWatch:Language:Endpoint", "https://x.cognitiveservices.azure.com"), ("NewsWatch:Language:Key", "k"),
            ("NewsWatch:Language:MaxDocumentsPerBatch", "10"));

        builder.AddLanguageEnrichment();
        using var host = builder.Build();

        Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<LanguageOptions>>().Value);
    }
}
