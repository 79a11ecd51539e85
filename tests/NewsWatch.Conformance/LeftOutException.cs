namespace NewsWatch.Conformance;

/// <summary>The expectation reads something the NewsWatch model does not have; it is counted as left out, with the reason.</summary>
internal sealed class LeftOutException(string reason) : Exception(reason);
