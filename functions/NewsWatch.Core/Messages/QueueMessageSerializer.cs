using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace NewsWatch.Messages;

/// <summary>The one place queue bodies are written and read, so every producer and consumer agree.</summary>
public static class QueueMessageSerializer
{
    /// <summary>A queue message holds 64 KiB once base64-encoded, so 48 KiB of JSON.</summary>
    public const int MaxMessageBytes = 48 * 1024;

    public static string Serialize(FeedDue message) =>
        JsonSerializer.Serialize(message, MessageJsonContext.Default.FeedDue);

    public static string Serialize(ArticleDiscovered message) =>
        JsonSerializer.Serialize(message, MessageJsonContext.Default.ArticleDiscovered);

    public static string Serialize(DealAlert message) =>
        JsonSerializer.Serialize(message, MessageJsonContext.Default.DealAlert);

    public static FeedDue DeserializeFeedDue(string body)
    {
        var message = Deserialize(body, MessageJsonContext.Default.FeedDue);
        Require(message.Version == FeedDue.CurrentVersion, $"unsupported FeedDue version {message.Version}");
        Require(Uri.TryCreate(message.FeedUrl, UriKind.Absolute, out _), $"FeedDue has no absolute feedUrl: '{message.FeedUrl}'");
        return message;
    }

    public static ArticleDiscovered DeserializeArticle(string body)
    {
        var message = Deserialize(body, MessageJsonContext.Default.ArticleDiscovered);
        Require(message.Version == ArticleDiscovered.CurrentVersion, $"unsupported ArticleDiscovered version {message.Version}");
        Require(!string.IsNullOrWhiteSpace(message.ArticleId), "ArticleDiscovered has no articleId");
        Require(!string.IsNullOrWhiteSpace(message.Url), "ArticleDiscovered has no url");
        return message;
    }

    public static DealAlert DeserializeAlert(string body)
    {
        var message = Deserialize(body, MessageJsonContext.Default.DealAlert);
        Require(message.Version == DealAlert.CurrentVersion, $"unsupported DealAlert version {message.Version}");
        Require(!string.IsNullOrWhiteSpace(message.ArticleId), "DealAlert has no articleId");
        Require(message.Assessment is not null, "DealAlert has no assessment");
        return message;
    }

    private static T Deserialize<T>(string body, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type)
                ?? throw new InvalidMessageException($"{type.Type.Name} message is JSON null");
        }
        catch (JsonException ex)
        {
            throw new InvalidMessageException($"{type.Type.Name} message is not valid JSON: {ex.Message}", ex);
        }
    }

    private static void Require(bool condition, string reason)
    {
        if (!condition)
        {
            throw new InvalidMessageException(reason);
        }
    }
}
