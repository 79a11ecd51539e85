namespace NewsWatch.Classification.Evaluation;

/// <summary>Items whose score fell in [From, To): how many, their mean score, and the share labelled relevant (a calibrated score matches it).</summary>
public sealed record CalibrationBin(double From, double To, int Items, int Relevant, double MeanScore)
{
    public double ObservedRate => Items == 0 ? 0 : (double)Relevant / Items;
}
