namespace NewsWatch.Classification.Language;

/// <summary>DocumentError: a document the service could not analyse.</summary>
internal sealed record AnalyzeTextDocumentError(string Id, AnalyzeTextError Error);
