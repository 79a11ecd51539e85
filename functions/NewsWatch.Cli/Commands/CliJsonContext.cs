using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsWatch.Cli.Commands;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ClassifiedArticle))]
[JsonSerializable(typeof(ArticleInput))]
[JsonSerializable(typeof(NewsWatch.Classification.Evaluation.EvaluationReport))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
