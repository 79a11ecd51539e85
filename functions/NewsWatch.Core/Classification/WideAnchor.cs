using static NewsWatch.Classification.RegexSyntax;

namespace NewsWatch.Classification;

/// <summary>
/// Where the matches of a pattern that may start at almost any word ("(?-i:[A-Z][a-z]+\s+Airways)", "\d+ troops")
/// can start: every match holds one of <see cref="Words"/> (folded) at a start (<see cref="RequiredText.AtStartsOf"/>),
/// and at most <see cref="SpaceRuns"/> runs of whitespace. So a match starts at one of the few words at or before
/// a start that has one of the words, with at most that many runs of whitespace in between, and a scan tries such
/// a pattern only there, not at every capitalised word or number of the article.
/// </summary>
internal sealed record WideAnchor(IReadOnlyList<string> Words, int SpaceRuns)
{
    /// <summary>The pattern's anchor, or null when it has no required words or no bound on its whitespace runs.</summary>
    public static WideAnchor? Of(Node? pattern) =>
        pattern is not null && RequiredText.AtStartsOf(pattern) is { } words && MaxSpaceRuns(pattern) is { } runs ? new WideAnchor(words, runs) : null;

    /// <summary>An upper bound on the runs of whitespace in a match of <paramref name="node"/>; null when there is none.</summary>
    private static int? MaxSpaceRuns(Node node)
    {
        switch (node)
        {
            case Space:
                return 1;
            case Set set:
                return set.Members.Any(TextChars.IsSpace) ? 1 : 0;
            case Any any:
                return any.MayBeSpace ? 1 : 0;
            case Digit or Empty or Assertion:
                return 0; // a lookahead's text is not part of the match
            case Atomic atomic:
                return MaxSpaceRuns(atomic.Inner);
            case Repeat { Inner: Space } spaces:
                return Math.Min(1, spaces.Max); // however long, \s+ is one run
            case Repeat repeat:
                var inner = MaxSpaceRuns(repeat.Inner);
                return inner == 0 ? 0 : repeat.Max == int.MaxValue ? null : inner * repeat.Max;
            case Sequence sequence:
                var sum = 0;
                foreach (var item in sequence.Items)
                {
                    if (MaxSpaceRuns(item) is not { } runs)
                    {
                        return null;
                    }

                    sum += runs;
                }

                return sum;
            case Alternation alternation:
                var most = 0;
                foreach (var branch in alternation.Branches)
                {
                    if (MaxSpaceRuns(branch) is not { } runs)
                    {
                        return null;
                    }

                    most = Math.Max(most, runs);
                }

                return most;
            default:
                return null;
        }
    }
}
