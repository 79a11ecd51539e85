using System.Diagnostics.Metrics;

namespace NewsWatch.Classification.Language;

/// <summary>
/// Enrichment as metrics (meter "NewsWatch.Language"): requests made (the call budget, by task kind), failures
/// by reason (each one an article that kept its local assessment), candidates skipped by reason, and
/// assessments that enrichment changed.
/// </summary>
public sealed class LanguageMetrics
{
    public const string MeterName = "NewsWatch.Language";

    private readonly Counter<long> _calls;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _skipped;
    private readonly Counter<long> _enriched;

    public LanguageMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _calls = meter.CreateCounter<long>("newswatch.language.calls", description: "Requests to Azure AI Language analyze-text, by task kind");
        _failures = meter.CreateCounter<long>("newswatch.language.failures", description: "Enrichments that failed (the local assessment stood), by reason");
        _skipped = meter.CreateCounter<long>("newswatch.language.skipped", description: "Candidates not sent to Language, by reason (budget, paused)");
        _enriched = meter.CreateCounter<long>("newswatch.language.enriched", description: "Assessments that enrichment changed");
    }

    public void Called(string kind) => _calls.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Failed(string reason) => _failures.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Skipped(string reason) => _skipped.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Enriched() => _enriched.Add(1);
}
