namespace NewsWatch.IntegrationTests.Infrastructure;

internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration these tests were built in, so processes run the same build.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Output(string project, string file) =>
        Combine("functions", project, "bin", Configuration, "net10.0", file);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsWatch.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"NewsWatch.sln not found above {AppContext.BaseDirectory}");
    }
}
