namespace NewsWatch.Classification.Language;

/// <summary>A warning Language attached to one document, e.g. LongWordsInDocument.</summary>
public sealed record LanguageWarning(string Code, string Message);
