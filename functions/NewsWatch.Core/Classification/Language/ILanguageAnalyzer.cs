namespace NewsWatch.Classification.Language;

/// <summary>
/// Azure AI Language's analyze-text operations NewsWatch uses. The seam is here because this is HTTP:
/// <see cref="LanguageClient"/> is the real one, tests use hand-written fakes.
/// </summary>
public interface ILanguageAnalyzer
{
    /// <summary>Named entities (EntityRecognition), offsets in UTF-16 code units of each document's text.</summary>
    Task<LanguageResults<EntityRecognitionResult>> RecognizeEntitiesAsync(IReadOnlyList<LanguageDocument> documents, CancellationToken cancellationToken);

    /// <summary>Key phrases (KeyPhraseExtraction).</summary>
    Task<LanguageResults<KeyPhraseResult>> ExtractKeyPhrasesAsync(IReadOnlyList<LanguageDocument> documents, CancellationToken cancellationToken);
}
