using System.Globalization;
using System.Text.Json;

namespace NewsWatch.Cli.Runner;

/// <summary>
/// The queue-trigger settings the Functions host reads from host.json (extensions.queues),
/// with the host's defaults for what is not set. The local runner honours exactly these; it
/// fetches the next batch when the whole batch is done, so newBatchThreshold (how early the
/// host fetches more) only changes throughput, not semantics, and is not read.
/// </summary>
public sealed record QueueHostSettings(int BatchSize, int MaxDequeueCount, TimeSpan VisibilityTimeout, TimeSpan MaxPollingInterval)
{
    /// <summary>
    /// How long a message stays invisible while its function runs: ten minutes, as the Functions host's queue
    /// listener. A crashed process's messages come back after it, which is why a crash test may shorten it
    /// (NEWSWATCH_RUNNER_PROCESSING_LEASE, seconds; a runner-only knob, host.json has no such setting).
    /// </summary>
    public TimeSpan ProcessingLease { get; init; } = TimeSpan.FromMinutes(10);

    public static QueueHostSettings Defaults { get; } = new(16, 5, TimeSpan.Zero, TimeSpan.FromMinutes(1));

    public static QueueHostSettings Load(string hostJsonPath)
    {
        if (!File.Exists(hostJsonPath))
        {
            throw new FileNotFoundException($"host.json not found at {hostJsonPath}", hostJsonPath);
        }

        return Parse(File.ReadAllText(hostJsonPath));
    }

    public static QueueHostSettings Parse(string hostJson)
    {
        using var document = JsonDocument.Parse(hostJson, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!document.RootElement.TryGetProperty("extensions", out var extensions)
            || !extensions.TryGetProperty("queues", out var queues))
        {
            return Defaults;
        }

        return new QueueHostSettings(
            Int(queues, "batchSize") ?? Defaults.BatchSize,
            Int(queues, "maxDequeueCount") ?? Defaults.MaxDequeueCount,
            Time(queues, "visibilityTimeout") ?? Defaults.VisibilityTimeout,
            Time(queues, "maxPollingInterval") ?? Defaults.MaxPollingInterval);
    }

    private static int? Int(JsonElement section, string name) =>
        Find(section, name) is { } value ? value.GetInt32() : null;

    private static TimeSpan? Time(JsonElement section, string name) =>
        Find(section, name) is { } value ? TimeSpan.Parse(value.GetString()!, CultureInfo.InvariantCulture) : null;

    // host.json property names are case-insensitive for the Functions host.
    private static JsonElement? Find(JsonElement section, string name)
    {
        foreach (var property in section.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}
