namespace NewsWatch.Feeds;

/// <summary>A feed document as served: raw bytes, so the parser can honour BOM and XML declaration.</summary>
public sealed record FetchedFeed(Uri Url, byte[] Content, string? ContentType);
