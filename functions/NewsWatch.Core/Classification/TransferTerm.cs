namespace NewsWatch.Classification;

/// <param name="Name">The lexicon entry's name, for diagnostics.</param>
/// <param name="Stage">A <see cref="DealStage"/> name, or null for terms that only say "a transfer is discussed".</param>
/// <param name="Direction">Which side the subject of the term is on.</param>
/// <param name="Weight">Contribution to the relevance logit (data, tuned with the lexicon).</param>
/// <param name="ImpliedSupplier">A supplier the term implies by itself ("Foreign Military Sale": United States).</param>
internal sealed record TransferTerm(string Name, string? Stage, TransferDirection Direction, double Weight, string? ImpliedSupplier)
{
    /// <summary>
    /// True for embargo changes and for the stage-less embargo nouns ("arms embargo"): after these, "on X" names
    /// the embargoed party, the recipient side.
    /// </summary>
    public bool IsEmbargo => DealStage.IsEmbargo(Stage) || Name.Contains("embargo", StringComparison.Ordinal);
}
