namespace NewsWatch.Classification.Language;

/// <summary>KeyPhrasesDocumentResult.</summary>
internal sealed record AnalyzeTextKeyPhrasesDocument(string Id, IReadOnlyList<string> KeyPhrases, IReadOnlyList<AnalyzeTextWarning> Warnings);
