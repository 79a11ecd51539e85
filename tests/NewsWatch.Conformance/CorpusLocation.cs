namespace NewsWatch.Conformance;

/// <summary>
/// Finds ../shared/data/feeds beside the repository (or NEWSWATCH_FEED_CORPUS). The corpus is not
/// part of the repository; this suite is only run where it exists, and fails loudly if asked to
/// run without it rather than passing with nothing checked.
/// </summary>
internal static class CorpusLocation
{
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsWatch.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (no NewsWatch.sln above " + AppContext.BaseDirectory + ")");
    }

    public static string Feeds()
    {
        var configured = Environment.GetEnvironmentVariable("NEWSWATCH_FEED_CORPUS");
        var path = string.IsNullOrEmpty(configured) ? Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "data", "feeds")) : configured;
        if (!File.Exists(Path.Combine(path, "MANIFEST.csv")))
        {
            Assert.Fail($"The feed conformance corpus is missing: expected {path}/MANIFEST.csv (set NEWSWATCH_FEED_CORPUS to its folder). Run this suite only where ../shared/data/feeds exists.");
        }

        return path;
    }
}
