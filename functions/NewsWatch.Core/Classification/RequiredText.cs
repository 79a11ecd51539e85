using static NewsWatch.Classification.RegexSyntax;

namespace NewsWatch.Classification;

/// <summary>
/// Words that every match of a pattern contains at least one of, folded (<see cref="TextChars.Fold"/>):
/// "(?-i:[A-Z][a-z]+\s+(?:Airways|Airlines|Air\s+Lines))" → {"airways", "airlines", "lines"}. A pattern whose
/// start is not literal is tried at many words; when none of its words occurs in the rest of the text, the
/// regex need not run at all. Only whitespace-free runs of single characters count, at least
/// <see cref="MinLength"/> long; null when the pattern has no such requirement.
/// </summary>
internal static class RequiredText
{
    /// <summary>Shorter words would be found almost everywhere and filter nothing.</summary>
    private const int MinLength = 3;

    private const int MaxWords = 32;

    public static IReadOnlyList<string>? Of(Node? pattern) => Distinct(pattern is null ? null : Words(pattern, startsOnly: false, atStart: false));

    /// <summary>
    /// Like <see cref="Of"/>, but only words that every match holds at a start: right after whitespace, or at the
    /// start of the match, where a word cannot go on from a letter before it. "[A-Z][a-z]+\s+Airways" has
    /// "airways" there; "\w+ship" has no such word.
    /// </summary>
    public static IReadOnlyList<string>? AtStartsOf(Node? pattern) => Distinct(pattern is null ? null : Words(pattern, startsOnly: true, atStart: true));

    private static IReadOnlyList<string>? Distinct(List<string>? words) => words is null ? null : [.. words.Distinct(StringComparer.Ordinal)];

    /// <summary>A set of words one of which every match of <paramref name="node"/> contains, or null.</summary>
    /// <param name="startsOnly">Only words that start at a start.</param>
    /// <param name="atStart">Whether <paramref name="node"/>'s match begins at a start.</param>
    private static List<string>? Words(Node node, bool startsOnly, bool atStart) => node switch
    {
        Sequence sequence => Best(SequenceCandidates(sequence, startsOnly, atStart)),
        Alternation alternation => Union(alternation.Branches.Select(b => Words(b, startsOnly, atStart))),
        Repeat { Min: > 0 } repeat => Words(repeat.Inner, startsOnly, atStart), // the first repetition begins here
        Atomic atomic => Words(atomic.Inner, startsOnly, atStart),
        _ => null,
    };

    /// <summary>Each run of single characters is required, and so is whatever each item requires.</summary>
    private static IEnumerable<List<string>?> SequenceCandidates(Sequence sequence, bool startsOnly, bool atStart)
    {
        var run = new System.Text.StringBuilder();
        var runAtStart = false;
        foreach (var item in sequence.Items)
        {
            if (item is Set { Members.Length: 1 } set && !TextChars.IsSpace(set.Members[0]))
            {
                runAtStart = run.Length == 0 ? atStart : runAtStart;
                run.Append(Folded(set.Members[0]));
                atStart = false;
                continue;
            }

            if (run.Length >= MinLength && (runAtStart || !startsOnly))
            {
                yield return [run.ToString()];
            }

            run.Clear();
            if (item is not (Empty or Assertion or Space or Repeat { Inner: Space }))
            {
                yield return Words(item, startsOnly, atStart);
            }

            atStart = EndsAtStart(item, atStart);
        }

        if (run.Length >= MinLength && (runAtStart || !startsOnly))
        {
            yield return [run.ToString()];
        }
    }

    /// <summary>
    /// Whether every match of <paramref name="node"/> ends at a start, given whether it begins at one: "(?:U\.S\.\s+)?"
    /// does when it begins at one, "\s+" always, a letter never.
    /// </summary>
    private static bool EndsAtStart(Node node, bool atStart) => node switch
    {
        Space or Repeat { Inner: Space, Min: > 0 } => true,
        Repeat { Inner: Space } or Empty or Assertion => atStart,
        Sequence sequence => sequence.Items.Aggregate(atStart, (before, item) => EndsAtStart(item, before)),
        Alternation alternation => alternation.Branches.All(branch => EndsAtStart(branch, atStart)),
        Atomic atomic => EndsAtStart(atomic.Inner, atStart),

        // None, one or more repetitions: the first begins where the repeat does, the others where one ended.
        Repeat repeat => (repeat.Min > 0 || atStart) && EndsAtStart(repeat.Inner, atStart) && (repeat.Max <= 1 || EndsAtStart(repeat.Inner, true)),
        _ => false,
    };

    /// <summary>The most selective of several requirements that all hold: the longest shortest word, then the fewest words.</summary>
    private static List<string>? Best(IEnumerable<List<string>?> candidates) => candidates
        .Where(c => c is { Count: > 0 })
        .OrderByDescending(c => c!.Min(w => w.Length))
        .ThenBy(c => c!.Count)
        .FirstOrDefault();

    /// <summary>Every branch must require something, and then one of their words is required.</summary>
    private static List<string>? Union(IEnumerable<List<string>?> branches)
    {
        var union = new List<string>();
        foreach (var branch in branches)
        {
            if (branch is null)
            {
                return null;
            }

            union.AddRange(branch);
        }

        return union.Count is > 0 and <= MaxWords ? union : null;
    }

    private static char Folded(char c) => TextChars.Fold(c);
}
