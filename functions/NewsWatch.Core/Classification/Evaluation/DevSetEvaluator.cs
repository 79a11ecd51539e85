using System.Text.Json;

namespace NewsWatch.Classification.Evaluation;

/// <summary>
/// Runs the classifier over a labelled set and scores it the way issue 4 asks: relevance by precision,
/// recall and F1; on the relevant items it finds, how often supplier, recipient, system and stage agree
/// with the label (a fact the label leaves empty is not judged); and every miss with what was seen.
/// </summary>
public sealed class DevSetEvaluator(DealClassifier classifier, Lexicon lexicon)
{
    private const int CalibrationBins = 10;

    /// <summary>Reads JSON lines; a line that is not a labelled item is counted as unreadable, never silently dropped.</summary>
    public static (IReadOnlyList<LabelledArticle> Items, IReadOnlyList<string> Errors) Read(TextReader reader)
    {
        var items = new List<LabelledArticle>();
        var errors = new List<string>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                var item = JsonSerializer.Deserialize(line, LabelledArticleJsonContext.Default.LabelledArticle);
                if (item?.Label is LabelledArticle.RelevantLabel or LabelledArticle.NotRelevantLabel)
                {
                    items.Add(item);
                }
                else
                {
                    errors.Add($"line {number}: label must be \"relevant\" or \"not_relevant\", got {(item?.Label is null ? "none" : $"\"{item.Label}\"")}");
                }
            }
            catch (JsonException ex)
            {
                errors.Add($"line {number}: not a JSON object ({ex.Message})");
            }
        }

        return (items, errors);
    }

    public EvaluationReport Evaluate(IReadOnlyList<LabelledArticle> items, int unreadable = 0)
    {
        var gold = new GoldFacts(lexicon);
        int tp = 0, fp = 0, fn = 0, tn = 0;
        var supplier = new Counter();
        var recipient = new Counter();
        var system = new Counter();
        var stage = new Counter();
        var misses = new List<EvaluationMiss>();
        var categories = new Dictionary<string, (bool Relevant, int Items, int Right)>(StringComparer.Ordinal);
        var bins = new (int Items, int Relevant, double Scores)[CalibrationBins];
        foreach (var item in items)
        {
            var assessment = classifier.Classify(item.Title, item.Summary);
            var text = item.Title is null ? item.Summary : $"{item.Title}. {item.Summary}";
            var bin = Math.Min(CalibrationBins - 1, (int)(assessment.Score * CalibrationBins));
            bins[bin] = (bins[bin].Items + 1, bins[bin].Relevant + (item.IsRelevant ? 1 : 0), bins[bin].Scores + assessment.Score);
            var category = item.Category ?? (item.IsRelevant ? "relevant" : "not_relevant");
            var tally = categories.GetValueOrDefault(category, (Relevant: item.IsRelevant, Items: 0, Right: 0));
            categories[category] = (tally.Relevant, tally.Items + 1, tally.Right + (assessment.Relevant == item.IsRelevant ? 1 : 0));
            var id = item.Id ?? "?";
            switch (item.IsRelevant, assessment.Relevant)
            {
                case (true, true):
                    tp++;
                    Judge(supplier, item.Supplier, gold.PartyMatches(item.Supplier, assessment.Supplier), "supplier", assessment.Supplier);
                    Judge(recipient, item.Recipient, gold.PartyMatches(item.Recipient, assessment.Recipient), "recipient", assessment.Recipient);
                    var goldSystems = item.WeaponSystem is null ? [] : classifier.Classify(null, item.WeaponSystem).Systems;
                    Judge(system, item.WeaponSystem, GoldFacts.SystemMatches(item.WeaponSystem, assessment.Systems, goldSystems), "system", string.Join("; ", assessment.Systems.Select(s => s.Name)));
                    Judge(stage, item.Stage, GoldFacts.StageMatches(item.Stage, assessment), "stage", assessment.Embargo is null ? assessment.Stage : $"{assessment.Stage} (embargo {assessment.Embargo})");
                    break;
                case (true, false):
                    fn++;
                    misses.Add(new EvaluationMiss(id, "missed", item.Category, "relevant", $"not relevant (score {assessment.Score:0.00})", text));
                    break;
                case (false, true):
                    fp++;
                    misses.Add(new EvaluationMiss(id, "false alarm", item.Category, "not relevant", $"relevant (score {assessment.Score:0.00}; {assessment.Supplier ?? "?"} → {assessment.Recipient ?? "?"})", text));
                    break;
                default:
                    tn++;
                    break;
            }

            void Judge(Counter counter, string? expected, bool right, string fact, string? got)
            {
                if (!GoldFacts.IsJudged(expected))
                {
                    return;
                }

                counter.Judged++;
                if (right)
                {
                    counter.Correct++;
                }
                else
                {
                    misses.Add(new EvaluationMiss(id, "wrong " + fact, item.Category, expected!, string.IsNullOrEmpty(got) ? "none" : got, text));
                }
            }
        }

        return new EvaluationReport(
            items.Count, tp, fp, fn, tn,
            supplier.ToTally(), recipient.ToTally(), system.ToTally(), stage.ToTally(),
            [.. categories.OrderBy(c => c.Value.Relevant ? 0 : 1).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => new CategoryTally(c.Key, c.Value.Relevant, c.Value.Items, c.Value.Right))],
            [.. bins.Select((b, i) => new CalibrationBin((double)i / CalibrationBins, (double)(i + 1) / CalibrationBins, b.Items, b.Relevant, b.Items == 0 ? 0 : b.Scores / b.Items))],
            misses,
            unreadable);
    }

    private sealed class Counter
    {
        public int Correct { get; set; }

        public int Judged { get; set; }

        public FactTally ToTally() => new(Correct, Judged);
    }
}
