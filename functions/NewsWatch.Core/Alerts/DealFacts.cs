using System.Globalization;
using NewsWatch.Classification;

namespace NewsWatch.Alerts;

/// <summary>The one-line summary of a deal that alerts lead with:
/// "Russia → Pakistan · Mi-35 (aircraft) · stage: negotiating · embargo lifted".</summary>
public static class DealFacts
{
    public static string Line(DealAssessment deal)
    {
        var parts = new List<string>();
        if (deal.Supplier is not null || deal.Recipient is not null)
        {
            parts.Add($"{deal.Supplier ?? "?"} → {deal.Recipient ?? "?"}");
        }

        if (deal.Systems.Count > 0)
        {
            parts.Add(string.Join(", ", deal.Systems.Select(Describe)));
        }

        if (deal.Stage is not null && !deal.Stage.StartsWith("embargo", StringComparison.Ordinal))
        {
            parts.Add("stage: " + deal.Stage.Replace('_', ' '));
        }

        if (deal.Embargo is not null)
        {
            parts.Add("embargo " + deal.Embargo);
        }

        if (deal.Value is not null)
        {
            parts.Add("value: " + deal.Value);
        }

        return string.Join(" · ", parts);
    }

    private static string Describe(WeaponSystemMention system) =>
        (system.Quantity is { } quantity ? quantity.ToString(CultureInfo.InvariantCulture) + " × " : "")
        + $"{system.Name} ({WeaponCategory.DisplayName(system.Category)})";
}
