using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace NewsWatch.Storage;

/// <summary>
/// Clients for the pipeline's queues and tables. Queue clients always use base64 message
/// encoding: it is what the Functions queue trigger expects, so every producer and consumer agree.
/// </summary>
public sealed class StorageAccount
{
    private readonly string _connectionString;
    private readonly QueueServiceClient _queues;
    private readonly TableServiceClient _tables;
    private readonly BlobServiceClient _blobs;

    public StorageAccount(IOptions<StorageOptions> options)
        : this(options.Value.ConnectionString)
    {
    }

    public StorageAccount(string connectionString)
    {
        _connectionString = connectionString;
        _queues = new QueueServiceClient(connectionString, CreateQueueOptions());
        _tables = new TableServiceClient(connectionString);
        _blobs = new BlobServiceClient(connectionString);
    }

    public static QueueClientOptions CreateQueueOptions() => new() { MessageEncoding = QueueMessageEncoding.Base64 };

    public QueueClient Queue(string name) => _queues.GetQueueClient(name);

    /// <summary>
    /// A client for a consumer that must deal with messages that are not base64 (a producer
    /// that got the encoding wrong): the SDK hands those to <paramref name="onUndecodable"/>
    /// instead of failing the whole receive.
    /// </summary>
    public QueueClient ConsumerQueue(string name, Func<QueueMessageDecodingFailedEventArgs, Task> onUndecodable)
    {
        var options = CreateQueueOptions();
        options.MessageDecodingFailed += args => onUndecodable(args);
        return new QueueClient(_connectionString, name, options);
    }

    public TableClient Table(string name) => _tables.GetTableClient(name);

    public BlobContainerClient Container(string name) => _blobs.GetBlobContainerClient(name);

    /// <summary>Creates what is missing; cheap when everything exists. Azure deployments get them from Bicep too.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var queue in StorageNames.Queues)
        {
            await Queue(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (var table in StorageNames.Tables)
        {
            await Table(table).CreateIfNotExistsAsync(cancellationToken);
        }

        await Container(StorageNames.ArticleBodiesContainer).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }
}
