using System.Globalization;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace NewsWatch.Classification.Language;

/// <summary>
/// Retries for analyze-text, in place of Azure.Core's default policy (ClientOptions.RetryPolicy):
/// <list type="bullet">
/// <item>429 waits exactly as long as the service asks (retry-after-ms, x-ms-retry-after-ms or Retry-After,
/// in seconds or as a date), and gives up at once when that is longer than <c>maxRetryDelay</c>: enrichment is
/// optional and must not hold an article back.</item>
/// <item>408, 500, 502, 503, 504 and network failures wait 0.5 s, 1 s, 2 s… (or the service's Retry-After).</item>
/// <item>403 is never retried, whatever its headers say: it is how Language reports an exhausted quota, and it
/// comes with a Retry-After of days (Azure's Python SDK once waited for it).</item>
/// </list>
/// Waits go through the injected <see cref="TimeProvider"/>, so tests do not sleep, and are cut short by the
/// request's cancellation token (the enrichment deadline).
/// </summary>
internal sealed class LanguageRetryPolicy(int maxRetries, TimeSpan maxRetryDelay, TimeProvider time) : HttpPipelinePolicy
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(500);

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: true);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: false).AsTask().GetAwaiter().GetResult();

    private async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline, bool async)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (async)
                {
                    await ProcessNextAsync(message, pipeline);
                }
                else
                {
                    ProcessNext(message, pipeline);
                }
            }
            catch (Exception ex) when (attempt < maxRetries && !message.CancellationToken.IsCancellationRequested && message.ResponseClassifier.IsRetriable(message, ex))
            {
                await WaitAsync(Backoff(attempt), message.CancellationToken);
                continue;
            }

            var response = message.Response;
            if (attempt >= maxRetries || !IsRetriable(response.Status))
            {
                return;
            }

            var delay = ServerDelay(response, time.GetUtcNow()) ?? Backoff(attempt);
            if (delay > maxRetryDelay)
            {
                return; // the caller sees this response and fails; the local assessment stands
            }

            response.ContentStream?.Dispose();
            await WaitAsync(delay, message.CancellationToken);
        }
    }

    private static bool IsRetriable(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;

    private static TimeSpan Backoff(int attempt) => FirstBackoff * Math.Pow(2, attempt);

    private Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, time, cancellationToken);

    /// <summary>How long the service asked to wait, or null when it did not say (or said nonsense).</summary>
    internal static TimeSpan? ServerDelay(Response response, DateTimeOffset now)
    {
        foreach (var header in (ReadOnlySpan<string>)["retry-after-ms", "x-ms-retry-after-ms"])
        {
            if (response.Headers.TryGetValue(header, out var ms) &&
                double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
            {
                return TimeSpan.FromMilliseconds(milliseconds);
            }
        }

        if (!response.Headers.TryGetValue("Retry-After", out var retryAfter) || string.IsNullOrWhiteSpace(retryAfter))
        {
            return null;
        }

        if (double.TryParse(retryAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null;
        }

        return DateTimeOffset.TryParseExact(retryAfter.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? (date > now ? date - now : TimeSpan.Zero)
            : null;
    }
}
