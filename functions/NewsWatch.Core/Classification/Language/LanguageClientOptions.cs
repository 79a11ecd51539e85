using Azure.Core;

namespace NewsWatch.Classification.Language;

/// <summary>
/// Options of <see cref="LanguageClient"/>: Azure.Core's (transport, diagnostics) plus the service limits and
/// the retry behaviour of <see cref="LanguageRetryPolicy"/>.
/// </summary>
public sealed class LanguageClientOptions : ClientOptions
{
    /// <summary>Documents per request; the synchronous analyze-text accepts 5 for entity recognition.</summary>
    public int MaxDocumentsPerBatch { get; set; } = 5;

    /// <summary>Text elements per document; a longer document is split and its results merged back.</summary>
    public int MaxTextElements { get; set; } = 5120;

    public int MaxRetries { get; set; } = 2;

    /// <summary>Longest Retry-After the client waits for; longer ones fail the request at once.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The clock retries wait on (tests pass a fake one).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal static LanguageClientOptions From(LanguageOptions options, TimeProvider time)
    {
        var client = new LanguageClientOptions
        {
            MaxDocumentsPerBatch = options.MaxDocumentsPerBatch,
            MaxTextElements = options.MaxTextElements,
            MaxRetries = options.MaxRetries,
            MaxRetryDelay = options.MaxRetryDelay,
            TimeProvider = time,
        };
        client.Retry.NetworkTimeout = options.Timeout;
        client.Diagnostics.ApplicationId = "NewsWatch";
        return client;
    }
}
