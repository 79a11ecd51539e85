namespace NewsWatch.Classification.Language;

/// <summary>The key phrases of one document, most salient first as Language returns them.</summary>
public sealed record KeyPhraseResult(string Id, IReadOnlyList<string> KeyPhrases, IReadOnlyList<LanguageWarning> Warnings);
