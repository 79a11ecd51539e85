using NewsWatch.Feeds;

namespace NewsWatch.Conformance;

/// <summary>Python's ==, in and [] over the evaluator's values (string, long, bool, null, lists, dicts, model dicts).</summary>
internal static class PyValues
{
    public static bool Equal(object? ours, object? expected) => (ours, expected) switch
    {
        (null, null) => true,
        (string a, string b) => TextEqual(a, b),
        (long a, long b) => a == b,
        (bool a, bool b) => a == b,
        (List<object?> a, List<object?> b) => a.Count == b.Count && a.Zip(b).All(p => Equal(p.First, p.Second)),
        (ModelDict a, Dictionary<string, object?> b) => b.All(kv => Equal(a[kv.Key], kv.Value)),
        (Dictionary<string, object?> a, ModelDict b) => Equal(b, a),
        (ModelDict a, ModelDict b) => ReferenceEquals(a, b),
        (ModelDict a, _) => Equal(a.Values.GetValueOrDefault("value"), expected) && a.Modelled.Contains("value"),
        _ => false,
    };

    /// <summary>
    /// Strings match when equal, when they read the same once markup is reduced to text (NewsWatch keeps
    /// the feed's HTML and reads its text; feedparser rewrites the markup), or when both are the same URL.
    /// </summary>
    public static bool TextEqual(string ours, string expected)
    {
        if (ours == expected)
        {
            return true;
        }

        // Our titles are already plain text and our HTML fields are markup: compare every reading.
        var ourText = HtmlText.ToPlainText(ours);
        var expectedText = HtmlText.ToPlainText(expected);
        if (ourText == expectedText || ours == expectedText || ourText == expected.Trim())
        {
            return true;
        }

        return Uri.TryCreate(ours, UriKind.Absolute, out var a) && Uri.TryCreate(expected, UriKind.Absolute, out var b) && a == b;
    }

    public static bool Contains(object? container, object? item) => container switch
    {
        ModelDict d when item is string key => d.Has(key),
        Dictionary<string, object?> d when item is string key => d.ContainsKey(key),
        List<object?> list => list.Exists(x => Equal(x, item)),
        string s when item is string part => s.Contains(part, StringComparison.Ordinal),
        _ => throw new LeftOutException("'in' over " + container?.GetType().Name),
    };

    public static object? Index(object? value, object? key) => (value, key) switch
    {
        (ModelDict d, string k) => d[k],
        (Dictionary<string, object?> d, string k) => d.TryGetValue(k, out var v) ? v : throw new PyKeyError(k),
        (List<object?> list, long i) => i >= 0 && i < list.Count ? list[(int)i] : i < 0 && -i <= list.Count ? list[list.Count + (int)i] : throw new PyKeyError($"[{i}]"),
        (string s, long i) => i >= 0 && i < s.Length ? s[(int)i].ToString() : throw new PyKeyError($"[{i}]"),
        _ => throw new LeftOutException($"index {key} of {value?.GetType().Name ?? "None"}"),
    };

    public static object? Get(object? value, List<object?> arguments)
    {
        var key = arguments.Count > 0 ? arguments[0] as string : null;
        if (key is null)
        {
            throw new LeftOutException("get() without a key");
        }

        var fallback = arguments.Count > 1 ? arguments[1] : null;
        return value switch
        {
            ModelDict d => d.Has(key) ? d[key] : fallback,
            Dictionary<string, object?> d => d.GetValueOrDefault(key, fallback),
            _ => throw new LeftOutException("get() on " + value?.GetType().Name),
        };
    }
}
