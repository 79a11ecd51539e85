using NewsWatch.Classification;
using NewsWatch.Classification.Evaluation;

namespace NewsWatch.UnitTests.Classification.Evaluation;

public sealed class DevSetEvaluatorTests
{
    private static readonly DealClassifier Classifier = new(Lexicon.Default);

    private static readonly string Lines = string.Join('\n',
        """{"id":"a","title":null,"summary":"Russia has lifted its embargo on Pakistan and is negotiating the sale of Mi-35 attack helicopters to Islamabad.","label":"relevant","category":"negotiation","supplier":"Russia","recipient":"Pakistan","weapon_system":"Mi-35 attack helicopters","stage":"negotiating"}""",
        """{"id":"b","title":"Airline orders jets","summary":"Emirates ordered 50 Airbus A350 airliners at the Dubai Airshow.","label":"not_relevant","category":"hard_neg_business"}""",
        """{"id":"c","title":null,"summary":"The weather in Paris was mild on Tuesday.","label":"relevant","category":"sale","supplier":"France","recipient":"India","weapon_system":"Rafale","stage":"signed"}""",
        "",
        "not json",
        """{"id":"d","summary":"no label here"}""");

    [Fact]
    public void Read_BadLines_ReportsEachWithItsNumberAndKeepsTheRest()
    {
        var (items, errors) = DevSetEvaluator.Read(new StringReader(Lines));

        Assert.Equal(["a", "b", "c"], items.Select(i => i.Id));
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("line 5: not a JSON object", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("line 6: label must be", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SmallSet_CountsRelevanceFactsAndMisses()
    {
        var (items, errors) = DevSetEvaluator.Read(new StringReader(Lines));

        var report = new DevSetEvaluator(Classifier, Lexicon.Default).Evaluate(items, errors.Count);

        Assert.Equal((1, 0, 1, 1), (report.TruePositives, report.FalsePositives, report.FalseNegatives, report.TrueNegatives));
        Assert.Equal(1.0, report.Precision);
        Assert.Equal(0.5, report.Recall);
        Assert.Equal(new FactTally(1, 1), report.Supplier);
        Assert.Equal(new FactTally(1, 1), report.Recipient);
        Assert.Equal(new FactTally(1, 1), report.System);
        var miss = Assert.Single(report.Misses);
        Assert.Equal(("c", "missed"), (miss.Id, miss.Kind));
        Assert.Equal(2, report.Unreadable);
        Assert.Equal(3, report.Calibration.Sum(b => b.Items));
    }

    [Fact]
    public void Format_Report_ShowsFiguresAndEveryMiss()
    {
        var (items, _) = DevSetEvaluator.Read(new StringReader(Lines));
        var report = new DevSetEvaluator(Classifier, Lexicon.Default).Evaluate(items);

        var text = EvaluationText.Format(report);

        Assert.Contains("relevance: precision 1.000  recall 0.500  F1 0.667", text, StringComparison.Ordinal);
        Assert.Contains("  supplier   1.000 (1/1)", text, StringComparison.Ordinal);
        Assert.Contains("c missed [sale]: expected relevant", text, StringComparison.Ordinal);
    }
}
