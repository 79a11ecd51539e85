namespace NewsWatch.Classification.Language;

/// <summary>EntitiesDocumentResult.</summary>
internal sealed record AnalyzeTextEntitiesDocument(string Id, IReadOnlyList<AnalyzeTextEntity> Entities, IReadOnlyList<AnalyzeTextWarning> Warnings);
