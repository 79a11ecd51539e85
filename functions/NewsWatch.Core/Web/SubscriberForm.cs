using System.Globalization;
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
    private readonly Dictionary<string, List<string?>> _fields;

    private SubscriberForm(Dictionary<string, List<string?>> fields) => _fields = fields;

    public IReadOnlyList<string?> this[string name] => _fields.TryGetValue(name, out var values) ? values : [];

    public string? Value(string name) => this[name].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    /// <returns>The form, or null when the body is not a form or JSON object this endpoint can read.</returns>
    public static async Task<SubscriberForm?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        var fields = new Dictionary<string, List<string?>>(StringComparer.OrdinalIgnoreCase);
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (name, values) in form)
            {
                fields[name] = [.. values];
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
                    ? [.. property.Value.EnumerateArray().Select(Text)]
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

    /// <summary>The filters and delivery this form asks for, on top of <paramref name="current"/> (the stored subscriber, or a new one).</summary>
    public bool TryApply(Subscriber current, out Subscriber subscriber, out string error)
    {
        ArgumentNullException.ThrowIfNull(current);
        subscriber = current;
        if (!FilterText.TryCountries(this["countries"], out var countries, out error)
            || !FilterText.TryCountries(this["suppliers"], out var suppliers, out error)
            || !FilterText.TryCountries(this["recipients"], out var recipients, out error)
            || !FilterText.TryCategories(this["categories"], out var categories, out error)
            || !FilterText.TrySystems(this["systems"], out var systems, out error)
            || !FilterText.TryStages(this["stages"], out var stages, out error)
            || !FilterText.TryKeywords(this["keywords"], out var keywords, out error))
        {
            return false;
        }

        var minScore = 0.0;
        if (Value("min_score") is { } scoreText &&
            (!double.TryParse(scoreText, NumberStyles.Float, CultureInfo.InvariantCulture, out minScore) || double.IsNaN(minScore) || minScore is < 0 or > 1))
        {
            error = $"the minimum score must be a number from 0 to 1, not '{scoreText}'";
            return false;
        }

        var delivery = DeliveryMode.Immediate;
        if (Value("delivery") is { } mode && !Enum.TryParse(mode, ignoreCase: true, out delivery))
        {
            error = $"delivery is 'immediate' or 'digest', not '{mode}'";
            return false;
        }

        var hour = current.DigestHour;
        if (Value("digest_hour") is { } hourText && (!int.TryParse(hourText, NumberStyles.None, CultureInfo.InvariantCulture, out hour) || hour > 23))
        {
            error = $"the digest hour is a whole hour from 0 to 23, not '{hourText}'";
            return false;
        }

        var zone = Value("time_zone") ?? current.TimeZone;
        if (!DigestSchedule.IsKnown(zone))
        {
            error = $"'{zone}' is not an IANA time zone (for example Europe/Paris or America/New_York)";
            return false;
        }

        subscriber = current with
        {
            Countries = countries,
            Suppliers = suppliers,
            Recipients = recipients,
            Categories = categories,
            Systems = systems,
            Stages = stages,
            Keywords = keywords,
            MinScore = minScore,
            Delivery = delivery,
            DigestHour = hour,
            TimeZone = zone,
        };
        return true;
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };
}
