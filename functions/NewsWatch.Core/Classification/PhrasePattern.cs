namespace NewsWatch.Classification;

/// <param name="Body">A .NET regex for the phrase, without word boundaries (the matcher adds them).</param>
/// <param name="Item">What a match means; null for stop phrases that only exist to shadow other matches.</param>
internal sealed record PhrasePattern<T>(string Body, T? Item) where T : class;
