using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NewsWatch.Email;
using NewsWatch.IntegrationTests.Infrastructure;
using NewsWatch.Storage;
using NewsWatch.Subscriptions;

namespace NewsWatch.IntegrationTests.Infra;

/// <summary>
/// The configuration contract between the code and infra/main.bicep: one source of truth, compared by name.
/// <para>What the code <b>reads</b> (collected from the build, not from a list kept by hand):</para>
/// <list type="bullet">
/// <item>every public settable property of every options class <c>AddNewsWatch()</c> binds (found through the
/// <c>IConfigureOptions&lt;T&gt;</c> it registers), as <c>{T.Section}:{Property}</c>; <c>StorageOptions.ConnectionString</c>
/// is the value of the section itself (<c>AzureWebJobsStorage</c>);</item>
/// <item>every <c>%name%</c> expression in the triggers, as the Functions host sees them (functions.metadata,
/// cross-checked with the source of functions/NewsWatch.Functions);</item>
/// <item>the connection every trigger names (<c>AzureWebJobsStorage</c> when none is named).</item>
/// </list>
/// <para>What the code <b>requires</b> in Azure, i.e. what the template must set:</para>
/// <list type="number">
/// <item>every <c>%name%</c> trigger expression: the host resolves it from app settings, so an options default
/// does not help and the function does not start without it;</item>
/// <item>the trigger connection in its identity-based form, because the account allows no shared keys: the
/// queue, table and blob service URIs (StorageOptions accepts all three or none), the credential and the client id
/// (a user-assigned identity is not found without it);</item>
/// <item>options properties marked [Required] whose default is empty (a value must come from settings);</item>
/// <item>settings without which the app refuses to run in Azure or cannot deliver: the SendGrid key (AddNewsWatch throws
/// in Azure without it) and the sender address (its default is on the reserved .example domain, which SendGrid refuses).</item>
/// </list>
/// <para>Everything else the code reads has a working default: the template may set it, and sets it only for a reason.</para>
/// <para>The template may also set <see cref="Platform"/> settings, read by the Functions host rather than by our code, and
/// <see cref="Pending"/> settings, set ahead of the code that will read them; nothing else.</para>
/// </summary>
internal static partial class ConfigurationContract
{
    /// <summary>Read by the Functions host itself, not by NewsWatch code.</summary>
    public static readonly IReadOnlyDictionary<string, string> Platform = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "the Functions host sends telemetry to Application Insights",
        ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "the host authenticates that telemetry with the managed identity (local auth is off)",
    };

    /// <summary>Set by the template ahead of the code that reads it; each entry names the work that will read it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Pending = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
    };

    /// <summary>Required by rule 4 (see the class summary), with the reason; each is also read by the code.</summary>
    public static readonly IReadOnlyDictionary<string, string> RequiredInAzure = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [$"{SendGridOptions.Section}:{nameof(SendGridOptions.ApiKey)}"] = "AddNewsWatch refuses to start in Azure (WEBSITE_SITE_NAME set) without it",
        [$"{EmailOptions.Section}:{nameof(EmailOptions.From)}"] = "the default sender is on the reserved .example domain; SendGrid sends only from a verified sender",
        [$"{SubscriptionsOptions.Section}:{nameof(SubscriptionsOptions.TokenSigningKey)}"] = "AddNewsWatch refuses to start in Azure without it: a key made up per instance would break every link",
        [$"{SubscriptionsOptions.Section}:{nameof(SubscriptionsOptions.PublicBaseUrl)}"] = "AddNewsWatch refuses to start in Azure without it: the default is the local runner's localhost address",
    };

    public sealed record Setting(string Key, bool Required, string Source);

    public sealed record Comparison(IReadOnlyList<string> Missing, IReadOnlyList<string> Unread)
    {
        public bool Holds => Missing.Count == 0 && Unread.Count == 0;

        public override string ToString() =>
            $"required by the code but not set by the template: [{string.Join(", ", Missing)}]; set by the template but read by nothing: [{string.Join(", ", Unread)}]";
    }

    /// <summary>App-setting names use <c>__</c> where configuration keys use <c>:</c>; keys compare without case.</summary>
    public static string Key(string settingName) => settingName.Replace("__", ":", StringComparison.Ordinal);

    public static Comparison Compare(IReadOnlyCollection<Setting> code, IEnumerable<string> templateSettingNames)
    {
        var template = templateSettingNames.Select(Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var read = code.Select(s => s.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = code.Where(s => s.Required && !template.Contains(s.Key)).Select(s => s.Key).Distinct(StringComparer.OrdinalIgnoreCase);
        var unread = template.Where(t => !read.Contains(t) && !Platform.ContainsKey(t) && !Pending.ContainsKey(t));
        return new Comparison(missing.Order(StringComparer.Ordinal).ToList(), unread.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Every setting the code reads, each marked required or not by the rules above.</summary>
    public static IReadOnlyList<Setting> CodeSettings()
    {
        var settings = new List<Setting>();
        foreach (var type in OptionsTypes())
        {
            settings.AddRange(OptionsSettings(type));
        }

        foreach (var expression in TriggerExpressions())
        {
            settings.Add(new Setting(expression, Required: true, "%...% trigger expression"));
        }

        foreach (var connection in TriggerConnections())
        {
            // The host reads the connection as a section: a connection string as its value, or the identity form as children.
            settings.Add(new Setting(connection, Required: false, "trigger connection"));
        }

        // Merge: a key read in several ways is required if any way requires it.
        return settings.GroupBy(s => s.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new Setting(g.Key, g.Any(s => s.Required), string.Join(" + ", g.Select(s => s.Source).Distinct())))
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The options classes AddNewsWatch() binds: the T of every IConfigureOptions&lt;T&gt; it registers from NewsWatch.</summary>
    public static IReadOnlyList<Type> OptionsTypes()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddNewsWatch();
        return builder.Services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IConfigureOptions<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Where(t => t.Assembly == typeof(StorageOptions).Assembly)
            .Distinct()
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
    }

    public static string SectionOf(Type options) =>
        options.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string
            ?? throw new InvalidOperationException($"{options.FullName} is bound by AddNewsWatch but declares no `public const string Section`: the contract cannot name its settings.");

    private static IEnumerable<Setting> OptionsSettings(Type type)
    {
        var section = SectionOf(type);
        var defaults = Activator.CreateInstance(type);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            var source = $"{type.Name}.{property.Name}";
            if (type == typeof(StorageOptions) && property.Name == nameof(StorageOptions.ConnectionString))
            {
                yield return new Setting(StorageOptions.Section, Required: false, source + " (the section's own value)");
                continue;
            }

            // The binder reads [ConfigurationKeyName] when a property has one.
            var key = $"{section}:{property.GetCustomAttribute<Microsoft.Extensions.Configuration.ConfigurationKeyNameAttribute>()?.Name ?? property.Name}";
            var required =
                (type == typeof(StorageOptions)) // rule 2: every property of the identity form
                || (property.GetCustomAttribute<System.ComponentModel.DataAnnotations.RequiredAttribute>() is not null && string.IsNullOrWhiteSpace(property.GetValue(defaults)?.ToString())) // rule 3
                || RequiredInAzure.ContainsKey(key); // rule 4
            yield return new Setting(key, required, source);
        }
    }

    /// <summary>%name% expressions of the triggers as the host reads them (functions.metadata), as configuration keys.</summary>
    public static IReadOnlyList<string> TriggerExpressions() =>
        Bindings().SelectMany(b => b.Select(p => p.Value).OfType<JsonValue>())
            .Select(v => v.ToString())
            .SelectMany(s => Expression().Matches(s).Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>%name% expressions in the source of the function classes (a cross-check of <see cref="TriggerExpressions"/>).</summary>
    public static IReadOnlyList<string> TriggerExpressionsInSource() =>
        Directory.GetFiles(RepositoryPaths.Combine("functions", "NewsWatch.Functions"), "*.cs")
            .SelectMany(file => Expression().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The storage connections the triggers use: their "connection", or AzureWebJobsStorage when they name none.</summary>
    public static IReadOnlyList<string> TriggerConnections() =>
        Bindings().Where(b => ((string?)b["type"])?.StartsWith("queue", StringComparison.OrdinalIgnoreCase) == true || ((string?)b["type"])?.StartsWith("blob", StringComparison.OrdinalIgnoreCase) == true)
            .Select(b => string.IsNullOrWhiteSpace((string?)b["connection"]) ? StorageOptions.Section : (string)b["connection"]!)
            .Append(StorageOptions.Section) // the host's own storage (timers, leases) is always AzureWebJobsStorage
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    private static IEnumerable<JsonObject> Bindings() =>
        ((JsonArray)JsonNode.Parse(File.ReadAllText(RepositoryPaths.Output("NewsWatch.Functions", "functions.metadata")))!)
            .SelectMany(f => f!["bindings"]!.AsArray())
            .Select(b => b!.AsObject());

    [GeneratedRegex("%([A-Za-z0-9_:.\\-]+)%")]
    private static partial Regex Expression();
}
