namespace NewsWatch.Conformance;

/// <summary>Counts for one suite × format row of the report.</summary>
internal sealed class SuiteTally
{
    public int Files { get; set; }

    public int WithItems { get; set; }

    public int Empty { get; set; }

    public int ParseErrors { get; set; }

    public int Crashes { get; set; }

    public int Met { get; set; }

    public int NotMet { get; set; }

    public int LeftOut { get; set; }

    public double Share => Met + NotMet == 0 ? double.NaN : (double)Met / (Met + NotMet);
}
