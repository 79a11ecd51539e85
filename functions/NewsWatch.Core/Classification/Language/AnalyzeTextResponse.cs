namespace NewsWatch.Classification.Language;

/// <summary>AnalyzeTextTaskResult: "kind" names the task it answers ("EntityRecognitionResults", "KeyPhraseExtractionResults").</summary>
internal sealed record AnalyzeTextResponse<TDocument>(string Kind, AnalyzeTextResults<TDocument> Results);
