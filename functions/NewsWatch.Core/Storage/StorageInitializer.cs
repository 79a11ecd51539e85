using Microsoft.Extensions.Hosting;

namespace NewsWatch.Storage;

/// <summary>Makes sure queues and tables exist before any trigger or command touches them.</summary>
public sealed class StorageInitializer(StorageAccount storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => storage.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
