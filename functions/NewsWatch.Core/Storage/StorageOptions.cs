using System.ComponentModel.DataAnnotations;

namespace NewsWatch.Storage;

/// <summary>
/// The storage account, read from the setting the Functions host reads for its triggers
/// (<c>AzureWebJobsStorage</c>), in either of the host's two forms:
/// <list type="bullet">
/// <item>a connection string: the value of <c>AzureWebJobsStorage</c> itself (Azurite locally, the default);</item>
/// <item>an identity-based connection: <c>AzureWebJobsStorage__queueServiceUri</c>, <c>__tableServiceUri</c> and
/// <c>__blobServiceUri</c>, with <c>__credential=managedidentity</c> and <c>__clientId</c> for a user-assigned
/// identity (what infra/main.bicep sets: the account allows no shared keys).</item>
/// </list>
/// As in the host, a connection string wins when both are set, so the app and its triggers always use one account.
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    /// <summary>The configuration section: its own value is the connection string, its children the identity form.</summary>
    public const string Section = "AzureWebJobsStorage";

    public const string ConnectionSetting = Section;

    /// <summary>The only <see cref="Credential"/> value the Functions host knows.</summary>
    public const string ManagedIdentity = "managedidentity";

    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary>The value of <c>AzureWebJobsStorage</c> (not a child key); ignored when the identity form is used.</summary>
    [Required]
    public string ConnectionString { get; set; } = DevelopmentStorage;

    /// <summary><c>AzureWebJobsStorage__queueServiceUri</c>, e.g. https://account.queue.core.windows.net.</summary>
    public string? QueueServiceUri { get; set; }

    /// <summary><c>AzureWebJobsStorage__tableServiceUri</c>, e.g. https://account.table.core.windows.net.</summary>
    public string? TableServiceUri { get; set; }

    /// <summary><c>AzureWebJobsStorage__blobServiceUri</c>, e.g. https://account.blob.core.windows.net.</summary>
    public string? BlobServiceUri { get; set; }

    /// <summary>
    /// <c>AzureWebJobsStorage__credential</c>: <c>managedidentity</c> signs in with the app's managed identity only;
    /// unset, the usual chain (<c>DefaultAzureCredential</c>: managed identity in Azure, a developer's Azure CLI sign-in locally).
    /// </summary>
    public string? Credential { get; set; }

    /// <summary><c>AzureWebJobsStorage__clientId</c>: the client id of the user-assigned identity to sign in as.</summary>
    public string? ClientId { get; set; }

    /// <summary>True when the identity form is configured (any service URI set).</summary>
    public bool UsesIdentity =>
        !string.IsNullOrWhiteSpace(QueueServiceUri) || !string.IsNullOrWhiteSpace(TableServiceUri) || !string.IsNullOrWhiteSpace(BlobServiceUri);

    /// <summary>The environment-variable name of a child setting, as an operator sets it (<c>AzureWebJobsStorage__queueServiceUri</c>).</summary>
    public static string SettingName(string child) => $"{Section}__{child}";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!UsesIdentity)
        {
            yield break;
        }

        // The pipeline uses all three services: a partial identity form would fail at the first table or blob call.
        foreach (var (name, value) in new[] { ("queueServiceUri", QueueServiceUri), ("tableServiceUri", TableServiceUri), ("blobServiceUri", BlobServiceUri) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return new ValidationResult($"{SettingName(name)} is not set: the identity-based storage connection needs the queue, table and blob service URIs.", [name]);
            }
            else if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            {
                yield return new ValidationResult($"{SettingName(name)} must be an absolute https URL (got '{value}'): bearer tokens are never sent in clear.", [name]);
            }
        }

        if (!string.IsNullOrWhiteSpace(Credential) && !string.Equals(Credential, ManagedIdentity, StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult($"{SettingName("credential")} must be '{ManagedIdentity}' or unset (got '{Credential}').", [nameof(Credential)]);
        }
    }
}
