namespace NewsWatch.Feeds.Parsing;

/// <summary>An attribute with its namespace resolved ("" when it has no prefix); a struct, kept in its element's array rather than as an object of its own.</summary>
internal readonly record struct XmlAttr(string Prefix, string LocalName, string Namespace, string Value);
