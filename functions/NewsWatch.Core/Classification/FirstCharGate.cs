using static NewsWatch.Classification.RegexSyntax;

namespace NewsWatch.Classification;

/// <summary>
/// The ASCII characters a pattern's match can start with, case rules included, as two 64-bit masks: a check
/// that costs one array read, done before the pattern itself is looked at. The prefix index compares folded
/// text, so "(?-i:[A-Z][a-z]+\s+Arms)" is a candidate at every word; this gate turns the lower-case ones away.
/// Any non-ASCII character passes when the pattern may start with one; so does everything when the start is
/// not understood.
/// </summary>
internal readonly record struct FirstCharGate(ulong Low, ulong High, bool NonAscii)
{
    private const string AsciiLetters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static FirstCharGate Open { get; } = new(ulong.MaxValue, ulong.MaxValue, NonAscii: true);

    public bool Admits(char c) => c switch
    {
        < (char)64 => (Low & (1UL << c)) != 0,
        < (char)128 => (High & (1UL << (c - 64))) != 0,
        _ => NonAscii,
    };

    public static FirstCharGate Of(Node? pattern)
    {
        var first = pattern is null ? null : First(pattern);
        return first is { Nullable: false } gate ? gate.Gate : Open;
    }

    private sealed record Start(FirstCharGate Gate, bool Nullable);

    /// <summary>What a match of <paramref name="node"/> can start with, and whether it can be empty; null when not understood.</summary>
    private static Start? First(Node node)
    {
        switch (node)
        {
            case Set set:
                return new Start(OfSet(set), Nullable: false);
            case Digit:
                return new Start(OfChars("0123456789", nonAscii: true), Nullable: false);
            case Space:
                return new Start(OfChars(" \t\n\v\f\r", nonAscii: true), Nullable: false);
            case Empty or Assertion:
                return new Start(default, Nullable: true); // zero-width: the next item starts the match
            case Atomic atomic:
                return First(atomic.Inner);
            case Repeat repeat:
                return First(repeat.Inner) is { } inner ? inner with { Nullable = inner.Nullable || repeat.Min == 0 } : null;
            case Alternation alternation:
                Start union = new(default, Nullable: false);
                foreach (var branch in alternation.Branches)
                {
                    if (First(branch) is not { } start)
                    {
                        return null;
                    }

                    union = new Start(Union(union.Gate, start.Gate), union.Nullable || start.Nullable);
                }

                return union;
            case Sequence sequence:
                Start sofar = new(default, Nullable: true);
                foreach (var item in sequence.Items)
                {
                    if (First(item) is not { } start)
                    {
                        return null;
                    }

                    sofar = new Start(Union(sofar.Gate, start.Gate), start.Nullable);
                    if (!start.Nullable)
                    {
                        break;
                    }
                }

                return sofar;
            default:
                return null; // Any
        }
    }

    private static FirstCharGate OfSet(Set set)
    {
        var gate = OfChars(set.Members, nonAscii: false);
        if (!set.IgnoreCase)
        {
            return gate;
        }

        // Every ASCII letter of the same fold (both cases of "a"; "s" for the long s ſ), and any non-ASCII
        // character when a member is a letter (the Kelvin sign K is a case variant of k).
        var folds = set.Members.Select(TextChars.Fold).ToHashSet();
        var variants = AsciiLetters.Where(a => folds.Contains(TextChars.Fold(a)));
        return Union(gate, OfChars(string.Concat(variants), nonAscii: set.Members.Any(char.IsLetter)));
    }

    private static FirstCharGate OfChars(string chars, bool nonAscii)
    {
        ulong low = 0, high = 0;
        foreach (var c in chars)
        {
            if (c < 64)
            {
                low |= 1UL << c;
            }
            else if (c < 128)
            {
                high |= 1UL << (c - 64);
            }
            else
            {
                nonAscii = true;
            }
        }

        return new FirstCharGate(low, high, nonAscii);
    }

    private static FirstCharGate Union(FirstCharGate a, FirstCharGate b) => new(a.Low | b.Low, a.High | b.High, a.NonAscii || b.NonAscii);
}
