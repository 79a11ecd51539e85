using System.Runtime.InteropServices;

namespace NewsWatch.Classification;

/// <summary>
/// The spans behind an assessment, by kind (system, transfer, supplier, recipient, party, value, negative),
/// each span once and in text order, the best sentence's first.
/// </summary>
/// <remarks>
/// Allocates little beyond what it returns: a span's text is compared in place with the few of its kind already
/// listed, and becomes a string only when it is listed.
/// </remarks>
internal static class EvidenceList
{
    public static List<Evidence> Build(ArticleScan scan, PartyRoles roles, string? value, int maxPerKind)
    {
        // The most it can hold, so the list never grows: at most maxPerKind of each hit kind, and one
        // supplier, recipient and value.
        var capacity = Math.Min(scan.Weapons.Count, maxPerKind) + Math.Min(scan.Transfers.Count, maxPerKind) +
                       Math.Min(scan.Parties.Count, maxPerKind) + Math.Min(scan.Negatives.Count, maxPerKind) + 3;
        var evidence = new List<Evidence>(capacity);
        AddBestFirst(evidence, "system", scan, scan.Weapons, maxPerKind, null, null);
        AddBestFirst(evidence, "transfer", scan, scan.Transfers, maxPerKind, null, null);
        if (roles.SupplierEvidence is { } supplier)
        {
            evidence.Add(new Evidence("supplier", supplier) { Start = Place(scan, supplier) });
        }

        if (roles.RecipientEvidence is { } recipient)
        {
            evidence.Add(new Evidence("recipient", recipient) { Start = Place(scan, recipient) });
        }

        // A party already quoted as supplier or recipient is not quoted again as a mere party.
        AddBestFirst(evidence, "party", scan, scan.Parties, maxPerKind, roles.SupplierEvidence, roles.RecipientEvidence);
        if (value is not null)
        {
            evidence.Add(new Evidence("value", value) { Start = Place(scan, value) });
        }

        // Negative cues in plain text order: they speak against the whole story, not the deal sentence.
        var negatives = CollectionsMarshal.AsSpan(scan.Negatives);
        Add(evidence, "negative", scan.Article.Full, negatives, best: null, inBest: false, first: evidence.Count, maxPerKind, skip: null, skipToo: null);
        return evidence;
    }

    /// <summary>Where a role's or value's span is: in the best sentence, where the roles are read, else its first occurrence.</summary>
    private static int Place(ArticleScan scan, string span)
    {
        var text = scan.Article.Full;
        if (scan.BestSentence >= 0)
        {
            var best = scan.Article.Sentences[scan.BestSentence];
            var inBest = text.IndexOf(span, best.Start, best.Length, StringComparison.Ordinal);
            if (inBest >= 0)
            {
                return inBest;
            }
        }

        return text.IndexOf(span, StringComparison.Ordinal);
    }

    /// <summary>The hits in the best sentence first (that is the sentence an alert quotes), then the rest, each in text order.</summary>
    private static void AddBestFirst<T>(List<Evidence> evidence, string kind, ArticleScan scan, List<Hit<T>> list, int max, string? skip, string? skipToo)
    {
        var text = scan.Article.Full;
        var hits = CollectionsMarshal.AsSpan(list);
        var first = evidence.Count;
        if (scan.BestSentence < 0)
        {
            Add(evidence, kind, text, hits, null, inBest: false, first, max, skip, skipToo);
            return;
        }

        var best = scan.Article.Sentences[scan.BestSentence];
        Add(evidence, kind, text, hits, best, inBest: true, first, max, skip, skipToo);
        Add(evidence, kind, text, hits, best, inBest: false, first, max, skip, skipToo);
    }

    /// <summary>
    /// Adds the hits (those that start inside the best sentence or those outside it, when one is given) whose text
    /// is not listed yet under this kind (from index <paramref name="first"/>) nor a skipped span, until the kind
    /// has <paramref name="max"/>.
    /// </summary>
    private static void Add<T>(
        List<Evidence> evidence,
        string kind,
        string text,
        ReadOnlySpan<Hit<T>> hits,
        TextRange? best,
        bool inBest,
        int first,
        int max,
        string? skip,
        string? skipToo)
    {
        foreach (var hit in hits)
        {
            if (evidence.Count - first == max)
            {
                return;
            }

            var span = text.AsSpan(hit.Start, hit.Length);
            if ((best is { } sentence && sentence.Contains(hit.Start) != inBest) || Is(span, skip) || Is(span, skipToo) || Listed(evidence, first, span))
            {
                continue;
            }

            evidence.Add(new Evidence(kind, span.ToString()) { Start = hit.Start });
        }
    }

    private static bool Is(ReadOnlySpan<char> span, string? text) => text is not null && span.SequenceEqual(text);

    private static bool Listed(List<Evidence> evidence, int first, ReadOnlySpan<char> span)
    {
        for (var i = first; i < evidence.Count; i++)
        {
            if (span.SequenceEqual(evidence[i].Text))
            {
                return true;
            }
        }

        return false;
    }
}
