using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsWatch.Alerts;
using NewsWatch.Email;
using NewsWatch.Subscriptions;

namespace NewsWatch.Web;

/// <summary>
/// The subscription endpoints, one method per route, for both hosts: the function app's HTTP triggers call them,
/// and the local runner maps them. Every answer is a page a person can read (or JSON, when JSON was sent); tokens
/// decide what a link may do, and an address's existence is never revealed to someone who does not hold its mail.
/// </summary>
public sealed partial class SubscriptionEndpoints(
    SubscriberStore subscribers,
    SubscriptionTokens tokens,
    SubscriptionLinks links,
    ClientRateLimit clientLimit,
    IEmailSender sender,
    EmailEvents events,
    IOptions<SubscriptionsOptions> options,
    ILogger<SubscriptionEndpoints> logger)
{
    private const int MaxWebhookBytes = 1024 * 1024;
    private static readonly HashSet<string> NeverEmailAgain = new(StringComparer.Ordinal) { "bounce", "dropped", "spamreport" };
    private readonly SubscriptionsOptions _options = options.Value;

    /// <summary>GET: the form. POST (form or JSON): double opt-in, rate-limited per client and per address.</summary>
    public async Task<IResult> SubscribeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var action = links.Page(SubscriptionRoutes.Subscribe);
        if (HttpMethods.IsGet(request.Method))
        {
            return SubscriptionPages.Subscribe(action);
        }

        if (!clientLimit.TryAcquire(ClientOf(request), _options.SubscribesPerClientPerHour))
        {
            request.HttpContext.Response.Headers.RetryAfter = "3600";
            return SubscriptionPages.Problem(429, "Too many requests", "This connection has asked for too many subscriptions. Try again in an hour.");
        }

        var form = await SubscriberForm.ReadAsync(request, cancellationToken);
        if (form is null)
        {
            return SubscriptionPages.Problem(415, "Unreadable request", "Send the subscribe form, or a JSON object with an \"email\" field (at most 16 KB).");
        }

        if (!SubscriberEmail.TryNormalize(form.Fields.Value("email"), out var email, out var error)
            || !form.Fields.TryApply(new Subscriber(email, [], []), out var requested, out error))
        {
            return form.IsJson ? Json(400, "error", error) : SubscriptionPages.Subscribe(action, error, form.Fields.Value("email"));
        }

        var stored = await subscribers.AddPendingAsync(requested, cancellationToken);
        var mail = stored switch
        {
            { Confirmed: true, Suppressed: false } => ConfirmationEmail.AlreadySubscribed(email, links.Preferences(email)),
            { SuppressedReason: { } reason } when NeverEmailAgain.Contains(reason) => null, // it bounced or they reported us: never mail it unasked
            _ => ConfirmationEmail.Compose(email, links.Confirm(email), _options.ConfirmationLifetime),
        };
        if (mail is not null && await subscribers.TryCountConfirmationAsync(email, _options.ConfirmationSpacing, _options.ConfirmationsPerDay, cancellationToken))
        {
            try
            {
                await sender.SendAsync(mail, cancellationToken);
            }
            catch (EmailDeliveryException ex)
            {
                LogConfirmationFailed(ex.Message, ex);
                return form.IsJson
                    ? Json(503, "error", "the confirmation email could not be sent; try again later")
                    : SubscriptionPages.Problem(503, "Try again later", "The confirmation email could not be sent just now. Please try again in a few minutes.");
            }
        }

        // The same answer whatever the address's state: the form must not tell who is subscribed.
        return form.IsJson ? Json(202, "status", "pending: follow the link in the confirmation email") : SubscriptionPages.CheckInbox();
    }

    /// <summary>GET with a confirmation token: the subscription starts.</summary>
    public async Task<IResult> ConfirmAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (subscriber, problem) = await FindAsync(request, TokenAction.Confirm, cancellationToken);
        if (subscriber is null)
        {
            return problem!;
        }

        var confirmed = await subscribers.ConfirmAsync(SubscriberStore.IdOf(subscriber.Email), cancellationToken);
        return confirmed is null ? Gone() : SubscriptionPages.Confirmed(confirmed.Email, links.Preferences(confirmed.Email));
    }

    /// <summary>GET: the preferences form. POST: saves it.</summary>
    public async Task<IResult> PreferencesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (subscriber, problem) = await FindAsync(request, TokenAction.Preferences, cancellationToken);
        if (subscriber is null)
        {
            return problem!;
        }

        var action = links.Page(SubscriptionRoutes.Preferences) + "?token=" + request.Query["token"];
        var unsubscribe = links.Unsubscribe(subscriber.Email);
        if (HttpMethods.IsGet(request.Method))
        {
            return SubscriptionPages.Preferences(subscriber, action, unsubscribe);
        }

        var form = await SubscriberForm.ReadAsync(request, cancellationToken);
        if (form is null)
        {
            return SubscriptionPages.Problem(415, "Unreadable request", "Send the preferences form (at most 16 KB).");
        }

        if (!form.Fields.TryApply(subscriber, out var changed, out var error))
        {
            return form.IsJson ? Json(400, "error", error) : SubscriptionPages.Preferences(subscriber, action, unsubscribe, error: error);
        }

        await subscribers.SaveAsync(changed, cancellationToken);
        return form.IsJson ? Json(200, "status", "saved") : SubscriptionPages.Preferences(changed, action, unsubscribe, message: "Saved. New alerts follow these preferences.");
    }

    /// <summary>GET: a page with one button (mail scanners follow links; a GET must not unsubscribe). POST: RFC 8058 one-click, at once.</summary>
    public async Task<IResult> UnsubscribeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (subscriber, problem) = await FindAsync(request, TokenAction.Unsubscribe, cancellationToken);
        if (subscriber is null)
        {
            return problem!;
        }

        if (HttpMethods.IsGet(request.Method))
        {
            return SubscriptionPages.Unsubscribe(subscriber.Email, links.Page(SubscriptionRoutes.Unsubscribe) + "?token=" + request.Query["token"]);
        }

        await subscribers.SuppressAsync(subscriber.Email, "unsubscribed", cancellationToken);
        var id = SubscriberStore.IdOf(subscriber.Email);
        LogUnsubscribed(id);
        return SubscriptionPages.Unsubscribed(subscriber.Email);
    }

    /// <summary>POST from SendGrid's Event Webhook: signed events that suppress addresses and confirm deliveries.</summary>
    public async Task<IResult> SendGridEventsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxWebhookBytes)
        {
            return Results.StatusCode(413);
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        if (body.Length > MaxWebhookBytes)
        {
            return Results.StatusCode(413);
        }

        var outcome = await events.ReceiveAsync(
            request.Headers["X-Twilio-Email-Event-Webhook-Signature"].FirstOrDefault(),
            request.Headers["X-Twilio-Email-Event-Webhook-Timestamp"].FirstOrDefault(),
            body.ToArray(),
            cancellationToken);
        return outcome switch
        {
            { Verdict: WebhookVerdict.NotConfigured } => Results.StatusCode(503), // SendGrid keeps retrying while the key is set up
            { Verdict: not WebhookVerdict.Valid } => Results.StatusCode(403),
            { Readable: false } => Results.StatusCode(400),
            _ => Results.NoContent(),
        };
    }

    private async Task<(Subscriber? Subscriber, IResult? Problem)> FindAsync(HttpRequest request, TokenAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var check = tokens.Check(request.Query["token"].FirstOrDefault(), action);
        switch (check.Verdict)
        {
            case TokenVerdict.Valid:
                break;
            case TokenVerdict.Expired:
                return (null, SubscriptionPages.Problem(410, "This link has expired",
                    action == TokenAction.Confirm ? "Confirmation links work for two days. Subscribe again to get a new one." : "Open the link in a newer NewsWatch email."));
            default:
                LogBadToken(action, check.Verdict);
                return (null, SubscriptionPages.Problem(400, "This link is not valid", "It may have been cut short or changed. Open it again from the email, whole."));
        }

        var subscriber = await subscribers.GetByIdAsync(check.SubscriberId!, cancellationToken);
        return subscriber is null ? (null, Gone()) : (subscriber, null);
    }

    private static HtmlPage Gone() => SubscriptionPages.Problem(410, "No such subscription", "This address is no longer subscribed to NewsWatch.");

    /// <summary>The client's address: the last X-Forwarded-For hop (the one Azure's front end appends), else the socket's.</summary>
    private static string ClientOf(HttpRequest request) =>
        request.Headers["X-Forwarded-For"].LastOrDefault()?.Split(',').LastOrDefault()?.Trim() is { Length: > 0 } forwarded
            ? forwarded
            : request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static IResult Json(int status, string name, string value) =>
        Results.Text($"{{{JsonSerializer.Serialize(name, WebJsonContext.Default.String)}:{JsonSerializer.Serialize(value, WebJsonContext.Default.String)}}}", "application/json", statusCode: status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A confirmation email could not be sent: {Reason}")]
    private partial void LogConfirmationFailed(string reason, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId} unsubscribed")]
    private partial void LogUnsubscribed(string subscriberId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Action} link was refused: {Verdict}")]
    private partial void LogBadToken(TokenAction action, TokenVerdict verdict);
}
