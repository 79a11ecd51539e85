namespace NewsWatch.Email;

/// <summary>What is known about a message that was not confirmed as sent.</summary>
public enum DeliveryFailure
{
    /// <summary>Definitely not sent, and trying again may work (unreachable, throttled, server error).</summary>
    NotSent,

    /// <summary>Refused for good (a bad address, a rejected payload): trying again would be refused again.</summary>
    Refused,

    /// <summary>It may or may not have gone out (a timeout after the request left).</summary>
    Unknown,
}

public sealed class EmailDeliveryException(DeliveryFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public DeliveryFailure Failure { get; } = failure;
}
