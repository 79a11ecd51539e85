namespace NewsWatch.Feeds.Parsing;

/// <summary>Character data with entities already decoded; CDATA is kept apart because it is never markup.</summary>
internal sealed class XmlTextNode(string text, bool isCData) : XmlNodeBase
{
    public string Text { get; } = text;

    public bool IsCData { get; } = isCData;
}
