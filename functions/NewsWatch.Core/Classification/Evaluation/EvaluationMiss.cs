namespace NewsWatch.Classification.Evaluation;

/// <summary>One item the classifier got wrong: which way, and what it saw, so a reader can tell a rule gap from a label call.</summary>
public sealed record EvaluationMiss(string Id, string Kind, string? Category, string Expected, string Got, string? Text);
