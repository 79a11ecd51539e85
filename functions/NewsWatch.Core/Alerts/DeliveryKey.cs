namespace NewsWatch.Alerts;

/// <summary>
/// One email's identity: this subscriber, this story, this stage (a digest is the story "digest" at a local date).
/// Its <see cref="Id"/> travels with the mail as SendGrid's custom_args "delivery_id" and comes back in webhook events.
/// </summary>
public sealed record DeliveryKey(string StoryId, string SubscriberId, string Stage)
{
    private const char Separator = ':';

    public string Id => string.Join(Separator, StoryId, SubscriberId, Stage);

    public static DeliveryKey? Parse(string? id) =>
        id?.Split(Separator) is [{ Length: > 0 } story, { Length: > 0 } subscriber, { Length: > 0 } stage] ? new DeliveryKey(story, subscriber, stage) : null;
}
