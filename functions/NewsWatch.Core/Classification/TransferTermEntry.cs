namespace NewsWatch.Classification;

/// <remarks>Fields, as in every lexicon entry: see <see cref="LexiconFile{TEntry}"/>.</remarks>
internal sealed class TransferTermEntry
{
    public required string Name;

    public string? Stage;

    /// <summary>"supply", "acquire" or null.</summary>
    public string? Direction;

    public required double Weight;

    public string? ImpliedSupplier;

    public required IReadOnlyList<string> Patterns;
}
