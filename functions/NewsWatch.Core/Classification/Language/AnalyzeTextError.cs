namespace NewsWatch.Classification.Language;

/// <summary>Error (target, details and innererror are not read).</summary>
internal sealed record AnalyzeTextError(string Code, string Message);
