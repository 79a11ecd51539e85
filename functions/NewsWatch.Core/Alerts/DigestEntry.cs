namespace NewsWatch.Alerts;

/// <summary>A story waiting for a subscriber's next digest, as it stood when its latest report arrived.</summary>
public sealed record DigestEntry(string StoryId, string Headline, string Url, string Facts, DateTimeOffset AddedAt)
{
    public IReadOnlyList<string> Outlets { get; init; } = [];

    /// <summary>The local date of the digest this entry was set aside for; null while it waits for the next one.</summary>
    public string? DigestDate { get; init; }
}
