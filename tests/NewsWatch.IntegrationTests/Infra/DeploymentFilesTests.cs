using System.Text.RegularExpressions;
using NewsWatch.IntegrationTests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace NewsWatch.IntegrationTests.Infra;

/// <summary>
/// azure.yaml and the GitHub Actions workflow, parsed as YAML (they cannot run here): what azd deploys, and
/// that the workflow builds and tests everything, deploys only tags, signs in with OIDC and inlines no secret.
/// </summary>
public sealed partial class DeploymentFilesTests
{
    private static YamlMappingNode Load(params string[] path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(RepositoryPaths.Combine(path));
        stream.Load(reader);
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => ((YamlMappingNode)current).Children[new YamlScalarNode(key)]);

    private static string? Scalar(YamlNode node, params string[] path) => ((YamlScalarNode)At(node, path)).Value;

    private static bool Has(YamlNode node, string key) => node is YamlMappingNode map && map.Children.ContainsKey(new YamlScalarNode(key));

    private static YamlMappingNode Workflow() => Load(".github", "workflows", "deploy.yml");

    private static IEnumerable<YamlMappingNode> Steps(YamlNode job) => ((YamlSequenceNode)At(job, "steps")).Children.Cast<YamlMappingNode>();

    [Fact]
    public void AzureYaml_DeploysTheFunctionProjectAsAFunctionApp_FromInfraMain()
    {
        var azure = Load("azure.yaml");

        Assert.Equal("bicep", Scalar(azure, "infra", "provider"));
        Assert.Equal("infra", Scalar(azure, "infra", "path"));
        Assert.Equal("main", Scalar(azure, "infra", "module"));
        var service = At(azure, "services", "functions");
        Assert.Equal("functions/NewsWatch.Functions", Scalar(service, "project"));
        Assert.Equal("function", Scalar(service, "host"));
        Assert.Equal("dotnet", Scalar(service, "language"));
        Assert.True(File.Exists(RepositoryPaths.Combine("functions", "NewsWatch.Functions", "NewsWatch.Functions.csproj")));
        // azd finds the app by its azd-service-name tag, which the template sets to this service's name.
        Assert.Contains("serviceName: 'functions'", File.ReadAllText(BicepCli.MainBicep), StringComparison.Ordinal);
    }

    [Fact]
    public void Workflow_Triggers_PushPullRequestAndVersionTags()
    {
        var on = At(Workflow(), "on");

        Assert.True(Has(on, "pull_request"));
        Assert.Contains("v*", ((YamlSequenceNode)At(on, "push", "tags")).Children.Select(n => ((YamlScalarNode)n).Value));
    }

    [Fact]
    public void Workflow_BuildJob_RunsEveryTestWithWarningsAsErrors()
    {
        var build = At(Workflow(), "jobs", "build");

        var runs = Steps(build).Where(s => Has(s, "run")).Select(s => Scalar(s, "run")!).ToList();
        Assert.Contains(runs, r => r.Contains("bash scripts/test.sh", StringComparison.Ordinal));
        Assert.Contains(Steps(build), s => Has(s, "uses") && Scalar(s, "uses")!.StartsWith("actions/setup-dotnet@", StringComparison.Ordinal));
        Assert.Contains(Steps(build), s => Has(s, "uses") && Scalar(s, "uses")!.StartsWith("actions/setup-node@", StringComparison.Ordinal));
        Assert.False(Has(build, "if"), "the build job runs on every push and pull request");
    }

    [Fact]
    public void Workflow_DeployJob_OnlyForTagsAfterTheBuild_WithOidc()
    {
        var workflow = Workflow();
        var deploy = At(workflow, "jobs", "deploy");

        Assert.Equal("build", Scalar(deploy, "needs"));
        Assert.Contains("startsWith(github.ref, 'refs/tags/v')", Scalar(deploy, "if"), StringComparison.Ordinal);
        Assert.Equal("write", Scalar(deploy, "permissions", "id-token"));
        Assert.Equal("read", Scalar(workflow, "permissions", "contents"));
        Assert.False(Has(At(workflow, "permissions"), "id-token"), "only the deploy job may request an OIDC token");

        var login = Assert.Single(Steps(deploy), s => Has(s, "uses") && Scalar(s, "uses")!.StartsWith("azure/login@", StringComparison.Ordinal));
        var with = (YamlMappingNode)At(login, "with");
        Assert.Equal(["client-id", "subscription-id", "tenant-id"], with.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Order(StringComparer.Ordinal));
        Assert.All(with.Children.Values, v => Assert.Matches(@"^\$\{\{ (vars|secrets)\.AZURE_[A-Z_]+ \}\}$", ((YamlScalarNode)v).Value!));

        var run = string.Join("\n", Steps(deploy).Where(s => Has(s, "run")).Select(s => Scalar(s, "run")));
        Assert.Contains("azd provision --no-prompt", run, StringComparison.Ordinal);
        Assert.Contains("azd deploy functions --no-prompt", run, StringComparison.Ordinal);
    }

    [Fact]
    public void Workflow_NoSecretValueInlined()
    {
        var text = File.ReadAllText(RepositoryPaths.Combine(".github", "workflows", "deploy.yml"));

        // No password-style login, no publish profile, no literal ids or keys: every value that identifies the
        // subscription or opens it comes from ${{ vars.* }} or ${{ secrets.* }}.
        Assert.DoesNotContain("client-secret", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("creds:", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("publish-profile", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(GuidRegex(), text);
        Assert.DoesNotMatch(SecretLikeRegex(), text);

        foreach (var scalar in Scalars(Workflow()))
        {
            if (SensitiveNameRegex().IsMatch(scalar.Key))
            {
                Assert.Matches(@"^\$\{\{ (vars|secrets)\.[A-Z_]+ \}\}$", scalar.Value);
            }
        }
    }

    /// <summary>Every key and scalar value of a mapping, at any depth.</summary>
    private static IEnumerable<KeyValuePair<string, string>> Scalars(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.SelectMany(c => c.Value is YamlScalarNode value
            ? [KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, value.Value ?? "")]
            : Scalars(c.Value)),
        YamlSequenceNode list => list.Children.SelectMany(Scalars),
        _ => [],
    };

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidRegex();

    // SendGrid keys (SG.xxx.yyy), storage keys and connection strings, PEM blocks.
    [GeneratedRegex(@"SG\.[A-Za-z0-9_\-]{10,}|AccountKey=|SharedAccessSignature=|-----BEGIN")]
    private static partial Regex SecretLikeRegex();

    [GeneratedRegex("(?i)(client-id|tenant-id|subscription-id|SUBSCRIPTION_ID|CLIENT_ID|TENANT_ID|API_KEY|SIGNING_KEY|PASSWORD|SECRET)")]
    private static partial Regex SensitiveNameRegex();
}
