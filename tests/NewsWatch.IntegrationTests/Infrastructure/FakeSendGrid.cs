using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace NewsWatch.IntegrationTests.Infrastructure;

/// <summary>
/// Stands in for api.sendgrid.com: accepts POST /v3/mail/send the way SendGrid does (bearer
/// key, the request's required fields), records each accepted mail, and answers 202.
/// </summary>
public sealed class FakeSendGrid : LocalHttpServer
{
    public const string ApiKey = "test-key-for-the-fake-sendgrid";

    public ConcurrentQueue<JsonObject> Mails { get; } = new();

    public ConcurrentQueue<string> Rejections { get; } = new();

    /// <summary>Recipients whose mail is refused (as SendGrid refuses a bad address), to test partial failure.</summary>
    public ConcurrentDictionary<string, bool> Refuse { get; } = new();

    /// <summary>Recipients whose mail meets a 503 (SendGrid having a bad moment).</summary>
    public ConcurrentDictionary<string, bool> Unavailable { get; } = new();

    /// <summary>Answers to give the next requests, in order, before any more is accepted: a 429 with its headers, a 500…</summary>
    public ConcurrentQueue<(int Status, Dictionary<string, string> Headers)> NextAnswers { get; } = new();

    /// <summary>How many mail/send requests have come in, answered or not.</summary>
    public int Requests => _requests;

    private int _requests;

    /// <summary>
    /// Runs after a mail is accepted and recorded, before the 202 goes back: the moment the fault-injection test kills
    /// the sender's process, so that SendGrid has the mail and the sender never hears so.
    /// </summary>
    public Func<JsonObject, Task>? AfterAccept { get; set; }

    /// <summary>Decides an answer for request number N before anything else (a 429 with or without headers, a 500…); null lets it through.</summary>
    public Func<int, (int Status, Dictionary<string, string> Headers)?>? Chaos { get; set; }

    private readonly ConcurrentQueue<JsonObject> _events = new();
    private Task? _eventLoop;
    private CancellationTokenSource? _stopEvents;

    public int EventPostsFailed => _eventPostsFailed;

    private int _eventPostsFailed;

    /// <summary>
    /// Posts a signed "processed" event for every accepted mail to <paramref name="webhook"/>, in batches, as SendGrid's
    /// Event Webhook does, retrying a batch the receiver did not take (SendGrid retries for 24 hours).
    /// </summary>
    public void StartEventWebhook(Uri webhook, ECDsa key)
    {
        _stopEvents = new CancellationTokenSource();
        var stop = _stopEvents.Token;
        _eventLoop = Task.Run(async () =>
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var batch = new List<JsonObject>();
            while (!stop.IsCancellationRequested)
            {
                while (batch.Count < 100 && _events.TryDequeue(out var next))
                {
                    batch.Add(next);
                }

                if (batch.Count > 0)
                {
                    var body = new JsonArray([.. batch.Select(e => (JsonNode)e.DeepClone())]).ToJsonString();
                    using var request = EventWebhookSignature.Post(webhook, body, key);
                    try
                    {
                        using var response = await http.SendAsync(request, stop);
                        if (response.IsSuccessStatusCode)
                        {
                            batch.Clear();
                            continue;
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        // The receiver is down (killed, restarting): keep the batch and try again.
                    }

                    Interlocked.Increment(ref _eventPostsFailed);
                }

                await Task.Delay(100, CancellationToken.None);
            }
        }, CancellationToken.None);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_stopEvents is not null)
        {
            await _stopEvents.CancelAsync();
            await (_eventLoop ?? Task.CompletedTask);
            _stopEvents.Dispose();
        }

