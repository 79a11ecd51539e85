namespace NewsWatch.Classification;

/// <param name="Name">The system as named in the text's canonical form, e.g. "Mi-35".</param>
/// <param name="Category">A <see cref="WeaponCategory"/> slug, e.g. "aircraft".</param>
/// <param name="Quantity">How many, when the text says.</param>
public sealed record WeaponSystemMention(string Name, string Category, int? Quantity);
