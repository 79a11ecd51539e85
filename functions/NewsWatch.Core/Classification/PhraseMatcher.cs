using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace NewsWatch.Classification;

/// <summary>
/// Finds the phrases of one lexicon in a text. Patterns are grouped by the character they can start with, and
/// each group is compiled into one anchored alternation, so a word is only tried against the patterns that
/// could match it: hundreds of patterns cost about as much as a few. Longer patterns come first in every
/// alternation so that "negotiating the sale" or "Guinea-Bissau" win over their prefixes at the same position.
/// </summary>
/// <remarks>
/// A regex match does not say which alternative matched without materialising every group of a
/// several-hundred-group pattern, so the matched text is mapped back to its entry instead: the first entry
/// (in alternation order) that matches at that position is the one the alternation chose. That lookup is
/// cached by the matched text whenever the answer cannot depend on the surrounding text (no lookarounds in
/// the entries consulted), so the steady state is one dictionary probe per match, with no allocation.
/// </remarks>
internal sealed class PhraseMatcher<T> where T : class
{
    private const RegexOptions Options =
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // Bounds the cache against a stream of distinct surface forms; past it, lookups are just recomputed.
    private const int MaxCachedForms = 20_000;

    // Patterns are ours and bounded, but article text is not: a runaway match must fail, not hang a worker.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    private readonly Alternative[] _alternatives;
    private readonly FrozenDictionary<char, Bucket> _buckets;
    private readonly Bucket? _anywhere;
    private readonly ConcurrentDictionary<string, int> _identified = new(StringComparer.Ordinal);
    private readonly bool _skipAfterHyphen;

    /// <param name="patterns">The lexicon's patterns and what each means.</param>
    /// <param name="skipAfterHyphen">Ignore words glued to a preceding hyphen ("US-supplied").</param>
    public PhraseMatcher(IEnumerable<PhrasePattern<T>> patterns, bool skipAfterHyphen = false)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        _skipAfterHyphen = skipAfterHyphen;
        _alternatives = patterns
            .OrderByDescending(p => p.Body.Length)
            .Select(p => new Alternative(
                p.Body,
                new Regex(@"\G" + Bounded(p.Body), Options, MatchTimeout),
                IsContextFree(p.Body),
                RegexFirstChars.TryGet(p.Body, out var first) ? first : null,
                p.Item))
            .ToArray();
        if (_alternatives.Length == 0)
        {
            throw new ArgumentException("A matcher needs at least one pattern.", nameof(patterns));
        }

        // Patterns whose first character could not be worked out join every bucket, in their global order.
        var keys = _alternatives.Where(a => a.FirstChars is not null).SelectMany(a => a.FirstChars!).Distinct();
        _buckets = keys.ToFrozenDictionary(k => k, k => CreateBucket(a => a.FirstChars is null || a.FirstChars.Contains(k)));
        _anywhere = _alternatives.Any(a => a.FirstChars is null) ? CreateBucket(a => a.FirstChars is null) : null;
    }

    public int Count => _alternatives.Length;

    /// <summary>Appends every match in <paramref name="text"/>, left to right and without overlaps, to <paramref name="hits"/>.</summary>
    public void FindAll(string text, List<Hit<T>> hits)
    {
        var cache = _identified.GetAlternateLookup<ReadOnlySpan<char>>();
        var position = 0;
        while (position < text.Length)
        {
            var bucket = CandidatesAt(text, position);
            if (bucket is null)
            {
                position++;
                continue;
            }

            var length = MatchLengthAt(bucket.Regex, text, position);
            if (length < 0)
            {
                position++;
                continue;
            }

            var form = text.AsSpan(position, length);
            if (!cache.TryGetValue(form, out var index))
            {
                index = Identify(bucket, text, position, out var cacheable);
                if (cacheable && _identified.Count < MaxCachedForms)
                {
                    cache.TryAdd(form, index);
                }
            }

            if (index >= 0 && _alternatives[index].Item is { } item)
            {
                hits.Add(new Hit<T>(position, length, item));
            }

            position += Math.Max(1, length);
        }
    }

    /// <summary>The length of the match that starts exactly at <paramref name="position"/>, or -1.</summary>
    private static int MatchLengthAt(Regex anchored, string text, int position)
    {
        foreach (var match in anchored.EnumerateMatches(text.AsSpan(), position))
        {
            return match.Index == position ? match.Length : -1;
        }

        return -1;
    }

    private Bucket? CandidatesAt(string text, int position)
    {
        var c = text[position];
        var wordStart = IsWordChar(c) && (position == 0 || !IsWordChar(text[position - 1]));
        if (!wordStart && IsWordChar(c))
        {
            return null; // every pattern is bounded by (?<!\w): nothing starts inside a word
        }

        if (_skipAfterHyphen && position > 0 && text[position - 1] is '-' or '‐' or '‑')
        {
            return null;
        }

        return _buckets.TryGetValue(char.ToLowerInvariant(c), out var bucket) ? bucket : wordStart ? _anywhere : null;
    }

    private Bucket CreateBucket(Func<Alternative, bool> member)
    {
        var indices = Enumerable.Range(0, _alternatives.Length).Where(i => member(_alternatives[i])).ToArray();
        var alternation = string.Join('|', indices.Select(i => "(?:" + _alternatives[i].Body + ")"));

        // Interpreted on purpose: each bucket is tried only at word starts where it can match, which keeps the
        // interpreter cheap (about a millisecond an article), and RegexOptions.Compiled backtracked without
        // bound on these large alternations of lookbehinds in .NET 10.
        return new Bucket(new Regex(@"\G" + Bounded(alternation), Options, MatchTimeout), indices);
    }

    private int Identify(Bucket bucket, string text, int index, out bool cacheable)
    {
        cacheable = true;
        foreach (var i in bucket.Members)
        {
            var alternative = _alternatives[i];
            cacheable &= alternative.ContextFree;
            if (alternative.Anchored.IsMatch(text.AsSpan(), index))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static string Bounded(string body) => @"(?<!\w)(?:" + body + @")(?!\w)";

    // An entry whose pattern looks around itself can match the same text in one place and not in another.
    private static bool IsContextFree(string body) =>
        !body.Contains("(?=", StringComparison.Ordinal) && !body.Contains("(?!", StringComparison.Ordinal) &&
        !body.Contains("(?<=", StringComparison.Ordinal) && !body.Contains("(?<!", StringComparison.Ordinal);

    private sealed record Alternative(string Body, Regex Anchored, bool ContextFree, HashSet<char>? FirstChars, T? Item);

    private sealed record Bucket(Regex Regex, int[] Members);
}
