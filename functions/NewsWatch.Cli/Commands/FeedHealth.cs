using System.Globalization;
using NewsWatch.Feeds;

namespace NewsWatch.Cli.Commands;

/// <summary>One line of feed health for `feeds list`.</summary>
internal static class FeedHealth
{
    public static string Describe(FeedState? state) => state switch
    {
        null or { LastCheckAt: null } => "new: not polled yet",
        { Retired: true } => "retired: the server answered 410 Gone",
        { ConsecutiveFailures: > 0 } => $"failing ×{state.ConsecutiveFailures} since {Time(state.FailingSince)}: {state.LastError} · next try {Time(state.NextCheckAt)}",
        _ => $"ok · last success {Time(state.LastSuccessAt)} · next check {Time(state.NextCheckAt)} · {state.ItemsSeen} articles",
    };

    private static string Time(DateTimeOffset? time) =>
        time?.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) ?? "?";
}
