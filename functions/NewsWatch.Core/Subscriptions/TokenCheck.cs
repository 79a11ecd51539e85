namespace NewsWatch.Subscriptions;

/// <summary>What checking a link's token found: the subscriber it was signed for, or why it is refused.</summary>
public sealed record TokenCheck(TokenVerdict Verdict, string? SubscriberId = null)
{
    public bool Valid => Verdict == TokenVerdict.Valid;
}
