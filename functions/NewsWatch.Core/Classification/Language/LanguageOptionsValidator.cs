using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace NewsWatch.Classification.Language;

/// <summary>
/// Checks what data annotations cannot: the endpoint is an absolute https URL (http only on loopback, for
/// test fakes), and there is a way to authenticate (a key, or a <see cref="TokenCredential"/> in the services,
/// which needs https).
/// </summary>
public sealed class LanguageOptionsValidator(IServiceProviderIsService services) : IValidateOptions<LanguageOptions>
{
    public ValidateOptionsResult Validate(string? name, LanguageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsEnabled)
        {
            return ValidateOptionsResult.Success;
        }

        var setting = LanguageOptions.Section.Replace(":", "__", StringComparison.Ordinal);
        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || !string.IsNullOrEmpty(endpoint.Query) || !string.IsNullOrEmpty(endpoint.Fragment))
        {
            return ValidateOptionsResult.Fail($"{setting}__Endpoint must be an absolute URL without query or fragment, e.g. https://my-language.cognitiveservices.azure.com (got '{options.Endpoint}').");
        }

        var https = endpoint.Scheme == Uri.UriSchemeHttps;
        if (!https && !(endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback))
        {
            return ValidateOptionsResult.Fail($"{setting}__Endpoint must use https (http is accepted only for loopback test servers; got '{options.Endpoint}').");
        }

        if (string.IsNullOrWhiteSpace(options.Key))
        {
            if (!services.IsService(typeof(TokenCredential)))
            {
                return ValidateOptionsResult.Fail($"{setting}__Key is not set and no TokenCredential is registered: set the key, or register a credential (managed identity) for Entra ID authentication.");
            }

            if (!https)
            {
                return ValidateOptionsResult.Fail($"{setting}__Endpoint must use https with Entra ID authentication (bearer tokens are never sent in clear).");
            }
        }

        return ValidateOptionsResult.Success;
    }
}
