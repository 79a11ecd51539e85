using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace NewsWatch.Classification.Language;

/// <summary>
/// A small typed client for Azure AI Language's synchronous <c>POST {endpoint}/language/:analyze-text</c>
/// (api-version 2023-04-01), on Azure.Core's <see cref="HttpPipeline"/>: key (Ocp-Apim-Subscription-Key) or
/// Entra ID bearer token, <see cref="LanguageRetryPolicy"/> for 429/5xx, Azure.Core's logging and tracing.
/// It keeps within the service's limits for the caller: at most <see cref="LanguageClientOptions.MaxDocumentsPerBatch"/>
/// documents per request, and a document over <see cref="LanguageClientOptions.MaxTextElements"/> text elements is sent
/// in parts whose results are merged back (entity offsets shifted to the whole text). Offsets are requested as
/// UTF-16 code units, so they index .NET strings directly. An error status throws <see cref="RequestFailedException"/>;
/// a body that does not match the specification throws <see cref="JsonException"/>.
/// </summary>
public sealed class LanguageClient : ILanguageAnalyzer
{
    public const string ApiVersion = "2023-04-01";
    public const string KeyHeader = "Ocp-Apim-Subscription-Key";
    public const string Scope = "https://cognitiveservices.azure.com/.default";

    private const string ModelVersion = "latest";
    private const string StringIndexType = "Utf16CodeUnit";

    private readonly HttpPipeline _pipeline;
    private readonly Uri _analyzeText;
    private readonly int _maxDocuments;
    private readonly int _maxTextElements;

    public LanguageClient(Uri endpoint, AzureKeyCredential credential, LanguageClientOptions? options = null)
        : this(endpoint, new SubscriptionKeyPolicy(credential ?? throw new ArgumentNullException(nameof(credential))), options)
    {
    }

    public LanguageClient(Uri endpoint, TokenCredential credential, LanguageClientOptions? options = null)
        : this(endpoint, new BearerTokenAuthenticationPolicy(credential ?? throw new ArgumentNullException(nameof(credential)), Scope), options)
    {
    }

    private LanguageClient(Uri endpoint, HttpPipelinePolicy authentication, LanguageClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri)
        {
            throw new ArgumentException("The Language endpoint must be an absolute URL.", nameof(endpoint));
        }

