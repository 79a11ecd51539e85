namespace NewsWatch.Classification.Language;

/// <summary>A document Language could not analyse (the rest of the batch still has results).</summary>
public sealed record LanguageDocumentError(string Id, string Code, string Message);
