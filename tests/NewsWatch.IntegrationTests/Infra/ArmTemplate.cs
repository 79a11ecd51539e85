using System.Text.Json.Nodes;

namespace NewsWatch.IntegrationTests.Infra;

/// <summary>
/// Reading a compiled ARM template: its resources (a list, or an object keyed by symbolic name in
/// languageVersion 2.0), the modules (nested deployments) and their templates.
/// </summary>
internal sealed record ArmResource(string Module, string Symbol, JsonObject Node)
{
    public string Type => (string)Node["type"]!;

    public string Name => Node["name"]?.ToString() ?? "";

    public bool IsExisting => Node["existing"]?.GetValue<bool>() == true;

    public JsonNode? Properties => Node["properties"];
}

internal static class ArmTemplate
{
    public const string DeploymentType = "Microsoft.Resources/deployments";

    public static IEnumerable<(string Symbol, JsonObject Resource)> Resources(JsonObject template) =>
        template["resources"] switch
        {
            JsonObject byName => byName.Select(p => (p.Key, p.Value!.AsObject())),
            JsonArray list => list.Select((r, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), r!.AsObject())),
            _ => [],
        };

    /// <summary>Every resource of the template and of its modules, depth first.</summary>
    public static IEnumerable<ArmResource> AllResources(JsonObject template, string module = "main")
    {
        foreach (var (symbol, resource) in Resources(template))
        {
            yield return new ArmResource(module, symbol, resource);
            if ((string?)resource["type"] == DeploymentType && resource["properties"]?["template"] is JsonObject inner)
            {
                foreach (var nested in AllResources(inner, (string)resource["name"]!))
                {
                    yield return nested;
                }
            }
        }
    }

    /// <summary>The module deployment named <paramref name="name"/> in the main template.</summary>
    public static JsonObject Module(JsonObject template, string name) =>
        Resources(template).Select(r => r.Resource).Single(r => (string?)r["type"] == DeploymentType && (string?)r["name"] == name);

    public static JsonObject ModuleTemplate(JsonObject template, string name) => Module(template, name)["properties"]!["template"]!.AsObject();

    public static IEnumerable<ArmResource> OfType(JsonObject template, string type) =>
        AllResources(template).Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase) && !r.IsExisting);

    /// <summary>The app settings main.bicep passes to the function app module: name and value expression.</summary>
    public static IReadOnlyList<(string Name, string Value)> AppSettings(JsonObject template) =>
        Module(template, "functionapp")["properties"]!["parameters"]!["appSettings"]!["value"]!.AsArray()
            .Select(s => ((string)s!["name"]!, s["value"]!.ToString()))
            .ToList();
}
