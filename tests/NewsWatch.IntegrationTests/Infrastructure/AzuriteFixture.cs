using System.Diagnostics;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using NewsWatch.Storage;

namespace NewsWatch.IntegrationTests.Infrastructure;

/// <summary>
/// One Azurite for the whole test run, in memory, on ports the OS picks. Set
/// NEWSWATCH_TEST_STORAGE to a connection string to use an emulator that is already running.
/// </summary>
public sealed partial class AzuriteFixture : IAsyncLifetime
{
    // Azurite's published development account; not a secret.
    private const string DevAccount = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? _azurite;

    public string ConnectionString { get; private set; } = "";

    public StorageAccount Storage { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = Environment.GetEnvironmentVariable("NEWSWATCH_TEST_STORAGE") ?? await StartAzuriteAsync();
        Storage = new StorageAccount(ConnectionString);
        await Storage.EnsureCreatedAsync(CancellationToken.None);
    }

    /// <summary>Empties every queue and table, so each test starts from nothing.</summary>
    public async Task ResetAsync()
    {
        foreach (var queue in StorageNames.Queues)
        {
            await Storage.Queue(queue).ClearMessagesAsync();
        }

        foreach (var name in StorageNames.Tables)
        {
            var table = Storage.Table(name);
            await foreach (var entity in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey);
            }
        }
    }

    public Task DisposeAsync()
    {
        if (_azurite is { HasExited: false })
        {
            _azurite.Kill(entireProcessTree: true);
        }

        _azurite?.Dispose();
        return Task.CompletedTask;
    }

    private async Task<string> StartAzuriteAsync()
    {
        var azurite = RepositoryPaths.Combine("node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed at {azurite}: run `npm ci` in {RepositoryPaths.Root} (scripts/test.sh does).");
        }

        var start = new ProcessStartInfo(azurite)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in new[] { "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry", "--blobPort", "0", "--queuePort", "0", "--tablePort", "0" })
        {
            start.ArgumentList.Add(arg);
        }

        _azurite = Process.Start(start) ?? throw new InvalidOperationException("could not start Azurite");
        var ports = new Dictionary<string, string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (ports.Count < 3)
        {
            var line = await _azurite.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException("Azurite exited before listening: " + await _azurite.StandardError.ReadToEndAsync());
            if (Listening().Match(line) is { Success: true } match)
            {
                ports[match.Groups["service"].Value] = match.Groups["port"].Value;
            }
        }

        // Keep draining its output so Azurite never blocks on a full pipe.
        _ = _azurite.StandardOutput.ReadToEndAsync();
        _ = _azurite.StandardError.ReadToEndAsync();
        return DevAccount
            + $";BlobEndpoint=http://127.0.0.1:{ports["Blob"]}/devstoreaccount1"
            + $";QueueEndpoint=http://127.0.0.1:{ports["Queue"]}/devstoreaccount1"
            + $";TableEndpoint=http://127.0.0.1:{ports["Table"]}/devstoreaccount1;";
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://[^:]+:(?<port>\d+)")]
    private static partial Regex Listening();
}
