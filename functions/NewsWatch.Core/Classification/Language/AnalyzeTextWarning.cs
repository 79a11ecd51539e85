namespace NewsWatch.Classification.Language;

/// <summary>DocumentWarning (targetRef is not read).</summary>
internal sealed record AnalyzeTextWarning(string Code, string Message);
