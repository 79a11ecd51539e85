using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NewsWatch.Subscriptions;

namespace NewsWatch.Web;

/// <summary>
/// What the subscribe and preferences forms send, read the same way from an HTML form and from JSON
/// (<c>{"email": "…", "countries": ["Pakistan"], "delivery": "digest", "digest_hour": 7, "time_zone": "Europe/Paris"}</c>).
/// Lists accept one field per value or comma-separated text; a bad value is an error naming it, never ignored.
/// </summary>
public sealed class SubscriberForm
{
    public const int MaxBodyBytes = 16 * 1024;

    private SubscriberForm(Dictionary<string, IReadOnlyList<string?>> fields) => Fields = new FilterFields(fields);

    public FilterFields Fields { get; }

    /// <returns>The form, or null when the body is not a form or JSON object this endpoint can read.</returns>
    public static async Task<SubscriberForm?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        var fields = new Dictionary<string, IReadOnlyList<string?>>(StringComparer.OrdinalIgnoreCase);
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (name, values) in form)
            {
                fields[name] = values.ToArray();
            }

            return new SubscriberForm(fields);
        }

        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        if (body.Length > MaxBodyBytes)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(body.ToArray());
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var property in json.RootElement.EnumerateObject())
            {
                fields[property.Name] = property.Value.ValueKind == JsonValueKind.Array
                    ? property.Value.EnumerateArray().Select(Text).ToArray()
                    : [Text(property.Value)];
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return new SubscriberForm(fields) { IsJson = true };
    }

    public bool IsJson { get; private init; }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };
}
