namespace NewsWatch.Classification;

/// <summary>
/// Reads back from a party mention to the preposition that governs it, skipping determiners and the
/// "government of" kind of head ("to the Government of Poland", "for the Royal Australian Navy").
/// </summary>
internal static class PrepositionReader
{
    private const int MaxWordsBack = 6;

    private static readonly Dictionary<string, PrepositionKind> Prepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["to"] = PrepositionKind.To, ["for"] = PrepositionKind.To, ["into"] = PrepositionKind.To,
        ["toward"] = PrepositionKind.To, ["towards"] = PrepositionKind.To,
        ["from"] = PrepositionKind.From, ["by"] = PrepositionKind.By, ["with"] = PrepositionKind.With,
        ["on"] = PrepositionKind.On, ["against"] = PrepositionKind.On, ["upon"] = PrepositionKind.On,
        ["in"] = PrepositionKind.Other, ["at"] = PrepositionKind.Other, ["over"] = PrepositionKind.Other,
        ["about"] = PrepositionKind.Other, ["between"] = PrepositionKind.Other, ["among"] = PrepositionKind.Other,
        ["across"] = PrepositionKind.Other, ["near"] = PrepositionKind.Other, ["off"] = PrepositionKind.Other,
        ["via"] = PrepositionKind.Other, ["through"] = PrepositionKind.Other, ["within"] = PrepositionKind.Other,
        ["after"] = PrepositionKind.Other, ["before"] = PrepositionKind.Other, ["during"] = PrepositionKind.Other,
        ["under"] = PrepositionKind.Other, ["like"] = PrepositionKind.Other, ["including"] = PrepositionKind.Other,
        ["than"] = PrepositionKind.Other, ["as"] = PrepositionKind.Other, ["beyond"] = PrepositionKind.Other,
        ["said"] = PrepositionKind.Other, ["says"] = PrepositionKind.Other, ["told"] = PrepositionKind.Other,
        ["visit"] = PrepositionKind.Other, ["visits"] = PrepositionKind.Other, ["visited"] = PrepositionKind.Other,
        ["outside"] = PrepositionKind.Other, ["inside"] = PrepositionKind.Other, ["around"] = PrepositionKind.Other,
    };

    // Words between a preposition and the country that do not change who the country is.
    private static readonly HashSet<string> Skippable = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "its", "their", "his", "her", "royal", "national", "federal", "islamic", "new", "key", "ally",
    };

    // Heads of "X of <country>" that stand for the country itself.
    private static readonly HashSet<string> GovernmentHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "government", "republic", "kingdom", "state", "states", "ministry", "navy", "army", "forces", "force",
        "military", "emirate", "sultanate", "people", "federation", "principality", "president", "king", "defence",
        "defense", "authorities",
    };

    private static readonly Dictionary<string, PrepositionKind>.AlternateLookup<ReadOnlySpan<char>> PrepositionLookup =
        Prepositions.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SkippableLookup =
        Skippable.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> HeadLookup =
        GovernmentHeads.GetAlternateLookup<ReadOnlySpan<char>>();

    public static PrepositionKind Before(string text, int position, int floor)
    {
        var end = position;
        for (var words = 0; words < MaxWordsBack; words++)
        {
            var start = PreviousWord(text, end, floor);
            var word = text.AsSpan(start, WordEnd(text, end, floor) - start);
            if (word.IsEmpty)
            {
                // Sentence start or punctuation ("…, Russia", "(Russia"): nothing governs the mention.
                return PrepositionKind.None;
            }

            if (PrepositionLookup.TryGetValue(word, out var kind))
            {
                return kind;
            }

            if (word.Equals("of", StringComparison.OrdinalIgnoreCase))
            {
                var headStart = PreviousWord(text, start, floor);
                var head = text.AsSpan(headStart, WordEnd(text, start, floor) - headStart);
                if (head.IsEmpty || !HeadLookup.Contains(head))
                {
                    return PrepositionKind.Other;
                }

                end = headStart;
                continue;
            }

            if (!SkippableLookup.Contains(word))
            {
                return PrepositionKind.None;
            }

            end = start;
        }

        return PrepositionKind.None;
    }

    /// <summary>Where the word ending just before <paramref name="end"/> (past whitespace) starts; at its end when there is none.</summary>
    private static int PreviousWord(string text, int end, int floor)
    {
        var i = WordEnd(text, end, floor);
        while (i > floor && (char.IsLetter(text[i - 1]) || text[i - 1] is '\'' or '’' or '-'))
        {
            i--;
        }

        return i;
    }

    private static int WordEnd(string text, int end, int floor)
    {
        var i = end;
        while (i > floor && char.IsWhiteSpace(text[i - 1]))
        {
            i--;
        }

        return i;
    }
}
