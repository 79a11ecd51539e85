using NewsWatch.Classification.Language;

namespace NewsWatch.UnitTests.Classification.Language;

/// <summary>Answers with fixed entities and key phrases, or throws; records what it was sent.</summary>
internal sealed class FakeLanguageAnalyzer : ILanguageAnalyzer
{
    public List<LanguageEntity> Entities { get; } = [];

    public List<string> KeyPhrases { get; } = [];

    public Exception? Failure { get; set; }

    /// <summary>When set, entity recognition waits on the caller's token (to test the deadline) and signals here first.</summary>
    public TaskCompletionSource? Hang { get; set; }

    public List<LanguageDocument> EntityRequests { get; } = [];

    public List<LanguageDocument> KeyPhraseRequests { get; } = [];

    public int Calls => EntityRequests.Count + KeyPhraseRequests.Count;

    public async Task<LanguageResults<EntityRecognitionResult>> RecognizeEntitiesAsync(IReadOnlyList<LanguageDocument> documents, CancellationToken cancellationToken)
    {
        EntityRequests.AddRange(documents);
        if (Hang is not null)
        {
            Hang.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }

        if (Failure is not null)
        {
            throw Failure;
        }

        return new LanguageResults<EntityRecognitionResult>([.. documents.Select(d => new EntityRecognitionResult(d.Id, Entities, []))], [], "fake");
    }

    public Task<LanguageResults<KeyPhraseResult>> ExtractKeyPhrasesAsync(IReadOnlyList<LanguageDocument> documents, CancellationToken cancellationToken)
    {
        KeyPhraseRequests.AddRange(documents);
        return Failure is not null
            ? Task.FromException<LanguageResults<KeyPhraseResult>>(Failure)
            : Task.FromResult(new LanguageResults<KeyPhraseResult>([.. documents.Select(d => new KeyPhraseResult(d.Id, KeyPhrases, []))], [], "fake"));
    }
}
