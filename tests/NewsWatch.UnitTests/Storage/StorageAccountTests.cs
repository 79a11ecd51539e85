using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NewsWatch.Storage;

namespace NewsWatch.UnitTests.Storage;

/// <summary>
/// Which account and credential the clients get, for the two forms of AzureWebJobsStorage (a connection string,
/// or the identity-based service URIs that infra/main.bicep sets). No network: creating clients and credentials
/// makes no call, so the tests read the clients' URIs and the credential's kind.
/// </summary>
public sealed class StorageAccountTests
{
    private const string ClientId = "00000000-1111-2222-3333-444444444444";

    private static StorageOptions IdentityForm(string? credential = StorageOptions.ManagedIdentity, string? clientId = ClientId) => new()
    {
        QueueServiceUri = "https://stnews.queue.core.windows.net",
        TableServiceUri = "https://stnews.table.core.windows.net/",
        BlobServiceUri = "https://stnews.blob.core.windows.net",
        Credential = credential,
        ClientId = clientId,
    };

    private static HostApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        return builder;
    }

    /// <summary>The app settings infra/main.bicep sets, as configuration keys (<c>__</c> becomes <c>:</c>).</summary>
    private static (string, string)[] IdentitySettings =>
    [
        ("AzureWebJobsStorage:credential", "managedidentity"),
        ("AzureWebJobsStorage:clientId", ClientId),
        ("AzureWebJobsStorage:queueServiceUri", "https://stnews.queue.core.windows.net"),
        ("AzureWebJobsStorage:tableServiceUri", "https://stnews.table.core.windows.net"),
        ("AzureWebJobsStorage:blobServiceUri", "https://stnews.blob.core.windows.net"),
    ];

    [Fact]
    public void Default_ConnectionStringForm_ClientsUseAzuriteAndNoTokenCredential()
    {
        var storage = new StorageAccount(new StorageOptions());

        Assert.Null(storage.Credential);
        Assert.Equal("http://127.0.0.1:10001/devstoreaccount1/articles", storage.Queue(StorageNames.ArticlesQueue).Uri.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:10002/devstoreaccount1/feeds", storage.Table(StorageNames.FeedsTable).Uri.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1/article-bodies", storage.Container(StorageNames.ArticleBodiesContainer).Uri.AbsoluteUri);
    }

    [Fact]
    public void IdentityForm_ClientsUseTheServiceUrisOfTheSettings()
    {
        var storage = new StorageAccount(IdentityForm());

        Assert.Equal("https://stnews.queue.core.windows.net/articles", storage.Queue(StorageNames.ArticlesQueue).Uri.AbsoluteUri);
        Assert.Equal("https://stnews.queue.core.windows.net/alerts-poison", storage.ConsumerQueue("alerts-poison", _ => Task.CompletedTask).Uri.AbsoluteUri);
        Assert.Equal("https://stnews.table.core.windows.net/feeds", storage.Table(StorageNames.FeedsTable).Uri.AbsoluteUri);
        Assert.Equal("https://stnews.blob.core.windows.net/article-bodies", storage.Container(StorageNames.ArticleBodiesContainer).Uri.AbsoluteUri);
    }

    [Fact]
    public void IdentityForm_CredentialManagedIdentity_SignsInAsTheUserAssignedIdentityOnly()
    {
        var options = IdentityForm();

        var storage = new StorageAccount(options);

        Assert.IsType<ManagedIdentityCredential>(storage.Credential);
        Assert.Contains(ClientId, StorageAccount.ManagedIdentityFor(options).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void IdentityForm_NoClientId_UsesTheSystemAssignedIdentity() =>
        Assert.Equal(ManagedIdentityId.SystemAssigned.ToString(), StorageAccount.ManagedIdentityFor(IdentityForm(clientId: null)).ToString());

    [Fact]
    public void IdentityForm_NoCredentialSetting_UsesTheDefaultChain()
    {
        // Locally: a developer's Azure CLI sign-in against a real account (the account allows no keys).
        var storage = new StorageAccount(IdentityForm(credential: null, clientId: null));

        Assert.IsType<DefaultAzureCredential>(storage.Credential);
    }

    [Fact]
    public void IdentityForm_GivenCredential_IsTheOneUsed()
    {
        var credential = new DefaultAzureCredential();

        Assert.Same(credential, new StorageAccount(IdentityForm(), credential).Credential);
    }

    [Fact]
    public void AddNewsWatch_IdentitySettings_StorageAndLanguageShareTheManagedIdentityCredential()
    {
        var builder = Builder(IdentitySettings);

        builder.AddNewsWatch();
        using var host = builder.Build();

        var storage = host.Services.GetRequiredService<StorageAccount>();
        Assert.Equal("https://stnews.queue.core.windows.net/feeds", storage.Queue(StorageNames.FeedsQueue).Uri.AbsoluteUri);
        Assert.Equal("https://stnews.table.core.windows.net/", storage.TableServiceUri.AbsoluteUri);
        Assert.Equal("https://stnews.blob.core.windows.net/", storage.BlobServiceUri.AbsoluteUri);
        Assert.IsType<ManagedIdentityCredential>(storage.Credential);
        Assert.Same(storage.Credential, host.Services.GetRequiredService<TokenCredential>());
        Assert.Contains(ClientId, StorageAccount.ManagedIdentityFor(host.Services.GetRequiredService<IOptions<StorageOptions>>().Value).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AddNewsWatch_ConnectionStringAndIdentitySettings_ConnectionStringWinsAsInTheFunctionsHost()
    {
        var builder = Builder([.. IdentitySettings, ("AzureWebJobsStorage", "UseDevelopmentStorage=true")]);

        builder.AddNewsWatch();
        using var host = builder.Build();

        var storage = host.Services.GetRequiredService<StorageAccount>();
        Assert.Null(storage.Credential);
        Assert.Equal("http://127.0.0.1:10001/devstoreaccount1", storage.QueueServiceUri.AbsoluteUri.TrimEnd('/'));
    }

    [Fact]
    public void AddNewsWatch_NoStorageSettings_Azurite()
    {
        var builder = Builder();

        builder.AddNewsWatch();
        using var host = builder.Build();

        Assert.Null(host.Services.GetRequiredService<StorageAccount>().Credential);
        Assert.Equal(10001, host.Services.GetRequiredService<StorageAccount>().QueueServiceUri.Port);
    }

    [Theory]
    [InlineData("AzureWebJobsStorage:tableServiceUri", "", "AzureWebJobsStorage__tableServiceUri is not set")]
    [InlineData("AzureWebJobsStorage:blobServiceUri", "http://stnews.blob.core.windows.net", "AzureWebJobsStorage__blobServiceUri must be an absolute https URL")]
    [InlineData("AzureWebJobsStorage:credential", "connectionstring", "AzureWebJobsStorage__credential must be 'managedidentity' or unset")]
    public void AddNewsWatch_BrokenIdentitySettings_FailValidationNamingTheSetting(string key, string value, string message)
    {
        var builder = Builder([.. IdentitySettings.Where(s => s.Item1 != key), (key, value)]);

        builder.AddNewsWatch();
        using var host = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<StorageOptions>>().Value);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
