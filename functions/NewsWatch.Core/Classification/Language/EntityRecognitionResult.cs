namespace NewsWatch.Classification.Language;

/// <summary>The entities of one document, offsets into the text that was passed in.</summary>
public sealed record EntityRecognitionResult(string Id, IReadOnlyList<LanguageEntity> Entities, IReadOnlyList<LanguageWarning> Warnings);
