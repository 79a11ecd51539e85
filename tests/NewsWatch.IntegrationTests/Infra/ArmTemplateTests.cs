using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using NewsWatch.Storage;

namespace NewsWatch.IntegrationTests.Infra;

/// <summary>What infra/main.bicep deploys, read from the ARM JSON the real bicep CLI compiles it to.</summary>
public sealed partial class ArmTemplateTests
{
    private static Task<JsonObject> Template() => BicepCli.CompiledMainAsync();

    private static ArmResource Single(JsonObject template, string type) => Assert.Single(ArmTemplate.OfType(template, type));

    [Fact]
    public async Task FunctionApp_FlexConsumptionFc1_LinuxDotnetIsolated10()
    {
        var template = await Template();

        var plan = Single(template, "Microsoft.Web/serverfarms").Node;
        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.True((bool)plan["properties"]!["reserved"]!); // Linux

        var site = Single(template, "Microsoft.Web/sites").Node;
        Assert.Equal("functionapp,linux", (string?)site["kind"]);
        var runtime = site["properties"]!["functionAppConfig"]!["runtime"]!;
        Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
        Assert.Equal("10.0", (string?)runtime["version"]);
        Assert.True((bool)site["properties"]!["httpsOnly"]!);
    }

    [Fact]
    public async Task FunctionApp_InstanceMemoryAndMaximumInstances_AreParameters()
    {
        var template = await Template();

        var scale = Single(template, "Microsoft.Web/sites").Node["properties"]!["functionAppConfig"]!["scaleAndConcurrency"]!;
        Assert.Equal("[parameters('instanceMemoryMB')]", (string?)scale["instanceMemoryMB"]);
        Assert.Equal("[parameters('maximumInstanceCount')]", (string?)scale["maximumInstanceCount"]);
        var main = template["parameters"]!;
        Assert.Equal([512, 2048, 4096], main["instanceMemoryMB"]!["allowedValues"]!.AsArray().Select(v => (int)v!));
        Assert.Equal(1000, (int)main["maximumInstanceCount"]!["maxValue"]!);
        var parameters = ArmTemplate.Module(template, "functionapp")["properties"]!["parameters"]!;
        Assert.Equal("[parameters('instanceMemoryMB')]", (string?)parameters["instanceMemoryMB"]!["value"]);
        Assert.Equal("[parameters('maximumInstanceCount')]", (string?)parameters["maximumInstanceCount"]!["value"]);
    }

