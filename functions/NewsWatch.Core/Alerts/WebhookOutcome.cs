using NewsWatch.Email;

namespace NewsWatch.Alerts;

/// <summary>What an Event Webhook post did: whether it was trusted, whether it could be read, and how many addresses it suppressed and deliveries it confirmed.</summary>
public sealed record WebhookOutcome(WebhookVerdict Verdict, bool Readable = true, int Events = 0, int Suppressed = 0, int Confirmed = 0);
