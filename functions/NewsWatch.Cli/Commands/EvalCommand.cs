using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsWatch.Classification;
using NewsWatch.Classification.Evaluation;

namespace NewsWatch.Cli.Commands;

/// <summary>`newswatch eval FILE.jsonl`: the classifier measured against a labelled set, with every miss.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Labelled JSON lines (id, title, summary, label, category, supplier, recipient, weapon_system, stage), or - for standard input" };
        var json = new Option<bool>("--json") { Description = "Print the whole report as one JSON object" };
        var command = new Command("eval", "Measure the classifier on a labelled set: precision, recall, F1, fact accuracy, misses") { file, json };
        command.SetAction(async (parse, token) =>
        {
            var path = parse.GetValue(file)!;
            if (path != "-" && !File.Exists(path))
            {
                return await CliHost.Fail($"no such file: {path}");
            }

            using var host = CliHost.Build(LogLevel.Warning);
            var (items, errors) = DevSetEvaluator.Read(path == "-" ? Console.In : new StreamReader(path));
            foreach (var error in errors)
            {
                await Console.Error.WriteLineAsync($"newswatch: {path}: {error}");
            }

            if (items.Count == 0)
            {
                return await CliHost.Fail($"{path} holds no labelled items");
            }

            var evaluator = new DevSetEvaluator(host.Services.GetRequiredService<DealClassifier>(), Lexicon.Default);
            var report = evaluator.Evaluate(items, errors.Count);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(report, CliJsonContext.Default.EvaluationReport));
            }
            else
            {
                Console.Write(EvaluationText.Format(report));
            }

            // Every good line was scored; a bad one was reported and makes the exit code say so.
            return errors.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
