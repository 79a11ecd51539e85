namespace NewsWatch.Classification.Evaluation;

/// <summary>How often one extracted fact was right, over the true positives whose label states it.</summary>
public sealed record FactTally(int Correct, int Judged)
{
    public double Accuracy => Judged == 0 ? 0 : (double)Correct / Judged;
}
