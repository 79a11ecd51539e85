namespace NewsWatch.Subscriptions;

/// <summary>
/// The HTTP routes, one list for both hosts: the function app's triggers name them, and the local runner maps
/// them under the same "api/" prefix the Functions host puts before every HTTP route.
/// </summary>
public static class SubscriptionRoutes
{
    public const string Prefix = "api";
    public const string Subscribe = "subscribe";
    public const string Confirm = "confirm";
    public const string Preferences = "preferences";
    public const string Unsubscribe = "unsubscribe";
    public const string SendGridEvents = "events/sendgrid";
}
