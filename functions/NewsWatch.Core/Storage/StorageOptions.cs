using System.ComponentModel.DataAnnotations;

namespace NewsWatch.Storage;

/// <summary>
/// The storage account. Bound from the top-level AzureWebJobsStorage setting rather than a
/// NewsWatch section because the Functions host reads the same setting for its triggers.
/// </summary>
public sealed class StorageOptions
{
    public const string ConnectionSetting = "AzureWebJobsStorage";

    [Required]
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";
}
