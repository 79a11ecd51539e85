namespace NewsWatch.Feeds.Parsing;

/// <summary>An attribute with its namespace resolved ("" when it has no prefix).</summary>
internal sealed record XmlAttr(string Prefix, string LocalName, string Namespace, string Value);
