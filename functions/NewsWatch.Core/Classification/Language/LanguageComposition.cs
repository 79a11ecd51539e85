using Azure;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace NewsWatch.Classification.Language;

/// <summary>Registers the optional Language enrichment (part of <c>AddNewsWatch()</c>).</summary>
public static class LanguageComposition
{
    /// <summary>
    /// Always binds and validates <see cref="LanguageOptions"/>; registers the client and
    /// <see cref="LanguageEnricher"/> only when an endpoint is configured, so without one nothing can call
    /// the service (the classification stage receives no enricher).
    /// </summary>
    public static IHostApplicationBuilder AddLanguageEnrichment(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<LanguageOptions>()
            .BindConfiguration(LanguageOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LanguageOptions>, LanguageOptionsValidator>());
        if (string.IsNullOrWhiteSpace(builder.Configuration[$"{LanguageOptions.Section}:Endpoint"]))
        {
            return builder;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<LanguageMetrics>();
        services.TryAddSingleton<ILanguageAnalyzer>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<LanguageOptions>>().Value;
            var clientOptions = LanguageClientOptions.From(options, provider.GetRequiredService<TimeProvider>());
            var endpoint = new Uri(options.Endpoint!);
            return string.IsNullOrWhiteSpace(options.Key)
                ? new LanguageClient(endpoint, provider.GetRequiredService<TokenCredential>(), clientOptions)
                : new LanguageClient(endpoint, new AzureKeyCredential(options.Key), clientOptions);
        });
        // Without a key the client signs in with Entra ID: the app's managed identity in Azure, the developer's
        // own sign-in (Azure CLI, Visual Studio) locally. A host may register another credential first.
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        services.TryAddSingleton<LanguageEnricher>();
        return builder;
    }
}
