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
        string? first = null;
        foreach (var name in PartyNames(scan))
        {
            if (first is null)
            {
                first = name;
            }
            else if (!string.Equals(first, name, StringComparison.Ordinal))
            {
                return 2;
            }
        }

        return first is null ? 0 : 1;
    }

    private static IEnumerable<string> PartyNames(ArticleScan scan)
    {
        foreach (var hit in scan.Parties)
        {
            yield return hit.Item.Name;
        }

        foreach (var hit in scan.Transfers)
        {
            if (hit.Item.ImpliedSupplier is { } implied)
            {
                yield return implied;
            }
        }

        foreach (var hit in scan.Weapons)
        {
            if (hit.Item.Origin is { } origin)
            {
                yield return origin;
            }
        }
    }

    private static double SentenceSignal(ArticleScan scan)
    {
        var best = 0.0;
        foreach (var range in scan.Article.Sentences)
        {
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
        // Each cue counts once however often it recurs: "crash" five times is still one crash story.
        var total = 0.0;
        var seen = new HashSet<NegativeCueEntry>(ReferenceEqualityComparer.Instance);
        foreach (var hit in scan.Negatives)
        {
            if (seen.Add(hit.Item))
            {
                total += hit.Item.Weight;
            }
        }

        return Math.Min(total, ScoringWeights.MaxNegative);
    }
}
