using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using NewsWatch.Email;
using NewsWatch.Storage;

namespace NewsWatch.IntegrationTests.Infra;

/// <summary>
/// One source of truth for configuration: the settings infra/main.bicep gives the function app against the
/// settings the code reads and requires (<see cref="ConfigurationContract"/> says how both are found and what
/// "required" means). The doctored-template tests show that the check fails in both directions.
/// </summary>
public sealed class ConfigurationContractTests
{
    private static readonly IReadOnlyList<ConfigurationContract.Setting> Code = ConfigurationContract.CodeSettings();

    [Fact]
    public async Task Contract_CompiledTemplate_SetsEveryRequiredSettingAndNothingTheCodeDoesNotRead()
    {
        var settings = ArmTemplate.AppSettings(await BicepCli.CompiledMainAsync()).Select(s => s.Name).ToList();

        var comparison = ConfigurationContract.Compare(Code, settings);

        Assert.True(comparison.Holds, comparison.ToString());
        Assert.Equal(settings.Count, settings.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    // A required setting removed and a misspelt one added: both are reported.
    [InlineData("NewsWatch__Feeds__PollSchedule", "NewsWatch__Feeds__PollScheduel")]
    // The SendGrid key dropped and a setting Flex Consumption refuses (and nothing reads) added.
    [InlineData("NewsWatch__SendGrid__ApiKey", "FUNCTIONS_WORKER_RUNTIME")]
    // The identity form without its client id, and a connection string form nobody reads under that name.
    [InlineData("AzureWebJobsStorage__clientId", "NewsWatch__Storage__ConnectionString")]
    public async Task Contract_DoctoredTemplate_ReportsTheMissingAndTheUnreadSetting(string removed, string added)
    {
        var template = await BicepCli.CompiledMainAsync();
        var appSettings = ArmTemplate.Module(template, "functionapp")["properties"]!["parameters"]!["appSettings"]!["value"]!.AsArray();
        appSettings.Remove(appSettings.Single(s => (string?)s!["name"] == removed));
        appSettings.Add(new JsonObject { ["name"] = added, ["value"] = "x" });

        var comparison = ConfigurationContract.Compare(Code, ArmTemplate.AppSettings(template).Select(s => s.Name));

        Assert.False(comparison.Holds);
        Assert.Equal([ConfigurationContract.Key(removed)], comparison.Missing, StringComparer.OrdinalIgnoreCase);
        Assert.Equal([ConfigurationContract.Key(added)], comparison.Unread, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void Contract_OptionalSettingRemoved_IsNotReported()
    {
        // Read with a working default: the template may leave it out.
        var names = new[] { "NewsWatch__Feeds__PollSchedule", "NewsWatch__Feeds__PurgeSchedule" };

        var comparison = ConfigurationContract.Compare(Code, names);

        Assert.DoesNotContain("NewsWatch:Feeds:FetchTimeout", comparison.Missing);
        Assert.DoesNotContain("NewsWatch:Email:FromName", comparison.Missing);
        Assert.DoesNotContain("NewsWatch:Language:Endpoint", comparison.Missing);
    }

    [Fact]
    public void CodeSettings_FindsEveryOptionsClassAddNewsWatchBinds()
    {
        var sections = ConfigurationContract.OptionsTypes().Select(ConfigurationContract.SectionOf).Order(StringComparer.Ordinal);

        Assert.Equal(
            ["AzureWebJobsStorage", "NewsWatch:Alerts", "NewsWatch:Classification", "NewsWatch:Email", "NewsWatch:Feeds", "NewsWatch:Language", "NewsWatch:SendGrid", "NewsWatch:Subscriptions"],
            sections);
    }

    [Fact]
    public void CodeSettings_RequiredOnes_AreTheTriggerExpressionsTheIdentityConnectionMailAndLinkKey()
    {
        var required = Code.Where(s => s.Required).Select(s => s.Key).Order(StringComparer.Ordinal);

        Assert.Equal(
            [
                "AzureWebJobsStorage:BlobServiceUri", "AzureWebJobsStorage:ClientId", "AzureWebJobsStorage:Credential",
                "AzureWebJobsStorage:QueueServiceUri", "AzureWebJobsStorage:TableServiceUri",
                "NewsWatch:Alerts:DigestSchedule", "NewsWatch:Email:From", "NewsWatch:Feeds:PollSchedule", "NewsWatch:Feeds:PurgeSchedule", "NewsWatch:SendGrid:ApiKey",
                "NewsWatch:Subscriptions:PublicBaseUrl", "NewsWatch:Subscriptions:TokenSigningKey",
            ],
            required);
    }

    [Theory]
    [InlineData("AzureWebJobsStorage")]
    [InlineData("NewsWatch:Feeds:FetchTimeout")]
    [InlineData("NewsWatch:Language:Endpoint")]
    [InlineData("NewsWatch:Language:Key")]
    [InlineData("NewsWatch:Email:FromName")]
    [InlineData("NewsWatch:Classification:RelevanceThreshold")]
    [InlineData("NewsWatch:Alerts:DeliveryClaimLease")]
    [InlineData("NewsWatch:Subscriptions:ConfirmationLifetime")]
    [InlineData("NewsWatch:SendGrid:WebhookVerificationKey")]
    public void CodeSettings_OptionalOnes_AreReadButNotRequired(string key)
    {
        var setting = Assert.Single(Code, s => s.Key == key);

        Assert.False(setting.Required, setting.Source);
    }

    [Fact]
    public void TriggerExpressions_HostMetadataAndSource_Agree()
    {
        Assert.Equal(["NewsWatch:Alerts:DigestSchedule", "NewsWatch:Feeds:PollSchedule", "NewsWatch:Feeds:PurgeSchedule"], ConfigurationContract.TriggerExpressions());
        Assert.Equal(ConfigurationContract.TriggerExpressions(), ConfigurationContract.TriggerExpressionsInSource());
    }

    [Fact]
    public void TriggerConnections_AllUseAzureWebJobsStorage()
    {
        // A trigger on another connection would need its own identity settings in the template and in this contract.
        Assert.Equal([StorageOptions.Section], ConfigurationContract.TriggerConnections());
    }

    [Fact]
    public void RequiredInAzure_SendGridKey_TheAppRefusesToStartInAzureWithoutIt()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([new("WEBSITE_SITE_NAME", "func-newswatch")]);

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddNewsWatch());

        Assert.Contains("NewsWatch__SendGrid__ApiKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequiredInAzure_SendGridKeyStillAKeyVaultReference_TheAppRefusesToStart()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([new("NewsWatch:SendGrid:ApiKey", "@Microsoft.KeyVault(SecretUri=https://kv-newswatch.vault.azure.net/secrets/sendgrid-api-key/)")]);

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddNewsWatch());

        Assert.Contains("Key Vault reference that did not resolve", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequiredInAzure_TokenSigningKey_TheAppRefusesToStartInAzureWithoutIt()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([new("WEBSITE_SITE_NAME", "func-newswatch"), new("NewsWatch:SendGrid:ApiKey", "SG.test")]);

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddNewsWatch());

        Assert.Contains("NewsWatch__Subscriptions__TokenSigningKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequiredInAzure_PublicBaseUrl_TheAppRefusesToStartInAzureWithoutIt()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(
            [new("WEBSITE_SITE_NAME", "func-newswatch"), new("NewsWatch:SendGrid:ApiKey", "SG.test"), new("NewsWatch:Subscriptions:TokenSigningKey", new string('k', 32))]);

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddNewsWatch());

        Assert.Contains("NewsWatch__Subscriptions__PublicBaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequiredInAzure_TokenSigningKeyStillAKeyVaultReference_TheAppRefusesToStart()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([new("NewsWatch:Subscriptions:TokenSigningKey", "@Microsoft.KeyVault(SecretUri=https://kv-newswatch.vault.azure.net/secrets/token-signing-key/)")]);

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddNewsWatch());

        Assert.Contains("NewsWatch__Subscriptions__TokenSigningKey is a Key Vault reference that did not resolve", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequiredInAzure_SenderAddress_DefaultIsAPlaceholder() =>
        Assert.EndsWith(".example", new EmailOptions().From, StringComparison.Ordinal);

    [Fact]
    public void RequiredInAzure_EveryEntry_IsReadByTheCode()
    {
        foreach (var key in ConfigurationContract.RequiredInAzure.Keys)
        {
            Assert.Contains(Code, s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase) && s.Required);
        }
    }

    [Fact]
    public void Pending_Settings_AreNotReadYet()
    {
        // When the code starts reading one, take it off ConfigurationContract.Pending: from then on it is an ordinary setting.
        foreach (var key in ConfigurationContract.Pending.Keys)
        {
            Assert.DoesNotContain(Code, s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Contract_PlatformAndPendingSettings_AreAllSetByTheTemplate()
    {
        // The allowances are not a loophole: each names a setting the template really sets.
        var settings = ArmTemplate.AppSettings(await BicepCli.CompiledMainAsync()).Select(s => ConfigurationContract.Key(s.Name)).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.All(ConfigurationContract.Platform.Keys.Concat(ConfigurationContract.Pending.Keys), key => Assert.Contains(key, settings));
    }
}
