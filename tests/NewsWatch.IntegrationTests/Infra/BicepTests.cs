using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using NewsWatch.IntegrationTests.Infrastructure;
using NewsWatch.Storage;

namespace NewsWatch.IntegrationTests.Infra;

/// <summary>infra/ compiled and linted by the real bicep CLI (from the Azure.Bicep.CommandLine package).</summary>
public sealed class BicepTests
{
    private static readonly string Bicep = typeof(BicepTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BicepPath").Value!.Replace('\\', '/');

    private static readonly string MainBicep = RepositoryPaths.Combine("infra", "main.bicep");

    [Fact]
    public async Task Build_MainBicep_CompilesWithoutDiagnostics()
    {
        var (exitCode, output, error) = await RunBicepAsync("build", MainBicep, "--stdout");

        Assert.True(exitCode == 0, error);
        Assert.Equal("", error.Trim());
        Assert.Equal("https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", (string?)JsonNode.Parse(output)!["$schema"]);
    }

    [Fact]
    public async Task Lint_MainBicep_NoWarnings()
    {
        var (exitCode, output, error) = await RunBicepAsync("lint", MainBicep);

        Assert.True(exitCode == 0, output + error);
        Assert.Equal("", (output + error).Trim());
    }

    [Fact]
    public async Task Build_MainBicep_SetsEverySettingTheAppNeedsInAzure()
    {
        var template = (await RunBicepAsync("build", MainBicep, "--stdout")).Output;

        // The timer's %...% expression has no default, and without a SendGrid key the app refuses to start in Azure.
        foreach (var setting in new[] { "AzureWebJobsStorage", "FUNCTIONS_WORKER_RUNTIME", "NewsWatch__Feeds__PollSchedule", "NewsWatch__Feeds__PurgeSchedule", "NewsWatch__SendGrid__ApiKey", "NewsWatch__Email__From" })
        {
            Assert.Contains($"\"{setting}\"", template);
        }
    }

    [Fact]
    public async Task Build_MainBicep_DeclaresEveryQueueAndTableTheCodeUses()
    {
        var template = (await RunBicepAsync("build", MainBicep, "--stdout")).Output;

        foreach (var name in StorageNames.Queues.Concat(StorageNames.Tables))
        {
            Assert.Contains($"\"{name}\"", template);
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunBicepAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Bicep) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
