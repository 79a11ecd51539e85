namespace NewsWatch.Classification;

/// <summary>
/// The characters (folded, see <see cref="MatchFolding"/>) a lexicon pattern can start with: the first
/// characters of its <see cref="RegexPrefixes"/>. False when it can start with anything or match empty text.
/// </summary>
internal static class RegexFirstChars
{
    public static bool TryGet(string pattern, out HashSet<char> chars)
    {
        var prefixes = RegexPrefixes.Of(pattern);
        chars = [.. prefixes.Where(p => p.Length > 0).Select(p => p[0])];
        return prefixes.All(p => p.Length > 0);
    }
}