        options ??= new LanguageClientOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDocumentsPerBatch, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxTextElements, 1, nameof(options));
        _maxDocuments = options.MaxDocumentsPerBatch;
        _maxTextElements = options.MaxTextElements;
        // Replaces Azure.Core's default retry policy on these options (ClientOptions.Retry is not used).
        options.RetryPolicy = new LanguageRetryPolicy(options.MaxRetries, options.MaxRetryDelay, options.TimeProvider);
        _pipeline = HttpPipelineBuilder.Build(options, [], [authentication], responseClassifier: null);
        _analyzeText = new Uri($"{endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/')}/language/:analyze-text?api-version={ApiVersion}");
    }

    public async Task<LanguageResults<EntityRecognitionResult>> RecognizeEntitiesAsync(IReadOnlyList<LanguageDocument> documents, CancellationToken cancellationToken)
    {
        var analysis = await AnalyzeAsync(
            documents, "EntityRecognition", "EntityRecognitionResults", new AnalyzeTextParameters(ModelVersion, StringIndexType),
            LanguageJsonContext.Default.EntitiesResponse, d => d.Id, cancellationToken);
        var results = new List<EntityRecognitionResult>();
        foreach (var (document, parts) in analysis.Answered(documents))
        {
            var entities = parts.SelectMany(p => p.Result.Entities.Select(e =>
                new LanguageEntity(e.Text, e.Category, e.Subcategory, e.Offset + p.Part.Start, e.Length, e.ConfidenceScore)));
            results.Add(new EntityRecognitionResult(document.Id, [.. entities], [.. parts.SelectMany(p => Warnings(p.Result.Warnings))]));
        }

        return new LanguageResults<EntityRecognitionResult>(results, analysis.Errors(documents), analysis.ModelVersion);
    }

    public async Task<LanguageResults<KeyPhraseResult>> ExtractKeyPhrasesAsync(IReadOnlyList<LanguageDocument> documents, CancellationToken cancellationToken)
    {
        // KeyPhraseTaskParameters has no stringIndexType: key phrases carry no offsets.
        var analysis = await AnalyzeAsync(
            documents, "KeyPhraseExtraction", "KeyPhraseExtractionResults", new AnalyzeTextParameters(ModelVersion, null),
            LanguageJsonContext.Default.KeyPhrasesResponse, d => d.Id, cancellationToken);
        var results = new List<KeyPhraseResult>();
        foreach (var (document, parts) in analysis.Answered(documents))
        {
            var phrases = parts.SelectMany(p => p.Result.KeyPhrases).Distinct(StringComparer.Ordinal);
            results.Add(new KeyPhraseResult(document.Id, [.. phrases], [.. parts.SelectMany(p => Warnings(p.Result.Warnings))]));
        }

        return new LanguageResults<KeyPhraseResult>(results, analysis.Errors(documents), analysis.ModelVersion);
    }

    private static IEnumerable<LanguageWarning> Warnings(IReadOnlyList<AnalyzeTextWarning> warnings) =>
        warnings.Select(w => new LanguageWarning(w.Code, w.Message));

    private async Task<Analysis<TWire>> AnalyzeAsync<TWire>(
        IReadOnlyList<LanguageDocument> documents,
        string kind,
        string resultKind,
        AnalyzeTextParameters parameters,
        JsonTypeInfo<AnalyzeTextResponse<TWire>> responseType,
        Func<TWire, string> idOf,
        CancellationToken cancellationToken)
    {
        var parts = Plan(documents);
        var byWireId = parts.ToDictionary(p => p.WireId, StringComparer.Ordinal);
        var analysis = new Analysis<TWire>();
        foreach (var batch in parts.Chunk(_maxDocuments))
        {
            var request = new AnalyzeTextRequest(kind, parameters, new AnalyzeTextInput([.. batch.Select(p => new AnalyzeTextDocument(p.WireId, p.Text, p.Language))]));
            var response = await SendAsync(request, responseType, resultKind, cancellationToken);
            analysis.ModelVersion = analysis.ModelVersion.Length == 0 ? response.Results.ModelVersion : analysis.ModelVersion;
            foreach (var result in response.Results.Documents)
            {
                analysis.Results.Add((Find(byWireId, idOf(result)), result));
            }

            foreach (var error in response.Results.Errors)
            {
                analysis.Failures.Add((Find(byWireId, error.Id), error.Error));
            }
        }

        return analysis;
    }

    private static DocumentPart Find(Dictionary<string, DocumentPart> parts, string id) =>
        parts.TryGetValue(id, out var part) ? part : throw new JsonException($"Language answered for a document id that was not sent: '{id}'.");

    /// <summary>One wire document per input document, or several ("id#1", "id#2"…) for a text over the limit.</summary>
    private List<DocumentPart> Plan(IReadOnlyList<LanguageDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            ArgumentNullException.ThrowIfNull(document);
            ArgumentNullException.ThrowIfNull(document.Text);
            if (string.IsNullOrEmpty(document.Id) || !ids.Add(document.Id))
            {
                throw new ArgumentException($"Document ids must be non-empty and unique ('{document.Id}').", nameof(documents));
            }
        }

        var parts = new List<DocumentPart>();
        for (var index = 0; index < documents.Count; index++)
        {
            var document = documents[index];
            var ranges = TextElements.Split(document.Text, _maxTextElements);
            for (var n = 0; n < ranges.Count; n++)
            {
                var (start, length) = ranges[n];
                var wireId = ranges.Count == 1 ? document.Id : $"{document.Id}#{n + 1}";
                if (ranges.Count > 1 && ids.Contains(wireId))
                {
                    throw new ArgumentException($"Document id '{wireId}' is also the id of a part of the long document '{document.Id}'.", nameof(documents));
                }

                parts.Add(new DocumentPart(wireId, index, start, ranges.Count == 1 ? document.Text : document.Text.Substring(start, length), document.Language));
            }
        }

        return parts;
    }

    private async Task<AnalyzeTextResponse<TWire>> SendAsync<TWire>(
        AnalyzeTextRequest body, JsonTypeInfo<AnalyzeTextResponse<TWire>> responseType, string resultKind, CancellationToken cancellationToken)
    {
        using var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(_analyzeText);
        request.Headers.Add("Content-Type", "application/json");
        request.Headers.Add("Accept", "application/json");
        request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(body, LanguageJsonContext.Default.AnalyzeTextRequest));
        await _pipeline.SendAsync(message, cancellationToken);

        var response = message.Response;
        if (response.IsError)
        {
            throw new RequestFailedException(response);
        }

        var parsed = JsonSerializer.Deserialize(response.Content.ToMemory().Span, responseType)
            ?? throw new JsonException("Language answered null.");
        if (!string.Equals(parsed.Kind, resultKind, StringComparison.Ordinal))
        {
            throw new JsonException($"Language answered '{parsed.Kind}' to a {body.Kind} request (expected '{resultKind}').");
        }

        return parsed;
    }

    private sealed record DocumentPart(string WireId, int DocumentIndex, int Start, string Text, string? Language);

    /// <summary>The answers of every request of one call, by part.</summary>
    private sealed class Analysis<TWire>
    {
        public List<(DocumentPart Part, TWire Result)> Results { get; } = [];

        public List<(DocumentPart Part, AnalyzeTextError Error)> Failures { get; } = [];

        public string ModelVersion { get; set; } = "";

        /// <summary>Each document with at least one answered part, in input order, with its parts in text order.</summary>
        public IEnumerable<(LanguageDocument Document, List<(DocumentPart Part, TWire Result)> Parts)> Answered(IReadOnlyList<LanguageDocument> documents)
        {
            var byDocument = Results.GroupBy(r => r.Part.DocumentIndex).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Part.Start).ToList());
            for (var index = 0; index < documents.Count; index++)
            {
                if (byDocument.TryGetValue(index, out var parts))
                {
                    yield return (documents[index], parts);
                }
            }
        }

        /// <summary>One error per document that had a part refused (its other parts' results are still returned).</summary>
        public List<LanguageDocumentError> Errors(IReadOnlyList<LanguageDocument> documents) =>
        [
            .. Failures
                .GroupBy(f => f.Part.DocumentIndex)
                .OrderBy(g => g.Key)
                .Select(g => new LanguageDocumentError(documents[g.Key].Id, g.First().Error.Code, g.First().Error.Message)),
        ];
    }
}
