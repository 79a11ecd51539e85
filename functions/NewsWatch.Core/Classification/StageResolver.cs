namespace NewsWatch.Classification;

/// <summary>
/// Picks the deal stage: the furthest transfer stage in the best sentence, else in the whole article
/// (<see cref="DealStage.Rank"/>). An embargo change is reported beside a transfer stage ("lifts embargo,
/// negotiates sale" is stage negotiating, embargo lifted) and becomes the stage only when it is the whole news.
/// </summary>
internal static class StageResolver
{
    public static (string? Stage, string? Embargo) Resolve(ArticleScan scan)
    {
        var sentence = scan.BestSentence;
        var stage = sentence >= 0 ? FurthestStage(ArticleScan.In(scan.Transfers, scan.Article.Sentences[sentence])) : null;
        stage ??= FurthestStage(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(scan.Transfers));

        var embargoStage = sentence >= 0 ? EmbargoStage(ArticleScan.In(scan.Transfers, scan.Article.Sentences[sentence])) : null;
        embargoStage ??= EmbargoStage(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(scan.Transfers));
        var embargo = embargoStage switch
        {
            DealStage.EmbargoLifted => "lifted",
            DealStage.EmbargoImposed => "imposed",
            _ => null,
        };
        return (stage ?? embargoStage, embargo);
    }

    private static string? FurthestStage(ReadOnlySpan<Hit<TransferTerm>> hits)
    {
        string? furthest = null;
        foreach (var hit in hits)
        {
            if (hit.Item.Stage is { } stage && !DealStage.IsEmbargo(stage) &&
                (furthest is null || DealStage.Rank(stage) > DealStage.Rank(furthest)))
            {
                furthest = stage;
            }
        }

        return furthest;
    }

    // The first embargo change mentioned is the one the story leads with.
    private static string? EmbargoStage(ReadOnlySpan<Hit<TransferTerm>> hits)
    {
        foreach (var hit in hits)
        {
            if (DealStage.IsEmbargo(hit.Item.Stage))
            {
                return hit.Item.Stage;
            }
        }

        return null;
    }
}
