using System.Globalization;

namespace NewsWatch.Subscriptions;

/// <summary>
/// A subscriber's filters and delivery as a person gives them, by field name ("countries", "min_score", "delivery",
/// "digest_hour", "time_zone"…): from the preferences form, from JSON, from the CLI's options. One set of rules for all
/// of them: lists accept one entry per value or comma-separated text, and a bad value is an error naming it, never ignored.
/// </summary>
public sealed class FilterFields(IReadOnlyDictionary<string, IReadOnlyList<string?>> fields)
{
    public IReadOnlyList<string?> this[string name] => fields.TryGetValue(name, out var values) ? values : [];

    /// <summary>The first non-blank value of a field, trimmed.</summary>
    public string? Value(string name) => this[name].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    /// <summary>The filters and delivery these fields ask for, on top of <paramref name="current"/> (the stored subscriber, or a new one).</summary>
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
}
