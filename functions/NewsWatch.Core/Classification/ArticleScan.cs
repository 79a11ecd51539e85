using System.Runtime.InteropServices;

namespace NewsWatch.Classification;

/// <summary>
/// Everything the lexicons found in one article, in text order, plus which sentence carries the most deal
/// signals. Built once per article; the rules read it.
/// </summary>
internal sealed class ArticleScan
{
    private ArticleScan(ArticleText article)
    {
        Article = article;
    }

    public ArticleText Article { get; }

    public List<Hit<PartyRef>> Parties { get; } = [];

    public List<Hit<WeaponTerm>> Weapons { get; } = [];

    public List<Hit<TransferTerm>> Transfers { get; } = [];

    public List<Hit<NegativeCueEntry>> Negatives { get; } = [];

    public List<TextRange> Values { get; } = [];

    /// <summary>The sentence with the most deal signals, or -1 when the article is empty.</summary>
    public int BestSentence { get; private set; } = -1;

    public static ArticleScan Run(Lexicon lexicon, ArticleText article)
    {
        var scan = new ArticleScan(article);
        var text = article.Full;

        using (var input = MatchInput.Rent(text))
        {
            lexicon.Scanner.FindAll(input, scan.Parties, scan.Weapons, scan.Transfers, scan.Negatives);
        }

        // Drops datelines and currency codes in place (a loop rather than RemoveAll, whose lambda would capture).
        var parties = CollectionsMarshal.AsSpan(scan.Parties);
        var kept = 0;
        foreach (var hit in parties)
        {
            if (!IsDateline(article, hit) && !IsCurrency(text, hit))
            {
                parties[kept++] = hit;
            }
        }

        scan.Parties.RemoveRange(kept, parties.Length - kept);
        MoneyPattern.FindAll(text, scan.Values);

        scan.BestSentence = scan.FindBestSentence();
        return scan;
    }

    /// <summary>
    /// "WASHINGTON, March 5 -" or "MOSCOW (Reuters) -": the place a story was filed from opens the body in
    /// capitals. It says where the reporter was, not who is party to a deal.
    /// </summary>
    private static bool IsDateline(ArticleText article, Hit<PartyRef> hit)
    {
        if (hit.Start != article.BodyStart || hit.Item.Kind != PartyKind.Country)
        {
            return false;
        }

        var span = article.Full.AsSpan(hit.Start, hit.Length);
        // In capitals: some upper-case letter and no lower-case one (Arabic, which has no case, is never a dateline).
        return !Has(span, char.IsLower) && Has(span, char.IsUpper) && hit.End < article.Full.Length && article.Full[hit.End] is ',' or ' ' or ':' or '(';
    }

    private static bool Has(ReadOnlySpan<char> span, Func<char, bool> test)
    {
        foreach (var c in span)
        {
            if (test(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"US$3.6 billion", "A$ 11 billion": a code glued to a currency sign is money, not a party.</summary>
    private static bool IsCurrency(string text, Hit<PartyRef> hit) =>
        hit.Item.IsAdjective && hit.End < text.Length && text[hit.End] == '$';

    /// <summary>The hits that start inside <paramref name="range"/>: a view, not a copy.</summary>
    public static ReadOnlySpan<Hit<T>> In<T>(List<Hit<T>> hits, TextRange range)
    {
        var all = CollectionsMarshal.AsSpan(hits);
        var first = 0;
        while (first < all.Length && all[first].Start < range.Start)
        {
            first++;
        }

        var last = first;
        while (last < all.Length && all[last].Start < range.End)
        {
            last++;
        }

        return all[first..last];
    }

    private int FindBestSentence()
    {
        var best = -1;
        var bestScore = -1;
        for (var s = 0; s < Article.Sentences.Count; s++)
        {
            var range = Article.Sentences[s];
            var transfers = In(Transfers, range).Length;
            var named = 0;
            var generic = 0;
            foreach (var weapon in In(Weapons, range))
            {
                if (weapon.Item.IsNamed)
                {
                    named++;
                }
                else
                {
                    generic++;
                }
            }

            var values = 0;
            foreach (var value in Values)
            {
                values += range.Contains(value.Start) ? 1 : 0;
            }

            // A transfer term next to a weapon is what a deal sentence looks like; the counts break ties.
            var score = (2 * transfers) + (2 * named) + generic + In(Parties, range).Length + values +
                        (transfers > 0 && named + generic > 0 ? 3 : 0);

            // The title competes, but a body sentence with as much evidence quotes better in an alert.
            var better = score > bestScore || (score == bestScore && best >= 0 && Article.IsTitle(best));
            if (better && score > 0)
            {
                best = s;
                bestScore = score;
            }
        }

        return best < 0 && Article.Sentences.Count > 0 ? 0 : best;
    }
}
