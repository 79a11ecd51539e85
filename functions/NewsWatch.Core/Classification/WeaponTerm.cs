namespace NewsWatch.Classification;

/// <param name="Name">Canonical name ("Mi-35") for a named system, the generic noun for a category term.</param>
/// <param name="Category">A <see cref="WeaponCategory"/> slug.</param>
/// <param name="Origin">Country whose industry makes the system, when known: a supplier fallback.</param>
/// <param name="IsNamed">True for a named system or designation, false for a generic noun ("helicopters").</param>
internal sealed record WeaponTerm(string Name, string Category, string? Origin, bool IsNamed);
