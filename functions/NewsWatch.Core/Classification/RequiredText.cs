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

    public static IReadOnlyList<string>? Of(Node? pattern)
    {
        var words = pattern is null ? null : Words(pattern);
        return words is null ? null : [.. words.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>A set of words one of which every match of <paramref name="node"/> contains, or null.</summary>
    private static List<string>? Words(Node node) => node switch
    {
        Sequence sequence => Best(SequenceCandidates(sequence)),
        Alternation alternation => Union(alternation.Branches.Select(Words)),
        Repeat { Min: > 0 } repeat => Words(repeat.Inner),
        Atomic atomic => Words(atomic.Inner),
        _ => null,
    };

    /// <summary>Each run of single characters is required, and so is whatever each item requires.</summary>
    private static IEnumerable<List<string>?> SequenceCandidates(Sequence sequence)
    {
        var run = new System.Text.StringBuilder();
        foreach (var item in sequence.Items)
        {
            if (item is Set { Members.Length: 1 } set && !TextChars.IsSpace(set.Members[0]))
            {
                run.Append(Folded(set.Members[0]));
                continue;
            }

            if (run.Length >= MinLength)
            {
                yield return [run.ToString()];
            }

            run.Clear();
            if (item is not (Empty or Assertion))
            {
                yield return Words(item);
            }
        }

        if (run.Length >= MinLength)
        {
            yield return [run.ToString()];
        }
    }

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
