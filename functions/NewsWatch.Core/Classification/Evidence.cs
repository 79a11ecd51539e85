namespace NewsWatch.Classification;

/// <param name="Kind">Which signal this span supports: system, transfer, supplier, recipient, party, value, negative.</param>
/// <param name="Text">The span as it appears in the article.</param>
public sealed record Evidence(string Kind, string Text);
