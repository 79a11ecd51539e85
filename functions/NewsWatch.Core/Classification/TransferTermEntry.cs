namespace NewsWatch.Classification;

internal sealed class TransferTermEntry
{
    public required string Name { get; init; }

    public string? Stage { get; set; }

    /// <summary>"supply", "acquire" or null.</summary>
    public string? Direction { get; set; }

    public required double Weight { get; init; }

    public string? ImpliedSupplier { get; set; }

    public required IReadOnlyList<string> Patterns { get; init; }
}
