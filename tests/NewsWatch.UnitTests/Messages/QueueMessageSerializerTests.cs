using NewsWatch.Messages;

namespace NewsWatch.UnitTests.Messages;

public sealed class QueueMessageSerializerTests
{
    [Theory]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("null", "JSON null")]
    [InlineData("{\"version\":2,\"articleId\":\"a\",\"feedUrl\":\"f\",\"url\":\"u\",\"title\":\"t\",\"summary\":\"s\",\"published\":null,\"discoveredAt\":\"2026-11-25T00:00:00Z\"}", "unsupported ArticleDiscovered version 2")]
    [InlineData("{\"version\":1,\"articleId\":\"a\",\"feedUrl\":\"f\",\"title\":\"t\",\"summary\":\"s\",\"published\":null,\"discoveredAt\":\"2026-11-25T00:00:00Z\"}", "not valid JSON")]
    [InlineData("{\"version\":1,\"articleId\":\" \",\"feedUrl\":\"f\",\"url\":\"u\",\"title\":\"t\",\"summary\":\"s\",\"published\":null,\"discoveredAt\":\"2026-11-25T00:00:00Z\"}", "no articleId")]
    public void DeserializeArticle_Malformed_InvalidMessageExceptionSayingWhy(string body, string reason)
    {
        var error = Assert.Throws<InvalidMessageException>(() => QueueMessageSerializer.DeserializeArticle(body));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void DeserializeAlert_ArticleMessage_Refused()
    {
        var article = QueueMessageSerializer.Serialize(new ArticleDiscovered("a", "f", "u", "t", "s", null, DateTimeOffset.UnixEpoch));

        Assert.Throws<InvalidMessageException>(() => QueueMessageSerializer.DeserializeAlert(article));
    }

    [Fact]
    public void Serialize_Article_CamelCaseWithVersionAndExplicitNulls()
    {
        var json = QueueMessageSerializer.Serialize(new ArticleDiscovered("a", "f", "u", "t", "s", null, DateTimeOffset.UnixEpoch));

        Assert.Contains("\"articleId\":\"a\"", json);
        Assert.Contains("\"version\":1", json);
        Assert.Contains("\"published\":null", json);
    }
}
