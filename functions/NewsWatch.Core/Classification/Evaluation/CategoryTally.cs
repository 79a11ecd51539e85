namespace NewsWatch.Classification.Evaluation;

/// <summary>Per labelled category: how many items, how many the classifier decided as the label says.</summary>
public sealed record CategoryTally(string Category, bool Relevant, int Items, int Right)
{
    public double Accuracy => Items == 0 ? 0 : (double)Right / Items;
}
