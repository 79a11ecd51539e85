using System.Collections.Concurrent;

namespace NewsWatch.Web;

/// <summary>
/// At most N requests per client per clock hour, counted in this instance's memory: a cheap first line against
/// one client hammering the subscribe form. The per-address limit (in the table) is the one that protects mailboxes.
/// </summary>
public sealed class ClientRateLimit(TimeProvider clock)
{
    private const int MaxClients = 100_000;
    private readonly ConcurrentDictionary<string, (long Hour, int Count)> _counts = new(StringComparer.Ordinal);

    public bool TryAcquire(string client, int perHour)
    {
        var hour = clock.GetUtcNow().ToUnixTimeSeconds() / 3600;
        if (_counts.Count > MaxClients)
        {
            foreach (var stale in _counts.Where(entry => entry.Value.Hour != hour).Select(entry => entry.Key).ToList())
            {
                _counts.TryRemove(stale, out _);
            }
        }

        var (_, count) = _counts.AddOrUpdate(client, _ => (hour, 1), (_, current) => current.Hour == hour ? (hour, current.Count + 1) : (hour, 1));
        return count <= perHour;
    }
}
