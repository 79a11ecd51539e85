using NewsWatch.Cli.Runner;

namespace NewsWatch.UnitTests.Runner;

public sealed class QueueHostSettingsTests
{
    [Fact]
    public void Parse_RepositoryHostJson_TheSettingsTheRunnerUses()
    {
        var settings = QueueHostSettings.Load(Path.Combine(AppContext.BaseDirectory, "host.json"));

        Assert.Equal(new QueueHostSettings(16, 5, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2)), settings);
    }

    [Fact]
    public void Parse_NoQueuesSection_FunctionsHostDefaults()
    {
        Assert.Equal(QueueHostSettings.Defaults, QueueHostSettings.Parse("""{ "version": "2.0" }"""));
    }

    [Fact]
    public void Parse_PartialSectionAnyCase_DefaultsForTheRest()
    {
        var settings = QueueHostSettings.Parse("""
            { "version": "2.0", // comments are allowed in host.json
              "extensions": { "queues": { "BatchSize": 4, "maxDequeueCount": 2, } } }
            """);

        Assert.Equal(new QueueHostSettings(4, 2, TimeSpan.Zero, TimeSpan.FromMinutes(1)), settings);
    }
}
