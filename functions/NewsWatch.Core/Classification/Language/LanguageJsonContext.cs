using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsWatch.Classification.Language;

/// <summary>
/// Source-generated serializers for the analyze-text wire types. Requests leave out null members (an
/// optional field not sent); responses must carry every member the specification marks required, so a
/// renamed or missing field is an error rather than an empty result. Unknown members are allowed: the
/// service adds fields (statistics, newer properties) without a version change.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(AnalyzeTextRequest))]
[JsonSerializable(typeof(AnalyzeTextResponse<AnalyzeTextEntitiesDocument>), TypeInfoPropertyName = "EntitiesResponse")]
[JsonSerializable(typeof(AnalyzeTextResponse<AnalyzeTextKeyPhrasesDocument>), TypeInfoPropertyName = "KeyPhrasesResponse")]
internal sealed partial class LanguageJsonContext : JsonSerializerContext;
