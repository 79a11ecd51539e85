namespace NewsWatch.Feeds.Parsing;

/// <summary>A node of the lenient document tree: an element or a run of text.</summary>
internal abstract class XmlNodeBase;
