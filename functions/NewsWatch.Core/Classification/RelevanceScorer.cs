using System.Runtime.InteropServices;

namespace NewsWatch.Classification;

/// <summary>Combines an article's signals into a logit and a score in [0, 1] (weights in <see cref="ScoringWeights"/>).</summary>
internal static class RelevanceScorer
{
    public static Relevance Score(ArticleScan scan)
    {
        var logit = ScoringWeights.Bias + TransferSignal(scan) + WeaponSignal(scan) + PartySignal(scan) +
                    SentenceSignal(scan) + FigureSignal(scan) - NegativeSignal(scan);
        return new Relevance(logit, 1.0 / (1.0 + Math.Exp(-ScoringWeights.CalibrationSlope * logit)));
    }

    private static double TransferSignal(ArticleScan scan)
    {
        var weight = 0.0;
        var staged = false;
        foreach (var hit in scan.Transfers)
        {
            weight = Math.Max(weight, hit.Item.Weight);
            staged |= hit.Item.Stage is not null;
        }

        return weight + (staged ? ScoringWeights.StageBonus : 0);
    }

    private static double WeaponSignal(ArticleScan scan)
    {
        var signal = 0.0;
        foreach (var hit in scan.Weapons)
        {
            signal = Math.Max(signal, WeaponWeight(hit.Item));
        }

        return signal;
    }

    private static double WeaponWeight(WeaponTerm term) =>
        term.IsNamed ? ScoringWeights.NamedSystem
        : term.Category == WeaponCategory.Other ? ScoringWeights.WeakWeapon
        : ScoringWeights.CategoryTerm;

    private static double PartySignal(ArticleScan scan) =>
        DistinctParties(scan) >= 2 ? ScoringWeights.TwoParties : 0;

    /// <summary>
    /// Parties named in the text, suppliers implied by a term ("Foreign Military Sale"), and the makers'
    /// countries of named systems: an article about Poland and the F-35 is international even if it never
    /// says "United States".
    /// </summary>
    internal static int DistinctParties(ArticleScan scan)
    {
        // Only "none, one or several" matters, so no set: the first name, and whether another differs from it.
        string? first = null;
        foreach (var hit in scan.Parties)
        {
            if (Differs(ref first, hit.Item.Name))
            {
                return 2;
            }
        }

        foreach (var hit in scan.Transfers)
        {
            if (hit.Item.ImpliedSupplier is { } implied && Differs(ref first, implied))
            {
                return 2;
            }
        }

        foreach (var hit in scan.Weapons)
        {
            if (hit.Item.Origin is { } origin && Differs(ref first, origin))
            {
                return 2;
            }
        }

        return first is null ? 0 : 1;
    }

    private static bool Differs(ref string? first, string name)
    {
        first ??= name;
        return !string.Equals(first, name, StringComparison.Ordinal);
    }

    private static double SentenceSignal(ArticleScan scan)
    {
        var best = 0.0;
        var sentences = scan.Article.Sentences;
        for (var s = 0; s < sentences.Count; s++)
        {
            // By index: foreach over the IReadOnlyList would box its enumerator on every article.
            var range = sentences[s];
            if (ArticleScan.In(scan.Transfers, range).IsEmpty || ArticleScan.In(scan.Weapons, range).IsEmpty)
            {
                continue;
            }

            var withParty = !ArticleScan.In(scan.Parties, range).IsEmpty;
            best = Math.Max(best, ScoringWeights.SameSentence + (withParty ? ScoringWeights.SameSentenceParty : 0));
        }

        return best;
    }

    private static double FigureSignal(ArticleScan scan)
    {
        var signal = scan.Values.Count > 0 ? ScoringWeights.Figure : 0;
        foreach (var hit in scan.Weapons)
        {
            var sentence = scan.Article.SentenceAt(hit.Start);
            var floor = sentence >= 0 ? scan.Article.Sentences[sentence].Start : 0;
            if (QuantityReader.Before(scan.Article.Full, hit.Start, floor) is not null)
            {
                return signal + ScoringWeights.Figure;
            }
        }

        return signal;
    }

    private static double NegativeSignal(ArticleScan scan)
    {
        // Each cue counts once however often it recurs: "crash" five times is still one crash story. An
        // article has a few cues at most, so an earlier hit of the same cue is found by looking back, not in a set.
        var total = 0.0;
        var negatives = CollectionsMarshal.AsSpan(scan.Negatives);
        for (var i = 0; i < negatives.Length; i++)
        {
            if (!SeenBefore(negatives, i))
            {
                total += negatives[i].Item.Weight;
            }
        }

        return Math.Min(total, ScoringWeights.MaxNegative);
    }

    private static bool SeenBefore(ReadOnlySpan<Hit<NegativeCueEntry>> hits, int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (ReferenceEquals(hits[i].Item, hits[index].Item))
            {
                return true;
            }
        }

        return false;
    }
}
