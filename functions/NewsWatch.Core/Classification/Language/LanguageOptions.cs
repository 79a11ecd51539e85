using System.ComponentModel.DataAnnotations;

namespace NewsWatch.Classification.Language;

/// <summary>
/// Optional enrichment of candidate assessments with Azure AI Language (section "NewsWatch:Language").
/// Without an <see cref="Endpoint"/> nothing is registered and the service is never called.
/// </summary>
public sealed class LanguageOptions
{
    public const string Section = "NewsWatch:Language";

    /// <summary>
    /// The Language (Cognitive Services) resource, e.g. https://my-language.cognitiveservices.azure.com.
    /// Null or empty disables enrichment. https only; http is accepted for loopback addresses (test fakes).
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>
    /// Resource key, sent as Ocp-Apim-Subscription-Key. Without one, the client authenticates with the
    /// <c>TokenCredential</c> registered in the host's services (Entra ID, scope https://cognitiveservices.azure.com/.default).
    /// </summary>
    public string? Key { get; set; }

    /// <summary>
    /// The call budget: at most this many requests per 1,000 assessed articles (per instance, plus a burst
    /// of two for the first candidate). 0 turns enrichment off without removing the endpoint.
    /// </summary>
    [Range(0, 1000)]
    public int MaxCallsPerThousandArticles { get; set; } = 50;

    /// <summary>Entities Language is less sure of than this are ignored.</summary>
    [Range(0.0, 1.0)]
    public double MinConfidence { get; set; } = 0.6;

    /// <summary>The service's limit on documents per synchronous request.</summary>
    [Range(1, 5)]
    public int MaxDocumentsPerBatch { get; set; } = 5;

    /// <summary>The service's limit on one document's size, in text elements (grapheme clusters).</summary>
    [Range(1, 5120)]
    public int MaxTextElements { get; set; } = 5120;

    /// <summary>Deadline for one article's enrichment, retries included; past it the local assessment stands.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of a throttled (429) or failed (408, 5xx, network) request.</summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>A Retry-After longer than this is not waited for: the request fails and the local assessment stands.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Endpoint);
}
