using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using NewsWatch.Alerts;
using NewsWatch.Classification;
using NewsWatch.Classification.Language;
using NewsWatch.Email;
using NewsWatch.Feeds;
using NewsWatch.Storage;
using NewsWatch.Subscriptions;
using NewsWatch.Web;
using Polly;
using SendGrid;

namespace NewsWatch;

/// <summary>Everything the three hosts (function app, local runner, CLI) share: options, clients, services.</summary>
public static class NewsWatchComposition
{
    public static IHostApplicationBuilder AddNewsWatch(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section) // the identity form: AzureWebJobsStorage__queueServiceUri, __clientId...
            .Configure<IConfiguration>((options, configuration) =>
            {
                var connection = configuration[StorageOptions.ConnectionSetting];
                if (!string.IsNullOrWhiteSpace(connection))
                {
                    // As in the Functions host, a connection string wins over the identity form.
                    options.ConnectionString = connection;
                    options.QueueServiceUri = options.TableServiceUri = options.BlobServiceUri = null;
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        AddSection<FeedsOptions>(services, FeedsOptions.Section);
        AddSection<ClassificationOptions>(services, ClassificationOptions.Section);
        AddSection<AlertsOptions>(services, AlertsOptions.Section);
        AddSection<EmailOptions>(services, EmailOptions.Section);
        AddSection<SendGridOptions>(services, SendGridOptions.Section);

        // One identity for everything the app signs in to (storage, and Language without a key): the
        // user-assigned identity that AzureWebJobsStorage__clientId names in Azure, the developer's sign-in locally.
        services.TryAddSingleton<TokenCredential>(provider => StorageAccount.CreateCredential(provider.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton(provider => new StorageAccount(provider.GetRequiredService<IOptions<StorageOptions>>().Value, provider.GetRequiredService<TokenCredential>()));
        services.AddSingleton<ArticleBodies>();
        services.AddHostedService<StorageInitializer>();

        services.AddSingleton<FeedRegistry>();
        services.AddSingleton<SeenArticles>();
        services.AddSingleton<FeedStateStore>();
        services.AddSingleton(provider => new FeedSchedule(provider.GetRequiredService<IOptions<FeedsOptions>>()));
        services.AddSingleton<FeedScheduler>();
        services.AddSingleton<FeedPoller>();
        services.AddHttpClient<FeedFetcher>((provider, http) =>
            {
                http.DefaultRequestHeaders.UserAgent.ParseAdd(provider.GetRequiredService<IOptions<FeedsOptions>>().Value.UserAgent);
                http.Timeout = Timeout.InfiniteTimeSpan; // FeedFetcher's own deadline covers the body too
            })
            .ConfigurePrimaryHttpMessageHandler(provider => FeedFetcher.CreateHandler(provider.GetRequiredService<IOptions<FeedsOptions>>().Value))
            .AddResilienceHandler("feed", pipeline => pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                // One quick retry of a dropped connection; any other failure waits for the feed's
                // back-off, because retrying at once only hammers a server that is struggling.
                MaxRetryAttempts = 1,
                BackoffType = DelayBackoffType.Constant,
                Delay = TimeSpan.FromMilliseconds(500),
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is HttpRequestException),
            }));

        services.AddSingleton(provider => new DealClassifier(
            Lexicon.Default,
            provider.GetRequiredService<IOptions<ClassificationOptions>>().Value.RelevanceThreshold));
        services.AddSingleton<AssessmentStore>();
        builder.AddLanguageEnrichment();
        services.AddSingleton<ArticleAssessor>();

        services.AddSingleton<SubscriberStore>();
        AddSection<SubscriptionsOptions>(services, SubscriptionsOptions.Section);
        services.AddSingleton<SubscriptionTokens>();
        services.AddSingleton<EventWebhookVerifier>();
        services.AddSingleton<EmailEvents>();
        services.AddSingleton<SubscriptionLinks>();
        services.AddSingleton<ClientRateLimit>();
        services.AddSingleton<SubscriptionEndpoints>();
        services.AddSingleton<DeliveryLedger>();
        services.AddSingleton<StoryStore>();
        services.AddSingleton<DigestBox>();
        services.AddSingleton<DigestSender>();
        services.AddSingleton<AlertDispatcher>();
        AddEmail(builder);
        if (Secret(builder, $"{SubscriptionsOptions.Section}:{nameof(SubscriptionsOptions.TokenSigningKey)}", "sign subscription links") is null && InAzure(builder))
        {
            // Each instance would make up its own key, and every link would die with the instance that sent it.
            throw new InvalidOperationException($"{Setting(SubscriptionsOptions.Section)}__TokenSigningKey is not set: NewsWatch cannot sign subscription links in Azure without it.");
        }

        if (string.IsNullOrWhiteSpace(builder.Configuration[$"{SubscriptionsOptions.Section}:{nameof(SubscriptionsOptions.PublicBaseUrl)}"]) && InAzure(builder))
        {
            // The default is the local runner's address: every link in every email would point at localhost.
            throw new InvalidOperationException($"{Setting(SubscriptionsOptions.Section)}__PublicBaseUrl is not set: links in emails would point at localhost.");
        }

        return builder;
    }

    private static void AddEmail(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        if (Secret(builder, $"{SendGridOptions.Section}:ApiKey", "send mail") is null)
        {
            // In Azure an outbox folder is a black hole: every alert would be "sent" to a disk nobody reads.
            if (InAzure(builder))
            {
                throw new InvalidOperationException($"{Setting(SendGridOptions.Section)}__ApiKey is not set: NewsWatch cannot send mail from Azure without it.");
            }

            services.AddSingleton<IEmailSender, OutboxEmailSender>();
            return;
        }

        // Only a deadline per request. Retries of mail/send (429 after its reset, 5xx with jitter) are the sender's,
        // and the standard handler's circuit breaker would count SendGrid's throttling as failure and refuse every
        // mail for its break: a burst of 429s would turn into a burst of queue retries.
        services.AddHttpClient(nameof(SendGridClient))
            .AddResilienceHandler("sendgrid", pipeline => pipeline.AddTimeout(TimeSpan.FromSeconds(30)));
        services.AddSingleton<ISendGridClient>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<SendGridOptions>>().Value;
            var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(SendGridClient));
            var clientOptions = new SendGridClientOptions { ApiKey = options.ApiKey };
            if (!string.IsNullOrWhiteSpace(options.Host))
            {
                clientOptions.Host = options.Host;
            }

            return new SendGridClient(http, clientOptions);
        });
        services.AddSingleton<IEmailSender, SendGridEmailSender>();
    }

    /// <summary>A secret setting's value, or null when it is not set.</summary>
    /// <exception cref="InvalidOperationException">It is a Key Vault reference that did not resolve.</exception>
    private static string? Secret(IHostApplicationBuilder builder, string key, string purpose)
    {
        var value = builder.Configuration[key];
        if (value is not null && value.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase))
        {
            // App Service passes an unresolved Key Vault reference through as text: using it would get every mail
            // refused by SendGrid (refusals are final), or sign links with a key that changes when it resolves.
            throw new InvalidOperationException($"{Setting(key)} is a Key Vault reference that did not resolve (is the secret stored, and may the app's identity read it?): NewsWatch cannot {purpose} without it.");
        }

        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    private static bool InAzure(IHostApplicationBuilder builder) => !string.IsNullOrEmpty(builder.Configuration["WEBSITE_SITE_NAME"]);

    /// <summary>A configuration key as an app setting's name: NewsWatch__Email__From.</summary>
    private static string Setting(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    private static void AddSection<TOptions>(IServiceCollection services, string section)
        where TOptions : class =>
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
