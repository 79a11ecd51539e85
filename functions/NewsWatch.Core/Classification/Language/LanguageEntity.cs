namespace NewsWatch.Classification.Language;

/// <summary>A named entity Language recognised.</summary>
/// <param name="Text">The entity as it appears in the document.</param>
/// <param name="Category">Person, PersonType, Location, Organization, Event, Product, Skill, Quantity…</param>
/// <param name="Subcategory">E.g. GPE (a geopolitical entity) for a Location; null when there is none.</param>
/// <param name="Offset">Start in the document's text, in UTF-16 code units (a .NET string index).</param>
/// <param name="Length">Length in UTF-16 code units.</param>
/// <param name="ConfidenceScore">Between 0 and 1.</param>
public sealed record LanguageEntity(string Text, string Category, string? Subcategory, int Offset, int Length, double ConfidenceScore);
