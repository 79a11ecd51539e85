namespace NewsWatch.Classification.Language;

/// <summary>MultiLanguageInput: one document of a request.</summary>
internal sealed record AnalyzeTextDocument(string Id, string Text, string? Language);
