namespace NewsWatch.Conformance;

/// <summary>
/// A feedparser-shaped dictionary over our model. <see cref="Modelled"/> lists the keys NewsWatch
/// has an equivalent for: reading one that is absent fails the expectation; reading any other key
/// leaves the expectation out, with the key as the reason.
/// </summary>
internal sealed class ModelDict(string scope, IEnumerable<string> modelled)
{
    public string Scope { get; } = scope;

    public HashSet<string> Modelled { get; } = [.. modelled];

    public Dictionary<string, object?> Values { get; } = [];

    public void Set(string key, object? value)
    {
        if (value is not null)
        {
            Values[key] = value;
        }
    }

    public object? this[string key] => Values.TryGetValue(key, out var value)
        ? value
        : Modelled.Contains(key) ? throw new PyKeyError(key) : throw new LeftOutException($"{Scope}.{key}");

    public bool Has(string key) => Values.ContainsKey(key) || (Modelled.Contains(key) ? false : throw new LeftOutException($"{Scope}.{key}"));
}
