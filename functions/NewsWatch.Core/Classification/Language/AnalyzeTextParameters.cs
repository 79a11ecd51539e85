namespace NewsWatch.Classification.Language;

/// <param name="ModelVersion">"latest".</param>
/// <param name="StringIndexType">"Utf16CodeUnit" for tasks that return offsets; null (not sent) for key phrases, whose parameters have no such field.</param>
internal sealed record AnalyzeTextParameters(string ModelVersion, string? StringIndexType);
