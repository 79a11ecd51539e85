using Microsoft.Extensions.Options;
using NewsWatch.Email;

namespace NewsWatch.Subscriptions;

/// <summary>The signed links an email carries: confirm, preferences, unsubscribe, and the List-Unsubscribe headers.</summary>
public sealed class SubscriptionLinks(SubscriptionTokens tokens, IOptions<SubscriptionsOptions> options, IOptions<EmailOptions> email)
{
    public const string OneClickBody = "List-Unsubscribe=One-Click";

    public string Confirm(string email) => Link(SubscriptionRoutes.Confirm, email, TokenAction.Confirm);

    public string Preferences(string email) => Link(SubscriptionRoutes.Preferences, email, TokenAction.Preferences);

    public string Unsubscribe(string email) => Link(SubscriptionRoutes.Unsubscribe, email, TokenAction.Unsubscribe);

    public string Page(string route) => Base() + route;

    /// <summary>
    /// RFC 2369's List-Unsubscribe with an https link and a mailto, and RFC 8058's List-Unsubscribe-Post, which tells
    /// a mailbox provider it may POST "List-Unsubscribe=One-Click" to the https link without asking anything more.
    /// </summary>
    public IReadOnlyDictionary<string, string> ListUnsubscribeHeaders(string email)
    {
        var token = tokens.Create(SubscriberStore.IdOf(email), TokenAction.Unsubscribe);
        var mailbox = options.Value.UnsubscribeMailbox ?? "unsubscribe@" + SenderDomain();
        return new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = $"<{Base()}{SubscriptionRoutes.Unsubscribe}?token={token}>, <mailto:{mailbox}?subject=unsubscribe%20{token}>",
            ["List-Unsubscribe-Post"] = OneClickBody,
        };
    }

    private string SenderDomain() => email.Value.From[(email.Value.From.LastIndexOf('@') + 1)..];

    private string Link(string route, string email, TokenAction action) =>
        $"{Base()}{route}?token={tokens.Create(SubscriberStore.IdOf(email), action)}";

    private string Base() => options.Value.PublicBaseUrl.TrimEnd('/') + "/" + SubscriptionRoutes.Prefix + "/";
}
