using System.ComponentModel.DataAnnotations;

namespace NewsWatch.Classification;

public sealed class ClassificationOptions
{
    public const string Section = "NewsWatch:Classification";

    /// <summary>Articles scoring at or above this are relevant and go on to subscribers.</summary>
    [Range(0.0, 1.0)]
    public double RelevanceThreshold { get; set; } = 0.5;
}
