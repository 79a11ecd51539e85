namespace NewsWatch.Conformance;

internal enum PyTokenKind
{
    Name,
    String,
    Number,
    Op,
    End,
}

internal sealed record PyToken(PyTokenKind Kind, string Text, object? Value = null);
