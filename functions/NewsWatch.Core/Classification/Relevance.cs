namespace NewsWatch.Classification;

/// <param name="Logit">The summed evidence before the logistic.</param>
/// <param name="Score">The logistic of the logit, in [0, 1].</param>
internal readonly record struct Relevance(double Logit, double Score);
