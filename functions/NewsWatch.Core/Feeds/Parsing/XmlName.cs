namespace NewsWatch.Feeds.Parsing;

/// <summary>An element or attribute name as written (prefix:local), split once per document and shared by every element that bears it.</summary>
internal sealed record XmlName(string Text, string Prefix, string Local);