        await base.DisposeAsync();
    }

    public IEnumerable<string> Recipients =>
        Mails.SelectMany(m => m["personalizations"]!.AsArray().SelectMany(p => p!["to"]!.AsArray().Select(t => (string)t!["email"]!)));

    protected override void Map(WebApplication app) => app.MapPost("/v3/mail/send", async (HttpContext context) =>
    {
        var number = Interlocked.Increment(ref _requests);
        var scripted = NextAnswers.TryDequeue(out var queued) ? queued : Chaos?.Invoke(number);
        if (scripted is { } answer)
        {
            foreach (var (name, value) in answer.Headers)
            {
                context.Response.Headers[name] = value;
            }

            return Reject(answer.Status, null, answer.Status == StatusCodes.Status429TooManyRequests ? "too many requests" : "Internal Server Error");
        }

        if (context.Request.Headers.Authorization != "Bearer " + ApiKey)
        {
            return Reject(StatusCodes.Status401Unauthorized, "authorization", "The provided authorization grant is invalid, expired, or revoked");
        }

        JsonObject? mail;
        try
        {
            mail = await JsonNode.ParseAsync(context.Request.Body) as JsonObject;
        }
        catch (JsonException ex)
        {
            return Reject(StatusCodes.Status400BadRequest, null, "Bad Request: " + ex.Message);
        }

        var problem = Validate(mail);
        if (problem is not null)
        {
            return Reject(StatusCodes.Status400BadRequest, problem.Value.Field, problem.Value.Message);
        }

        var to = mail!["personalizations"]![0]!["to"]![0]!["email"]!.GetValue<string>();
        if (Unavailable.ContainsKey(to))
        {
            return Reject(StatusCodes.Status503ServiceUnavailable, null, "Service Unavailable");
        }

        if (Refuse.ContainsKey(to))
        {
            return Reject(StatusCodes.Status400BadRequest, "personalizations.0.to.0.email", "Does not contain a valid address.");
        }

        Mails.Enqueue(mail);
        if (_stopEvents is not null)
        {
            var processed = new JsonObject { ["email"] = to, ["event"] = "processed", ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds() };
            if (mail["personalizations"]![0]!["custom_args"] is JsonObject args)
            {
                foreach (var (name, value) in args)
                {
                    processed[name] = value?.DeepClone();
                }
            }

            _events.Enqueue(processed);
        }

        if (AfterAccept is not null)
        {
            await AfterAccept(mail);
        }

        return Results.StatusCode(StatusCodes.Status202Accepted);
    });

    private IResult Reject(int status, string? field, string message)
    {
        Rejections.Enqueue($"{status} {field}: {message}");
        return Results.Json(new { errors = new[] { new { message, field, help = (string?)null } } }, statusCode: status);
    }

    // The checks SendGrid documents for mail/send: recipients, a sender, a subject, and content
    // whose first part is text/plain when there are several.
    private static (string Field, string Message)? Validate(JsonObject? mail)
    {
        if (mail is null)
        {
            return ("", "The request body must be a JSON object.");
        }

        if (mail["personalizations"] is not JsonArray { Count: > 0 } personalizations
            || personalizations.Any(p => p?["to"] is not JsonArray { Count: > 0 } to || to.Any(t => !IsEmail(t?["email"]))))
        {
            return ("personalizations", "The personalizations field is required and must have at least one recipient with an email.");
        }

        if (!IsEmail(mail["from"]?["email"]))
        {
            return ("from.email", "The from email does not contain a valid address.");
        }

        if (string.IsNullOrWhiteSpace((string?)mail["subject"])
            && personalizations.Any(p => string.IsNullOrWhiteSpace((string?)p!["subject"]))
            && mail["template_id"] is null)
        {
            return ("subject", "The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.");
        }

        if (mail["content"] is not JsonArray { Count: > 0 } content
            || content.Any(c => string.IsNullOrEmpty((string?)c?["type"]) || string.IsNullOrEmpty((string?)c?["value"])))
        {
            return ("content", "Content must have at least one part, each with a type and a value.");
        }

        if (content.Count > 1 && (string?)content[0]!["type"] != "text/plain")
        {
            return ("content.0.type", "If present, text/plain must be first, followed by text/html.");
        }

        return null;
    }

    /// <summary>The subject the recipient sees: the personalization's, else the message's.</summary>
    public static string? SubjectOf(JsonObject mail) =>
        (string?)mail["personalizations"]![0]!["subject"] ?? (string?)mail["subject"];

    private static bool IsEmail(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) && text.Contains('@', StringComparison.Ordinal);
}
