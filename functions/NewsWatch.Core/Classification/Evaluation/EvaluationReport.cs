namespace NewsWatch.Classification.Evaluation;

/// <summary>
/// The classifier measured against a labelled set: relevance (precision, recall, F1), the facts of the
/// relevant items it found (supplier, recipient, system, stage), per-category accuracy, calibration, and every miss.
/// </summary>
public sealed record EvaluationReport(
    int Items,
    int TruePositives,
    int FalsePositives,
    int FalseNegatives,
    int TrueNegatives,
    FactTally Supplier,
    FactTally Recipient,
    FactTally System,
    FactTally Stage,
    IReadOnlyList<CategoryTally> Categories,
    IReadOnlyList<CalibrationBin> Calibration,
    IReadOnlyList<EvaluationMiss> Misses,
    int Unreadable)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}
