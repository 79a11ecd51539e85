namespace NewsWatch.Subscriptions;

/// <summary>What a signed link lets its holder do; a token for one action is refused for any other.</summary>
public enum TokenAction
{
    Confirm = 1,
    Preferences = 2,
    Unsubscribe = 3,
}
