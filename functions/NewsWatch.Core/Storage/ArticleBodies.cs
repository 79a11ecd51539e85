using System.Text;
using Azure.Storage.Blobs;

namespace NewsWatch.Storage;

/// <summary>Article texts too large to travel in a queue message (the claim-check pattern).</summary>
public sealed class ArticleBodies(StorageAccount storage)
{
    private readonly BlobContainerClient _container = storage.Container(StorageNames.ArticleBodiesContainer);

    /// <returns>The blob's name, for the message to carry.</returns>
    public async Task<string> SaveAsync(string articleId, string text, CancellationToken cancellationToken)
    {
        var name = articleId + ".txt";
        await _container.GetBlobClient(name).UploadAsync(BinaryData.FromString(text), overwrite: true, cancellationToken);
        return name;
    }

    public async Task<string> LoadAsync(string name, CancellationToken cancellationToken)
    {
        var content = await _container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
        return Encoding.UTF8.GetString(content.Value.Content);
    }
}
