using NewsWatch.Feeds;

namespace NewsWatch.Cli.Runner;

/// <summary>What one local run did, as `newswatch run --once` prints it.</summary>
public sealed class RunSummary
{
    private int _feedsPolled;
    private int _feedsFailed;
    private int _articlesNew;
    private int _articlesAssessed;
    private int _relevant;
    private int _emailsSent;

    public int FeedsPolled => _feedsPolled;

    public int FeedsFailed => _feedsFailed;

    public int ArticlesNew => _articlesNew;

    public int ArticlesAssessed => _articlesAssessed;

    public int Relevant => _relevant;

    public int EmailsSent => _emailsSent;

    public void AddPoll(FeedPollResult poll)
    {
        Interlocked.Increment(ref _feedsPolled);
        if (poll.Outcome == FeedPollOutcome.Failed)
        {
            Interlocked.Increment(ref _feedsFailed);
        }

        Interlocked.Add(ref _articlesNew, poll.NewArticles);
    }

    public void AddAssessment(bool relevant)
    {
        Interlocked.Increment(ref _articlesAssessed);
        if (relevant)
        {
            Interlocked.Increment(ref _relevant);
        }
    }

    public void AddEmails(int count) => Interlocked.Add(ref _emailsSent, count);

    public override string ToString() =>
        $"feeds polled: {FeedsPolled} ({FeedsFailed} failed) · articles new: {ArticlesNew} · assessed: {ArticlesAssessed} · relevant: {Relevant} · emails sent: {EmailsSent}";
}
