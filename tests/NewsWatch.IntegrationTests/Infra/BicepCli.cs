using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using NewsWatch.IntegrationTests.Infrastructure;

namespace NewsWatch.IntegrationTests.Infra;

/// <summary>The real bicep CLI from the Azure.Bicep.CommandLine package (its path comes from the build as assembly metadata).</summary>
internal static class BicepCli
{
    public static readonly string Path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BicepPath").Value!.Replace('\\', '/');

    public static string Infra(params string[] parts) => RepositoryPaths.Combine(["infra", .. parts]);

    public static readonly string MainBicep = Infra("main.bicep");

    /// <summary>The parameter files and the values of the environment variables they need (placeholders, not secrets).</summary>
    public static readonly IReadOnlyDictionary<string, string> ParameterFileEnvironment = new Dictionary<string, string>
    {
        ["NEWSWATCH_EMAIL_FROM"] = "alerts@newswatch.example",
        ["NEWSWATCH_ALERT_EMAIL"] = "ops@newswatch.example",
    };

    public static IEnumerable<string> ParameterFiles => Directory.GetFiles(Infra(), "*.bicepparam").Order(StringComparer.Ordinal);

    public static IEnumerable<string> BicepFiles => Directory.GetFiles(Infra(), "*.bicep", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    private static readonly Lazy<Task<JsonObject>> Compiled = new(async () =>
    {
        var (exitCode, output, error) = await RunAsync(["build", MainBicep, "--stdout"]);
        Assert.True(exitCode == 0, error);
        return JsonNode.Parse(output)!.AsObject();
    });

    /// <summary>infra/main.bicep compiled to ARM JSON, once per test run. Callers get their own copy to read or doctor.</summary>
    public static async Task<JsonObject> CompiledMainAsync() => (JsonObject)(await Compiled.Value).DeepClone();

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, IReadOnlyDictionary<string, string>? environment = null, bool inheritEnvironment = true)
    {
        var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (!inheritEnvironment)
        {
            // The parameter files read the environment: a test that needs a clean one gets only what bicep itself needs.
            foreach (var name in start.Environment.Keys.Where(k => k is not ("PATH" or "HOME" or "TMPDIR")).ToList())
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
