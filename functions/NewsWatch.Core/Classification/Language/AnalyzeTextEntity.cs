namespace NewsWatch.Classification.Language;

/// <summary>Entity: subcategory is the only optional member.</summary>
internal sealed record AnalyzeTextEntity(string Text, string Category, int Offset, int Length, double ConfidenceScore, string? Subcategory = null);
