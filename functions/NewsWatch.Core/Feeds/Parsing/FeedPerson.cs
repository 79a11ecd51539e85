namespace NewsWatch.Feeds;

/// <summary>An author or creator; RSS writes "email (Name)", Atom and JSON Feed give the parts.</summary>
public sealed record FeedPerson(string? Name, string? Email);
