namespace NewsWatch.Classification.Language;

/// <summary>MultiLanguageAnalysisInput.</summary>
internal sealed record AnalyzeTextInput(IReadOnlyList<AnalyzeTextDocument> Documents);