    [Fact]
    public async Task FunctionApp_RunsAsTheUserAssignedIdentity_ForDeploymentStorageAndKeyVaultReferences()
    {
        var template = await Template();

        var site = Single(template, "Microsoft.Web/sites").Node;
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        Assert.Equal("[parameters('identityId')]", (string?)site["properties"]!["keyVaultReferenceIdentity"]);
        var storage = site["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!;
        Assert.Equal("blobContainer", (string?)storage["type"]);
        Assert.Equal("UserAssignedIdentity", (string?)storage["authentication"]!["type"]);
        Assert.Equal("[parameters('identityId')]", (string?)storage["authentication"]!["userAssignedIdentityResourceId"]);
        Assert.Equal("[reference('identity').outputs.id.value]", (string?)ArmTemplate.Module(template, "functionapp")["properties"]!["parameters"]!["identityId"]!["value"]);

        // The deployment container exists in the same account.
        Assert.Contains("deploymentContainer", (string?)storage["value"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task FunctionApp_SettingsComeOnlyFromTheContractList_AndPublishingPasswordsAreOff()
    {
        var template = await Template();

        Assert.Equal("[parameters('appSettings')]", (string?)Single(template, "Microsoft.Web/sites").Node["properties"]!["siteConfig"]!["appSettings"]);
        Assert.Empty(ArmTemplate.OfType(template, "Microsoft.Web/sites/config"));
        var policies = ArmTemplate.OfType(template, "Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.False((bool)p.Properties!["allow"]!));
    }

    [Fact]
    public async Task FunctionApp_StorageSettings_AreTheIdentityFormAsTheUserAssignedIdentity()
    {
        var settings = ArmTemplate.AppSettings(await Template()).ToDictionary(s => s.Name, s => s.Value);

        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("[reference('identity').outputs.clientId.value]", settings["AzureWebJobsStorage__clientId"]);
        Assert.Equal("[reference('storage').outputs.blobEndpoint.value]", settings["AzureWebJobsStorage__blobServiceUri"]);
        Assert.Equal("[reference('storage').outputs.queueEndpoint.value]", settings["AzureWebJobsStorage__queueServiceUri"]);
        Assert.Equal("[reference('storage').outputs.tableEndpoint.value]", settings["AzureWebJobsStorage__tableServiceUri"]);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys); // no connection string form
    }

    [Fact]
    public async Task Storage_NoSharedKeys_Tls12_NoPublicBlobAccess()
    {
        var account = Single(await Template(), "Microsoft.Storage/storageAccounts").Properties!;

        Assert.False((bool)account["allowSharedKeyAccess"]!);
        Assert.Equal("TLS1_2", (string?)account["minimumTlsVersion"]);
        Assert.False((bool)account["allowBlobPublicAccess"]!);
        Assert.True((bool)account["supportsHttpsTrafficOnly"]!);
        Assert.True((bool)account["defaultToOAuthAuthentication"]!);
    }

    [Fact]
    public async Task Storage_QueuesTablesAndContainer_AreTheOnesTheCodeUses()
    {
        var template = await Template();
        var variables = template["variables"]!;

        Assert.Equal(StorageNames.Queues, variables["queues"]!.AsArray().Select(q => (string)q!));
        Assert.Equal(StorageNames.Tables, variables["tables"]!.AsArray().Select(t => (string)t!));
        Assert.Equal(StorageNames.ArticleBodiesContainer, (string?)variables["articleBodiesContainer"]);
        Assert.Contains(StorageNames.Queues, q => q.EndsWith("-poison", StringComparison.Ordinal));

        var storage = ArmTemplate.Module(template, "storage")["properties"]!["parameters"]!;
        Assert.Equal("[variables('queues')]", (string?)storage["queues"]!["value"]);
        Assert.Equal("[variables('tables')]", (string?)storage["tables"]!["value"]);
        Assert.Equal("[variables('articleBodiesContainer')]", (string?)storage["articleBodiesContainer"]!["value"]);
        Assert.Equal("[length(parameters('queues'))]", (string?)Single(template, "Microsoft.Storage/storageAccounts/queueServices/queues").Node["copy"]!["count"]);
        Assert.Equal("[length(parameters('tables'))]", (string?)Single(template, "Microsoft.Storage/storageAccounts/tableServices/tables").Node["copy"]!["count"]);
    }

    [Fact]
    public async Task Template_NoKeysAnywhere_NoListKeysNoAccountKeyNoSas()
    {
        var text = (await Template()).ToJsonString();

        foreach (var forbidden in new[] { "listKeys", "listkeys", "listConnectionStrings", "listAccountSas", "listServiceSas", "AccountKey=", "SharedAccessSignature", "SharedAccessKey" })
        {
            Assert.DoesNotContain(forbidden, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task RoleAssignments_AppIdentity_GetsExactlyTheLeastPrivilegeRolesOnEachResource()
    {
        var identity = ArmTemplate.ModuleTemplate(await Template(), "identity");
        var assignments = ArmTemplate.AllResources(identity).Where(r => r.Type == "Microsoft.Authorization/roleAssignments").ToList();
        var app = assignments.Where(a => ((string?)a.Properties!["principalId"])!.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", StringComparison.Ordinal)).ToList();

        var granted = app.SelectMany(a => RoleIds(identity, a).Select(role => (Scope: ScopeType(a), Role: role))).Order().ToList();

        Assert.Equal(
            new[]
            {
                ("Microsoft.CognitiveServices/accounts", CognitiveServicesUser),
                ("Microsoft.Insights/components", MonitoringMetricsPublisher),
                ("Microsoft.KeyVault/vaults", KeyVaultSecretsUser),
                ("Microsoft.Storage/storageAccounts", StorageTableDataContributor),
                ("Microsoft.Storage/storageAccounts", StorageQueueDataContributor),
                ("Microsoft.Storage/storageAccounts", StorageBlobDataOwner),
            }.Order(),
            granted);
        Assert.All(app, a => Assert.Equal("ServicePrincipal", (string?)a.Properties!["principalType"]));
        Assert.All(app, a => Assert.Equal("[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('name')), '2023-01-31').principalId]", (string?)a.Properties!["principalId"]));

        // Language's role only when Language is deployed; the operator's roles only when an operator is named.
        Assert.Equal("[not(empty(parameters('languageAccountName')))]", (string?)app.Single(a => ScopeType(a) == "Microsoft.CognitiveServices/accounts").Node["condition"]);
        Assert.All(assignments.Except(app), a => Assert.Equal("[not(empty(parameters('operatorPrincipalId')))]", (string?)a.Node["condition"]));
    }

    [Fact]
    public async Task KeyVault_RbacMode_HoldsBothSecrets_ReferencedFromTheSettings()
    {
        var template = await Template();

        var vault = Single(template, "Microsoft.KeyVault/vaults").Properties!;
        Assert.True((bool)vault["enableRbacAuthorization"]!);
        Assert.True((bool)vault["enableSoftDelete"]!);
        var secrets = ArmTemplate.OfType(template, "Microsoft.KeyVault/vaults/secrets").ToList();
        Assert.Equal(2, secrets.Count);
        // Written only when given: a deployment without the value keeps the stored secret.
        Assert.All(secrets, s => Assert.StartsWith("[not(empty(parameters(", (string?)s.Node["condition"], StringComparison.Ordinal));

        var settings = ArmTemplate.AppSettings(template).ToDictionary(s => s.Name, s => s.Value);
        Assert.Equal("sendgrid-api-key", (string?)template["variables"]!["sendGridApiKeySecretName"]);
        Assert.Equal("token-signing-key", (string?)template["variables"]!["tokenSigningKeySecretName"]);
        Assert.Equal("[format('@Microsoft.KeyVault(SecretUri={0}secrets/{1})', reference('keyVault').outputs.uri.value, variables('sendGridApiKeySecretName'))]", settings["NewsWatch__SendGrid__ApiKey"]);
        Assert.Equal("[format('@Microsoft.KeyVault(SecretUri={0}secrets/{1})', reference('keyVault').outputs.uri.value, variables('tokenSigningKeySecretName'))]", settings["NewsWatch__Subscriptions__TokenSigningKey"]);
        var keyVault = ArmTemplate.Module(template, "keyvault")["properties"]!["parameters"]!;
        Assert.Equal("[variables('sendGridApiKeySecretName')]", (string?)keyVault["sendGridApiKeySecretName"]!["value"]);
        Assert.Equal("[variables('tokenSigningKeySecretName')]", (string?)keyVault["tokenSigningKeySecretName"]!["value"]);
    }

    [Fact]
    public async Task Secrets_AreSecureParameters_NeverOutputs()
    {
        var template = await Template();

        foreach (var name in new[] { "sendGridApiKey", "tokenSigningKey" })
        {
            Assert.Equal("securestring", (string?)template["parameters"]![name]!["type"]);
            Assert.Equal("", (string?)template["parameters"]![name]!["defaultValue"]);
        }

        Assert.DoesNotContain(template["outputs"]!.AsObject(), o => o.Value!.ToJsonString().Contains("sendGridApiKey", StringComparison.Ordinal) || o.Value!.ToJsonString().Contains("tokenSigningKey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApplicationInsights_WiredWithEntraAuth_AndLogAnalytics()
    {
        var template = await Template();

        var insights = Single(template, "Microsoft.Insights/components").Properties!;
        Assert.True((bool)insights["DisableLocalAuth"]!);
        Assert.NotNull(insights["WorkspaceResourceId"]);
        Assert.Single(ArmTemplate.OfType(template, "Microsoft.OperationalInsights/workspaces"));
        var settings = ArmTemplate.AppSettings(template).ToDictionary(s => s.Name, s => s.Value);
        Assert.Equal("[reference('monitoring').outputs.applicationInsightsConnectionString.value]", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        Assert.Equal("[format('ClientId={0};Authorization=AAD', reference('identity').outputs.clientId.value)]", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
    }

    [Fact]
    public void HostJson_Sampling_NeverDropsRequestsExceptionsOrWarnings()
    {
        // The function-failures alert counts requests, the SendGrid and feed alerts read exceptions and warnings
        // (traces): none may be sampled. Information traces are not written at all, which keeps that affordable.
        var logging = JsonNode.Parse(File.ReadAllText(Infrastructure.RepositoryPaths.Combine("host.json")))!["logging"]!;
        var excluded = ((string?)logging["applicationInsights"]!["samplingSettings"]!["excludedTypes"] ?? "").Split(';', StringSplitOptions.TrimEntries);

        Assert.Contains("Request", excluded);
        Assert.Contains("Exception", excluded);
        Assert.Contains("Trace", excluded);
        Assert.Equal("Warning", (string?)logging["logLevel"]!["default"]);
        Assert.Equal("Warning", (string?)logging["logLevel"]!["Function"]);
        Assert.Equal("Information", (string?)logging["logLevel"]!["Host.Results"]);
    }

    [Fact]
    public async Task Alerts_FourLogAlertRules_OnApplicationInsights()
    {
        var monitoring = ArmTemplate.ModuleTemplate(await Template(), "monitoring");

        var rules = Assert.Single(ArmTemplate.AllResources(monitoring), r => r.Type == "Microsoft.Insights/scheduledQueryRules");
        Assert.Equal("[length(variables('alerts'))]", (string?)rules.Node["copy"]!["count"]);
        Assert.Equal("LogAlert", (string?)rules.Node["kind"]);
        Assert.Equal("[resourceId('Microsoft.Insights/components', parameters('applicationInsightsName'))]", (string?)rules.Properties!["scopes"]![0]);
        Assert.Equal(["poison-messages", "function-failures", "feeds-failing-24h", "sendgrid-failures"], Alerts(monitoring).Select(a => (string)a["name"]!));
    }

    [Theory]
    [InlineData("poison-messages", "Moving message to queue")]
    [InlineData("poison-messages", "-poison")]
    [InlineData("function-failures", "success == false")]
    public async Task Alerts_Query_ReadsWhatTheHostLogs(string alert, string text)
    {
        Assert.Contains(text, AlertQuery(ArmTemplate.ModuleTemplate(await Template(), "monitoring"), alert), StringComparison.Ordinal);
    }

    [Theory]
    // FeedScheduler.LogFailingFeed: "Feed {FeedUrl} has been failing for {Duration}: {LastError}"
    [InlineData("feeds-failing-24h", "FeedScheduler", " has been failing for ")]
    // AlertDispatcher.LogSendFailed and LogRefused
    [InlineData("sendgrid-failures", "AlertDispatcher", " failed and will be retried: ")]
    [InlineData("sendgrid-failures", "AlertDispatcher", " was refused and will not be retried: ")]
    public async Task Alerts_Query_QuotesTheCodesLogTemplate(string alert, string loggingClass, string literal)
    {
        // The text is a literal part of a [LoggerMessage] template in the code, at warning or error level...
        var templates = typeof(StorageAccount).Assembly.GetTypes().Where(t => t.Name == loggingClass)
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public))
            .Select(m => m.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>()
            .Where(a => a.Message.Contains(literal, StringComparison.Ordinal))
            .ToList();
        var logged = Assert.Single(templates);
        Assert.True(logged.Level is LogLevel.Warning or LogLevel.Error, $"{loggingClass}: '{logged.Message}' is logged at {logged.Level}");
        Assert.DoesNotContain("{", literal, StringComparison.Ordinal);

        // ...and the alert's query looks for exactly that text.
        Assert.Contains(literal, AlertQuery(ArmTemplate.ModuleTemplate(await Template(), "monitoring"), alert), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alerts_NotifyTheActionGroup_WhenAnEmailIsGiven()
    {
        var monitoring = ArmTemplate.ModuleTemplate(await Template(), "monitoring");

        var rules = Assert.Single(ArmTemplate.AllResources(monitoring), r => r.Type == "Microsoft.Insights/scheduledQueryRules");
        Assert.Contains("actionGroups", (string?)rules.Properties!["actions"]!["actionGroups"], StringComparison.Ordinal);
        var group = Assert.Single(ArmTemplate.AllResources(monitoring), r => r.Type == "Microsoft.Insights/actionGroups");
        Assert.Equal("[not(empty(parameters('alertEmail')))]", (string?)group.Node["condition"]);
    }

    [Fact]
    public async Task Language_Optional_CustomSubdomain_NoLocalAuth_EndpointPassedToTheApp()
    {
        var template = await Template();

        Assert.Equal("[parameters('enableLanguage')]", (string?)ArmTemplate.Module(template, "language")["condition"]);
        var account = Single(template, "Microsoft.CognitiveServices/accounts");
        Assert.Equal("TextAnalytics", (string?)account.Node["kind"]);
        Assert.True((bool)account.Properties!["disableLocalAuth"]!);
        Assert.Equal("[parameters('name')]", (string?)account.Properties!["customSubDomainName"]);
        var settings = ArmTemplate.AppSettings(template).ToDictionary(s => s.Name, s => s.Value);
        Assert.Contains("outputs', 'endpoint'", settings["NewsWatch__Language__Endpoint"], StringComparison.Ordinal);
        Assert.DoesNotContain("NewsWatch__Language__Key", settings.Keys);
    }

    [Fact]
    public async Task Tags_OnEveryResourceThatTakesThem()
    {
        var template = await Template();

        // Top-level resources take tags; child resources (queues, secrets' parents...) and role assignments do not.
        var taggable = ArmTemplate.AllResources(template)
            .Where(r => !r.IsExisting && r.Type != ArmTemplate.DeploymentType && r.Type != "Microsoft.Authorization/roleAssignments" && r.Type.Count(c => c == '/') == 1)
            .ToList();
        Assert.True(taggable.Count >= 10, string.Join(", ", taggable.Select(r => r.Type)));
        Assert.All(taggable, r => Assert.True(r.Node["tags"] is not null, $"{r.Module}/{r.Symbol} ({r.Type}) has no tags"));
        Assert.Contains("'azd-env-name'", (string?)template["variables"]!["allTags"], StringComparison.Ordinal);
        Assert.Contains("'azd-service-name'", (string?)Single(template, "Microsoft.Web/sites").Node["tags"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Names_FromTheResourceTokenAndTheAbbreviationsFile()
    {
        var template = await Template();

        Assert.Contains("uniqueString(", (string?)template["variables"]!["resourceToken"], StringComparison.Ordinal);
        var abbreviations = JsonNode.Parse(File.ReadAllText(BicepCli.Infra("abbreviations.json")))!.AsObject();
        var names = template["variables"]!["names"]!.AsObject();
        Assert.All(names, n => Assert.Matches(@"^\[format\('\{0\}\{1\}-?', variables\('abbrs'\)\.\w+, variables\('resourceToken'\)\)\]$", (string?)n.Value));
        Assert.All(names, n => Assert.True(abbreviations.ContainsKey(AbbreviationRegex().Match((string)n.Value!).Groups[1].Value), $"{n.Key} uses an abbreviation missing from abbreviations.json"));
        Assert.All(abbreviations, a => Assert.Contains(names, n => ((string)n.Value!).Contains($"abbrs').{a.Key},", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Outputs_UpperSnakeCase_ForAzd()
    {
        var outputs = (await Template())["outputs"]!.AsObject();

        Assert.All(outputs, o => Assert.Matches("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$", o.Key));
        foreach (var name in new[] { "AZURE_LOCATION", "AZURE_TENANT_ID", "AZURE_FUNCTION_APP_NAME", "SERVICE_FUNCTIONS_NAME", "AZURE_KEY_VAULT_NAME", "AZURE_STORAGE_ACCOUNT_NAME" })
        {
            Assert.True(outputs.ContainsKey(name), name);
        }
    }

    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string CognitiveServicesUser = "a97b65f3-24c7-4388-baec-2e87135dc908";

    private static string ScopeType(ArmResource assignment) => ScopeRegex().Match((string)assignment.Node["scope"]!).Groups[1].Value;

    /// <summary>
    /// The role definition GUIDs an assignment grants: <c>variables('roles').name</c>, or for a copy loop over a
    /// list of such, every entry of the list.
    /// </summary>
    private static IEnumerable<string> RoleIds(JsonObject template, ArmResource assignment)
    {
        var roles = template["variables"]!["roles"]!.AsObject();
        var expression = (string)assignment.Properties!["roleDefinitionId"]!;
        Assert.StartsWith("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', ", expression, StringComparison.Ordinal);
        var list = ListRegex().Match(expression);
        var entries = list.Success
            ? template["variables"]![list.Groups[1].Value]!.AsArray().Select(e => (string)e!)
            : [expression];
        return entries.Select(e => (string)roles[RoleRegex().Match(e).Groups[1].Value]!);
    }

    private static IEnumerable<JsonObject> Alerts(JsonObject monitoring) => monitoring["variables"]!["alerts"]!.AsArray().Select(a => a!.AsObject());

    /// <summary>The alert's KQL: the variable its query names.</summary>
    private static string AlertQuery(JsonObject monitoring, string alert)
    {
        var query = (string)Alerts(monitoring).Single(a => (string?)a["name"] == alert)["query"]!;
        return (string)monitoring["variables"]![QueryVariableRegex().Match(query).Groups[1].Value]!;
    }

    [GeneratedRegex(@"resourceId\('([^']+)'")]
    private static partial Regex ScopeRegex();

    [GeneratedRegex(@"variables\('(\w+)'\)\[copyIndex\(\)\]")]
    private static partial Regex ListRegex();

    [GeneratedRegex(@"variables\('roles'\)\.(\w+)")]
    private static partial Regex RoleRegex();

    [GeneratedRegex(@"variables\('(\w+Query)'\)")]
    private static partial Regex QueryVariableRegex();

    [GeneratedRegex(@"variables\('abbrs'\)\.(\w+)")]
    private static partial Regex AbbreviationRegex();
}
