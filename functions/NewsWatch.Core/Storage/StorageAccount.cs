using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace NewsWatch.Storage;

/// <summary>
/// Clients for the pipeline's queues, tables and blobs, from a connection string (Azurite, local runs) or from
/// the service URIs and a managed identity (Azure, where the account allows no shared keys): see
/// <see cref="StorageOptions"/>. Queue clients always use base64 message encoding: it is what the Functions
/// queue trigger expects, so every producer and consumer agree.
/// </summary>
public sealed class StorageAccount
{
    private readonly string? _connectionString;
    private readonly QueueServiceClient _queues;
    private readonly TableServiceClient _tables;
    private readonly BlobServiceClient _blobs;

    public StorageAccount(IOptions<StorageOptions> options)
        : this(options.Value)
    {
    }

    public StorageAccount(string connectionString)
    {
        _connectionString = connectionString;
        _queues = new QueueServiceClient(connectionString, CreateQueueOptions());
        _tables = new TableServiceClient(connectionString);
        _blobs = new BlobServiceClient(connectionString);
    }

    /// <param name="credential">For the identity form; without one, <see cref="CreateCredential"/> picks it from the options.</param>
    public StorageAccount(StorageOptions options, TokenCredential? credential = null)
        : this(options.UsesIdentity ? null : options.ConnectionString, options, credential)
    {
    }

    private StorageAccount(string? connectionString, StorageOptions options, TokenCredential? credential)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (connectionString is not null)
        {
            _connectionString = connectionString;
            _queues = new QueueServiceClient(connectionString, CreateQueueOptions());
            _tables = new TableServiceClient(connectionString);
            _blobs = new BlobServiceClient(connectionString);
            return;
        }

        Credential = credential ?? CreateCredential(options);
        _queues = new QueueServiceClient(ServiceUri(options.QueueServiceUri, "queueServiceUri"), Credential, CreateQueueOptions());
        _tables = new TableServiceClient(ServiceUri(options.TableServiceUri, "tableServiceUri"), Credential);
        _blobs = new BlobServiceClient(ServiceUri(options.BlobServiceUri, "blobServiceUri"), Credential);
    }

    /// <summary>The credential of the identity form; null with a connection string.</summary>
    public TokenCredential? Credential { get; }

    public Uri QueueServiceUri => _queues.Uri;

    public Uri TableServiceUri => _tables.Uri;

    public Uri BlobServiceUri => _blobs.Uri;

    /// <summary>
    /// The credential the Functions host would use for the same settings: <c>credential=managedidentity</c> is the
    /// managed identity alone (the user-assigned one named by <c>clientId</c>, else the system-assigned one);
    /// otherwise the usual chain, preferring that user-assigned identity when a client id is set.
    /// Creating one makes no network call.
    /// </summary>
    public static TokenCredential CreateCredential(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.Equals(options.Credential?.Trim(), StorageOptions.ManagedIdentity, StringComparison.OrdinalIgnoreCase))
        {
            return new ManagedIdentityCredential(ManagedIdentityFor(options));
        }

        var chain = new DefaultAzureCredentialOptions();
        if (!string.IsNullOrWhiteSpace(options.ClientId))
        {
            chain.ManagedIdentityClientId = options.ClientId.Trim();
        }

        return new DefaultAzureCredential(chain);
    }

    /// <summary>The managed identity the options name: the user-assigned one with <c>clientId</c>, else the system-assigned one.</summary>
    internal static ManagedIdentityId ManagedIdentityFor(StorageOptions options) =>
        string.IsNullOrWhiteSpace(options.ClientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(options.ClientId.Trim());

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
        return _connectionString is not null
            ? new QueueClient(_connectionString, name, options)
            : new QueueClient(_queues.GetQueueClient(name).Uri, Credential!, options);
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

    private static Uri ServiceUri(string? value, string setting) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? uri
            : throw new InvalidOperationException($"{StorageOptions.SettingName(setting)} must be an absolute https URL (got '{value}').");
}
