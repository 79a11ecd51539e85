namespace NewsWatch.Classification.Language;

/// <summary>EntitiesResult / KeyPhraseResult: the three members the specification marks required.</summary>
internal sealed record AnalyzeTextResults<TDocument>(IReadOnlyList<TDocument> Documents, IReadOnlyList<AnalyzeTextDocumentError> Errors, string ModelVersion);
