namespace NewsWatch.Classification.Language;

/// <summary>What one analysis returned: a result per document that succeeded, in input order, and an error per document that did not.</summary>
/// <param name="ModelVersion">The model that answered (of the first request, when the documents took several).</param>
public sealed record LanguageResults<T>(IReadOnlyList<T> Documents, IReadOnlyList<LanguageDocumentError> Errors, string ModelVersion);
