using System.Text.Json.Nodes;

namespace NewsWatch.IntegrationTests.Infra;

/// <summary>infra/ compiled and linted by the real bicep CLI (from the Azure.Bicep.CommandLine package).</summary>
public sealed class BicepTests
{
    public static TheoryData<string> BicepFiles() => [.. BicepCli.BicepFiles.Select(f => Path.GetRelativePath(BicepCli.Infra(), f))];

    public static TheoryData<string> ParameterFiles() => [.. BicepCli.ParameterFiles.Select(f => Path.GetFileName(f))];

    [Fact]
    public async Task Build_MainBicep_CompilesWithoutDiagnostics()
    {
        var (exitCode, output, error) = await BicepCli.RunAsync(["build", BicepCli.MainBicep, "--stdout"]);

        Assert.True(exitCode == 0, error);
        Assert.Equal("", error.Trim());
        Assert.Equal("https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", (string?)JsonNode.Parse(output)!["$schema"]);
    }

    [Fact]
    public async Task Lint_MainBicep_NoWarnings()
    {
        var (exitCode, output, error) = await BicepCli.RunAsync(["lint", BicepCli.MainBicep]);

        Assert.True(exitCode == 0, output + error);
        Assert.Equal("", (output + error).Trim());
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Lint_EveryBicepFile_NoDiagnostics(string file)
    {
        var (exitCode, output, error) = await BicepCli.RunAsync(["lint", BicepCli.Infra(file)]);

        Assert.True(exitCode == 0, output + error);
        Assert.Equal("", (output + error).Trim());
    }

    [Fact]
    public void Infra_HasTheModulesTheIssueNames()
    {
        Assert.Equal(
            ["functionapp.bicep", "identity.bicep", "keyvault.bicep", "language.bicep", "main.bicep", "monitoring.bicep", "storage.bicep"],
            BicepCli.BicepFiles.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["main.bicepparam", "main.dev.bicepparam", "main.prod.bicepparam"], BicepCli.ParameterFiles.Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public async Task BuildParams_EveryParameterFile_CompilesAgainstMainBicep(string file)
    {
        var (exitCode, output, error) = await BicepCli.RunAsync(["build-params", BicepCli.Infra(file), "--stdout"], BicepCli.ParameterFileEnvironment, inheritEnvironment: false);

        Assert.True(exitCode == 0, error);
        Assert.Equal("", error.Trim());
        var parameters = JsonNode.Parse((string)JsonNode.Parse(output)!["parametersJson"]!)!["parameters"]!;
        Assert.Equal("alerts@newswatch.example", (string?)parameters["emailFrom"]!["value"]);
        Assert.False(string.IsNullOrEmpty((string?)parameters["environmentName"]!["value"]));
        // No secret is written into a parameter file: the keys come from the environment or are stored in Key Vault.
        Assert.Equal("", (string?)parameters["sendGridApiKey"]!["value"]);
        Assert.Equal("", (string?)parameters["tokenSigningKey"]!["value"]);
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public async Task Lint_EveryParameterFile_NoDiagnostics(string file)
    {
        var (exitCode, output, error) = await BicepCli.RunAsync(["lint", BicepCli.Infra(file)], BicepCli.ParameterFileEnvironment, inheritEnvironment: false);

        Assert.True(exitCode == 0, output + error);
        Assert.Equal("", (output + error).Trim());
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public async Task BuildParams_WithoutASenderAddress_FailsNamingTheVariable(string file)
    {
        // A placeholder sender would deploy fine and then have every email refused: the sender must be given.
        var (exitCode, _, error) = await BicepCli.RunAsync(["build-params", BicepCli.Infra(file), "--stdout"], new Dictionary<string, string> { ["NEWSWATCH_ALERT_EMAIL"] = "ops@newswatch.example" }, inheritEnvironment: false);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("NEWSWATCH_EMAIL_FROM", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildParams_Prod_RequiresAnAlertAddressAndHardensTheVault()
    {
        var (exitCode, _, error) = await BicepCli.RunAsync(["build-params", BicepCli.Infra("main.prod.bicepparam"), "--stdout"], new Dictionary<string, string> { ["NEWSWATCH_EMAIL_FROM"] = "alerts@newswatch.example" }, inheritEnvironment: false);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("NEWSWATCH_ALERT_EMAIL", error, StringComparison.Ordinal);

        var output = (await BicepCli.RunAsync(["build-params", BicepCli.Infra("main.prod.bicepparam"), "--stdout"], BicepCli.ParameterFileEnvironment, inheritEnvironment: false)).Output;
        var parameters = JsonNode.Parse((string)JsonNode.Parse(output)!["parametersJson"]!)!["parameters"]!;
        Assert.True((bool)parameters["keyVaultPurgeProtection"]!["value"]!);
        Assert.True((bool)parameters["enableLanguage"]!["value"]!);
    }

    [Fact]
    public void BicepConfig_RulesThatMatter_AreErrors()
    {
        var rules = JsonNode.Parse(File.ReadAllText(BicepCli.Infra("bicepconfig.json")))!["analyzers"]!["core"]!["rules"]!.AsObject();

        foreach (var rule in new[]
        {
            "no-hardcoded-env-urls", "no-hardcoded-location", "outputs-should-not-contain-secrets", "secure-parameter-default",
            "secure-params-in-nested-deploy", "secure-secrets-in-params", "use-secure-value-for-secure-inputs", "protect-commandtoexecute-secrets",
            "no-unused-params", "no-unused-vars", "use-stable-resource-identifiers", "explicit-values-for-loc-params",
        })
        {
            Assert.Equal("error", (string?)rules[rule]?["level"]);
        }
    }

    [Fact]
    public async Task BicepConfig_IsApplied_AHardcodedCloudUrlFailsLint()
    {
        // The same configuration next to a file that breaks a rule: lint must fail with an error, not a warning.
        var directory = Directory.CreateTempSubdirectory("newswatch-bicep-");
        try
        {
            File.Copy(BicepCli.Infra("bicepconfig.json"), Path.Combine(directory.FullName, "bicepconfig.json"));
            var file = Path.Combine(directory.FullName, "bad.bicep");
            await File.WriteAllTextAsync(file, "output portal string = 'https://management.azure.com/'\n");

            var (exitCode, output, error) = await BicepCli.RunAsync(["lint", file]);

            Assert.NotEqual(0, exitCode);
            Assert.Contains("Error no-hardcoded-env-urls", output + error, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
