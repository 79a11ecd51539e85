namespace NewsWatch.Classification;

/// <summary>
/// The spans behind an assessment, by kind (system, transfer, supplier, recipient, party, value, negative),
/// each span once and in text order, the best sentence's first.
/// </summary>
internal static class EvidenceList
{
    public static List<Evidence> Build(ArticleScan scan, PartyRoles roles, string? value, int maxPerKind)
    {
        var evidence = new List<Evidence>();
        var text = scan.Article.Full;
        AddAll(evidence, "system", text, Ordered(scan, scan.Weapons), maxPerKind);
        AddAll(evidence, "transfer", text, Ordered(scan, scan.Transfers), maxPerKind);
        if (roles.SupplierEvidence is { } supplier)
        {
            evidence.Add(new Evidence("supplier", supplier) { Start = Place(scan, supplier) });
        }

        if (roles.RecipientEvidence is { } recipient)
        {
            evidence.Add(new Evidence("recipient", recipient) { Start = Place(scan, recipient) });
        }

        var roleSpans = new HashSet<string?>(StringComparer.Ordinal) { roles.SupplierEvidence, roles.RecipientEvidence };
        AddAll(evidence, "party", text, Ordered(scan, scan.Parties).Where(h => !roleSpans.Contains(text.Substring(h.Start, h.Length))), maxPerKind);
        if (value is not null)
        {
            evidence.Add(new Evidence("value", value) { Start = Place(scan, value) });
        }

        AddAll(evidence, "negative", text, scan.Negatives, maxPerKind);
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

    private static IEnumerable<Hit<T>> Ordered<T>(ArticleScan scan, List<Hit<T>> hits)
    {
        if (scan.BestSentence < 0)
        {
            return hits;
        }

        var best = scan.Article.Sentences[scan.BestSentence];
        return hits.Where(h => best.Contains(h.Start)).Concat(hits.Where(h => !best.Contains(h.Start)));
    }

    private static void AddAll<T>(List<Evidence> evidence, string kind, string text, IEnumerable<Hit<T>> hits, int max)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var hit in hits)
        {
            if (seen.Count == max)
            {
                break;
            }

            var span = text.Substring(hit.Start, hit.Length);
            if (seen.Add(span))
            {
                evidence.Add(new Evidence(kind, span) { Start = hit.Start });
            }
        }
    }
}
