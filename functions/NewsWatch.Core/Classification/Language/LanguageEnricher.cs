using System.Text.Json;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsWatch.Classification.Language;

/// <summary>
/// The optional enrichment step of the classification stage. It calls Azure AI Language only for
/// <i>candidates</i> — relevant articles (the local score at or above the threshold, so they will be alerted)
/// whose assessment has a gap the entities can fill: exactly one of supplier/recipient unknown, or no named
/// system — and only while the <see cref="CallBudget"/> allows. It sends one document (headline and lead, at
/// most <see cref="LanguageOptions.MaxTextElements"/> text elements): entity recognition always, key phrases
/// too when a named system is missing. What it may change is in <see cref="EntityEnrichment"/>.
/// <para>
/// It never costs an article: any failure (network, timeout, throttling beyond the retries, a 403 quota
/// exhaustion, an unreadable answer) is logged with its exception, counted in newswatch.language.failures,
/// and the local assessment is returned. A 403 quota exhaustion also pauses calls until the quota returns
/// (the service's Retry-After, at most a day), so an exhausted quota costs one failed call, not one per article.
/// Only the caller's own cancellation propagates.
/// </para>
/// </summary>
public sealed partial class LanguageEnricher
{
    private static readonly TimeSpan DefaultQuotaPause = TimeSpan.FromHours(1);
    private static readonly TimeSpan MaxQuotaPause = TimeSpan.FromDays(1);

    private readonly ILanguageAnalyzer _analyzer;
    private readonly LanguageOptions _options;
    private readonly LanguageMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<LanguageEnricher> _logger;
    private readonly Lexicon _lexicon = Lexicon.Default;
    private readonly CallBudget _budget;
    private long _pausedUntilTicks;

    public LanguageEnricher(ILanguageAnalyzer analyzer, IOptions<LanguageOptions> options, LanguageMetrics metrics, TimeProvider time, ILogger<LanguageEnricher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _analyzer = analyzer;
        _options = options.Value;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _budget = new CallBudget(_options.MaxCallsPerThousandArticles);
    }

    /// <summary>Called for every assessed article (which is what the budget counts); returns <paramref name="local"/> unless enrichment added to it.</summary>
    public async Task<DealAssessment> EnrichAsync(string articleId, string? title, string? text, DealAssessment local, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(local);
        if (!_options.IsEnabled)
        {
            return local;
        }

        _budget.RecordArticle();
        var gaps = local.Relevant ? EntityEnrichment.GapsOf(local, _lexicon) : default;
        if (!gaps.Any)
        {
            return local;
        }

        var document = Document(articleId, title, text);
        if (document.Text.Length == 0)
        {
            return local;
        }

        var pausedUntil = new DateTimeOffset(Interlocked.Read(ref _pausedUntilTicks), TimeSpan.Zero);
        if (_time.GetUtcNow() < pausedUntil)
        {
            _metrics.Skipped("paused");
            return local;
        }

        if (!_budget.TryTake(gaps.NoNamedSystem ? 2 : 1))
        {
            _metrics.Skipped("budget");
            LogOverBudget(articleId);
            return local;
        }

        using var deadline = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            _metrics.Called("EntityRecognition");
            var entities = await _analyzer.RecognizeEntitiesAsync([document], linked.Token);
            IReadOnlyList<string> phrases = [];
            if (gaps.NoNamedSystem)
            {
                _metrics.Called("KeyPhraseExtraction");
                var keyPhrases = await _analyzer.ExtractKeyPhrasesAsync([document], linked.Token);
                phrases = keyPhrases.Documents.FirstOrDefault(d => d.Id == document.Id)?.KeyPhrases ?? [];
            }

            if (entities.Errors.FirstOrDefault(e => e.Id == document.Id) is { } refused)
            {
                _metrics.Failed("document-error");
                LogDocumentRefused(articleId, refused.Code, refused.Message);
            }

            var found = entities.Documents.FirstOrDefault(d => d.Id == document.Id)?.Entities ?? [];
            var outcome = EntityEnrichment.Apply(local, gaps, document.Text, found, phrases, _lexicon, _options.MinConfidence);
            if (outcome.Changed)
            {
                _metrics.Enriched();
                LogEnriched(articleId, outcome.FilledRole, outcome.Party, outcome.AddedSystems);
            }

            return outcome.Assessment;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Enrichment is optional: whatever went wrong, the article goes on with its local assessment.
            var reason = Reason(ex);
            if (reason == "quota")
            {
                PauseForQuota((RequestFailedException)ex);
            }

            _metrics.Failed(reason);
            LogFailed(articleId, reason, ex);
            return local;
        }
    }

    /// <summary>Headline and text as one document, cut to the service's size limit (at a space when one is near).</summary>
    private LanguageDocument Document(string articleId, string? title, string? text)
    {
        var head = title?.Trim() ?? "";
        var body = text?.Trim() ?? "";
        var full = head.Length == 0 ? body : body.Length == 0 ? head : head + "\n\n" + body;
        var length = TextElements.PrefixLength(full, _options.MaxTextElements);
        return new LanguageDocument(articleId, length == full.Length ? full : full[..length], "en");
    }

    private static string Reason(Exception ex) => ex switch
    {
        OperationCanceledException => "timeout",
        RequestFailedException { Status: 403 } forbidden when IsQuotaExhausted(forbidden) => "quota",
        RequestFailedException { Status: 403 } => "forbidden",
        RequestFailedException { Status: 401 } => "unauthorized",
        RequestFailedException { Status: 429 } => "throttled",
        RequestFailedException { Status: 0 } => "network",
        RequestFailedException => "http",
        HttpRequestException or IOException => "network",
        JsonException => "invalid-response",
        _ => "error",
    };

    // Language reports an exhausted quota as 403 "Out of call volume quota…" (code "403" or "QuotaExceeded").
    private static bool IsQuotaExhausted(RequestFailedException ex) =>
        ex.ErrorCode is "QuotaExceeded" or "403" || ex.Message.Contains("quota", StringComparison.OrdinalIgnoreCase);

    private void PauseForQuota(RequestFailedException ex)
    {
        var now = _time.GetUtcNow();
        var response = ex.GetRawResponse();
        var wait = (response is null ? null : LanguageRetryPolicy.ServerDelay(response, now)) ?? DefaultQuotaPause;
        var until = now + (wait > MaxQuotaPause ? MaxQuotaPause : wait);
        Interlocked.Exchange(ref _pausedUntilTicks, until.UtcTicks);
        LogPaused(until);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Language enrichment of article {ArticleId} failed ({Reason}); the local assessment stands")]
    private partial void LogFailed(string articleId, string reason, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Language refused article {ArticleId} ({Code}: {ErrorMessage}); the local assessment stands")]
    private partial void LogDocumentRefused(string articleId, string code, string errorMessage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Language quota exhausted: enrichment paused until {Until:u}")]
    private partial void LogPaused(DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Information, Message = "Language call budget spent: article {ArticleId} keeps its local assessment")]
    private partial void LogOverBudget(string articleId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Language enriched article {ArticleId}: {Role}={Party}, systems added: {Systems}")]
    private partial void LogEnriched(string articleId, string? role, string? party, IReadOnlyList<string> systems);
}
