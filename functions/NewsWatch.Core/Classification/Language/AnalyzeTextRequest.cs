namespace NewsWatch.Classification.Language;

/// <summary>The body of POST {endpoint}/language/:analyze-text (AnalyzeTextTask in the 2023-04-01 specification).</summary>
/// <param name="Kind">"EntityRecognition" or "KeyPhraseExtraction".</param>
internal sealed record AnalyzeTextRequest(string Kind, AnalyzeTextParameters Parameters, AnalyzeTextInput AnalysisInput);
