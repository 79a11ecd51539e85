namespace NewsWatch.Subscriptions;

public enum DeliveryMode
{
    /// <summary>One email per story (and one per stage change), as soon as it is classified.</summary>
    Immediate,

    /// <summary>One email a day at the subscriber's local hour with the day's stories; none when there are none.</summary>
    Digest,
}
