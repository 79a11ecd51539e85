using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsWatch.Alerts;
using NewsWatch.Classification;

namespace NewsWatch.Cli.Commands;

internal static class ClassifyCommand
{
    public static Command Create()
    {
        var text = new Argument<string?>("text") { Description = "Article text, or - to read it from standard input", Arity = ArgumentArity.ZeroOrOne };
        var jsonl = new Option<string?>("--jsonl") { Description = "A file (or -) of JSON lines {\"id\",\"title\",\"summary\"}: prints one assessment per line" };
        var json = new Option<bool>("--json") { Description = "Print the assessment (the full deal record) as one JSON object" };
        var command = new Command("classify", "Assess text for an arms deal and show the evidence") { text, jsonl, json };
        command.SetAction(async (parse, token) =>
        {
            // Classification needs no storage: the host is built for its options and services, never started.
            using var host = CliHost.Build(LogLevel.Warning);
            var classifier = host.Services.GetRequiredService<DealClassifier>();
            var file = parse.GetValue(jsonl);
            if (file is not null)
            {
                return await ClassifyLinesAsync(classifier, file, token);
            }

            var input = parse.GetValue(text);
            if (input is null or "-")
            {
                input = await Console.In.ReadToEndAsync(token);
            }

            if (string.IsNullOrWhiteSpace(input))
            {
                return await CliHost.Fail("nothing to classify: give the text as an argument, or - to read standard input");
            }

            var assessment = classifier.Classify(null, input);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(ClassifiedArticle.From(null, assessment), CliJsonContext.Default.ClassifiedArticle));
            }
            else
            {
                Print(assessment, input.Trim());
            }

            return 0;
        });
        return command;
    }

    private static async Task<int> ClassifyLinesAsync(DealClassifier classifier, string file, CancellationToken cancellationToken)
    {
        if (file != "-" && !File.Exists(file))
        {
            return await CliHost.Fail($"no such file: {file}");
        }

        using var reader = file == "-" ? new StreamReader(Console.OpenStandardInput()) : new StreamReader(file);
        var lineNumber = 0;
        var failed = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            ArticleInput? article;
            try
            {
                article = JsonSerializer.Deserialize(line, CliJsonContext.Default.ArticleInput);
            }
            catch (JsonException ex)
            {
                article = null;
                await Console.Error.WriteLineAsync($"newswatch: {file}:{lineNumber}: not a JSON object: {ex.Message}");
            }

            if (article is null)
            {
                failed++;
                continue;
            }

            var assessment = classifier.Classify(article.Title, article.Summary);
            Console.WriteLine(JsonSerializer.Serialize(ClassifiedArticle.From(article.Id, assessment), CliJsonContext.Default.ClassifiedArticle));
        }

        // Every good line was printed; a bad one is reported and makes the exit code say so.
        return failed == 0 ? 0 : 1;
    }

    /// <summary>The evidence sentence with every span the classifier read in it marked «like this».</summary>
    internal static string Highlight(DealAssessment assessment, string classified)
    {
        var sentence = assessment.EvidenceSentence!;
        var start = classified.IndexOf(sentence, StringComparison.Ordinal);
        if (start < 0)
        {
            return sentence;
        }

        var spans = assessment.Evidence
            .Where(e => e.Start >= start && e.Start + e.Text.Length <= start + sentence.Length)
            .OrderBy(e => e.Start)
            .ThenByDescending(e => e.Text.Length)
            .ToList();
        var marked = new System.Text.StringBuilder(sentence.Length + (spans.Count * 2));
        var at = start;
        foreach (var span in spans)
        {
            if (span.Start < at)
            {
                continue; // inside a span already marked ("arms" within "arms deliveries")
            }

            marked.Append(classified, at, span.Start - at).Append('«').Append(span.Text).Append('»');
            at = span.Start + span.Text.Length;
        }

        return marked.Append(classified, at, start + sentence.Length - at).ToString();
    }

    private static void Print(DealAssessment assessment, string classified)
    {
        Console.WriteLine($"relevant: {(assessment.Relevant ? "yes" : "no")} (score {assessment.Score.ToString("0.00", CultureInfo.InvariantCulture)})");
        var facts = DealFacts.Line(assessment);
        if (facts.Length > 0)
        {
            Console.WriteLine(facts);
        }

        if (assessment.EvidenceSentence is not null)
        {
            Console.WriteLine($"evidence: \"{Highlight(assessment, classified)}\"");
        }

        foreach (var evidence in assessment.Evidence)
        {
            Console.WriteLine($"  {evidence.Kind,-10} {evidence.Text}");
        }
    }
}
