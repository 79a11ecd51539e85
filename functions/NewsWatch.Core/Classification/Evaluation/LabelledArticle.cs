using System.Text.Json.Serialization;

namespace NewsWatch.Classification.Evaluation;

/// <summary>
/// One line of a labelled set (../shared/data/news-dev.jsonl): the text, the label, and for relevant items
/// the facts a reader would take from it. Free-text facts ("EADS (France/Germany/Spain)", "Denmark; United States")
/// are read by <see cref="GoldFacts"/>.
/// </summary>
public sealed record LabelledArticle(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("summary")] string? Summary,
    [property: JsonPropertyName("label")] string? Label,
    [property: JsonPropertyName("category")] string? Category,
    [property: JsonPropertyName("supplier")] string? Supplier,
    [property: JsonPropertyName("recipient")] string? Recipient,
    [property: JsonPropertyName("weapon_system")] string? WeaponSystem,
    [property: JsonPropertyName("stage")] string? Stage)
{
    public const string RelevantLabel = "relevant";

    public const string NotRelevantLabel = "not_relevant";

    public bool IsRelevant => Label == RelevantLabel;
}
