using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using NewsWatch.Classification.Language;

namespace NewsWatch.UnitTests.Classification.Language;

public sealed class LanguageOptionsValidatorTests
{
    private static LanguageOptionsValidator Validator(bool tokenCredential) =>
        new(new ServiceCollection().Apply(s => { if (tokenCredential) s.AddSingleton<TokenCredential>(new FakeTokenCredential()); }).BuildServiceProvider().GetRequiredService<IServiceProviderIsService>());

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_NoEndpoint_SucceedsWithoutKeyOrCredential(string? endpoint) =>
        Assert.True(Validator(tokenCredential: false).Validate(null, new LanguageOptions { Endpoint = endpoint }).Succeeded);

    [Theory]
    [InlineData("https://my-language.cognitiveservices.azure.com")]
    [InlineData("https://my-language.cognitiveservices.azure.com/")]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("http://localhost:5000/")]
    public void Validate_HttpsOrLoopbackHttpWithKey_Succeeds(string endpoint) =>
        Assert.True(Validator(tokenCredential: false).Validate(null, new LanguageOptions { Endpoint = endpoint, Key = "k" }).Succeeded);

    [Theory]
    [InlineData("http://my-language.cognitiveservices.azure.com")]
    [InlineData("my-language.cognitiveservices.azure.com")]
    [InlineData("/language")]
    [InlineData("https://my-language.cognitiveservices.azure.com/?api-version=1")]
    [InlineData("ftp://my-language.cognitiveservices.azure.com")]
    public void Validate_NotHttpsOrNotAbsolute_Fails(string endpoint)
    {
        var result = Validator(tokenCredential: false).Validate(null, new LanguageOptions { Endpoint = endpoint, Key = "k" });

        Assert.True(result.Failed);
        Assert.Contains("NewsWatch__Language__Endpoint", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoKeyAndNoTokenCredential_Fails()
    {
        var result = Validator(tokenCredential: false).Validate(null, new LanguageOptions { Endpoint = "https://x.cognitiveservices.azure.com" });

        Assert.True(result.Failed);
        Assert.Contains("NewsWatch__Language__Key", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoKeyWithTokenCredential_Succeeds() =>
        Assert.True(Validator(tokenCredential: true).Validate(null, new LanguageOptions { Endpoint = "https://x.cognitiveservices.azure.com" }).Succeeded);

    [Fact]
    public void Validate_TokenCredentialOverLoopbackHttp_Fails() =>
        Assert.True(Validator(tokenCredential: true).Validate(null, new LanguageOptions { Endpoint = "http://127.0.0.1:5000" }).Failed);
}
