namespace NewsWatch.Conformance;

/// <summary>A request <see cref="ExampleServer"/> received.</summary>
internal sealed record Recorded(string Method, Uri Url, IReadOnlyDictionary<string, string> Headers, string Body);
