using System.Text.Json.Serialization;

namespace NewsWatch.Classification.Evaluation;

/// <summary>Reads labelled lines without reflection; unknown fields (url, source, licence…) are ignored.</summary>
[JsonSerializable(typeof(LabelledArticle))]
public sealed partial class LabelledArticleJsonContext : JsonSerializerContext;
