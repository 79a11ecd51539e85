namespace NewsWatch.Classification.Language;

/// <param name="Id">Unique within one call; results come back under it.</param>
/// <param name="Text">Any length: the client splits a text longer than the service accepts.</param>
/// <param name="Language">ISO 639-1 code ("en"); null lets the service assume its default.</param>
public sealed record LanguageDocument(string Id, string Text, string? Language = null);
