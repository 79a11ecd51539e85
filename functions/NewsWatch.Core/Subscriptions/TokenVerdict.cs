namespace NewsWatch.Subscriptions;

public enum TokenVerdict
{
    Valid,

    /// <summary>Not a token at all: wrong shape, not base64url, unknown version.</summary>
    Malformed,

    /// <summary>The signature does not match: altered, or signed with another key.</summary>
    Forged,

    /// <summary>Signed by us, but for another action (an unsubscribe token cannot confirm).</summary>
    WrongAction,

    /// <summary>Signed by us, but past its lifetime.</summary>
    Expired,
}
