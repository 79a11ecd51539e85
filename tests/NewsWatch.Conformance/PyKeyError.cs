namespace NewsWatch.Conformance;

/// <summary>A field we model but that is absent in our result: the expectation is not met (Python would raise KeyError).</summary>
internal sealed class PyKeyError(string key) : Exception(key);
