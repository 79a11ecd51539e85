namespace NewsWatch.Classification;

/// <summary>
/// Decides whether an article reports an arms deal, and pulls out the facts, from lexicons and explicit
/// rules only: no network, no model. Every conclusion comes with the text span behind it, so an analyst
/// can see why an alert was sent. Stateless after construction and safe to share between threads.
/// </summary>
public sealed class DealClassifier
{
    // Alerts list a handful of systems and spans; a long article must not turn into a long assessment.
    private const int MaxSystems = 8;
    private const int MaxEvidencePerKind = 6;

    private readonly Lexicon _lexicon;
    private readonly double _relevanceThreshold;

    public DealClassifier(Lexicon lexicon, double relevanceThreshold = 0.5)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        if (double.IsNaN(relevanceThreshold) || relevanceThreshold is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(relevanceThreshold), relevanceThreshold, "The threshold is a probability in [0, 1].");
        }

        _lexicon = lexicon;
        _relevanceThreshold = relevanceThreshold;
    }

    public DealAssessment Classify(string? title, string? text)
    {
        var article = ArticleText.Create(title, text);
        var scan = ArticleScan.Run(_lexicon, article);
        var relevance = RelevanceScorer.Score(scan);
        var (stage, embargo) = StageResolver.Resolve(scan);
        var roles = PartyRoleResolver.Resolve(scan);
        var value = FindValue(scan);
        var (amount, currency) = MoneyValue.Parse(value);

        return new DealAssessment(
            Relevant: relevance.Score >= _relevanceThreshold,
            Score: Math.Round(relevance.Score, 4),
            Stage: stage,
            Supplier: roles.Supplier,
            Recipient: roles.Recipient,
            Systems: SystemList.Build(scan, MaxSystems),
            Evidence: EvidenceList.Build(scan, roles, value, MaxEvidencePerKind))
        {
            Embargo = embargo,
            Value = value,
            ValueAmount = amount,
            Currency = currency,
            SupplierCode = _lexicon.CountryCode(roles.Supplier),
            RecipientCode = _lexicon.CountryCode(roles.Recipient),
            EvidenceSentence = scan.BestSentence >= 0 ? article.SentenceText(scan.BestSentence) : null,
        };
    }

    /// <summary>The first stated value in the best sentence, else in the article.</summary>
    private static string? FindValue(ArticleScan scan)
    {
        if (scan.Values.Count == 0)
        {
            return null;
        }

        var chosen = scan.Values[0];
        if (scan.BestSentence >= 0)
        {
            var best = scan.Article.Sentences[scan.BestSentence];
            foreach (var value in scan.Values)
            {
                if (best.Contains(value.Start))
                {
                    chosen = value;
                    break;
                }
            }
        }

        return scan.Article.Full.Substring(chosen.Start, chosen.Length).Trim();
    }
}
