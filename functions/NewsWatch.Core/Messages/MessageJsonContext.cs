using System.Text.Json;
using System.Text.Json.Serialization;
using NewsWatch.Classification;

namespace NewsWatch.Messages;

[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(FeedDue))]
[JsonSerializable(typeof(ArticleDiscovered))]
[JsonSerializable(typeof(DealAlert))]
[JsonSerializable(typeof(DealAssessment))]
public sealed partial class MessageJsonContext : JsonSerializerContext;
