using NewsWatch.Classification.Language;

namespace NewsWatch.UnitTests.Classification.Language;

public sealed class CallBudgetTests
{
    [Fact]
    public void TryTake_EveryArticleACandidate_AtMostFiftyCallsPerThousandArticlesPlusTheBurst()
    {
        var budget = new CallBudget(callsPerThousand: 50);
        var calls = 0;

        for (var article = 0; article < 10_000; article++)
        {
            budget.RecordArticle();
            calls += budget.TryTake(1) ? 1 : 0;
        }

        Assert.Equal(2 + 500, calls);
    }

    [Fact]
    public void TryTake_LongQuietSpell_BanksNoMoreThanOneThousandArticlesWorth()
    {
        var budget = new CallBudget(callsPerThousand: 50);
        for (var article = 0; article < 100_000; article++)
        {
            budget.RecordArticle();
        }

        var calls = 0;
        while (budget.TryTake(1))
        {
            calls++;
        }

        Assert.Equal(50, calls);
    }

    [Fact]
    public void TryTake_TwoCallsWithOneLeft_SpendsNothing()
    {
        var budget = new CallBudget(callsPerThousand: 1000, burst: 1);

        Assert.False(budget.TryTake(2));
        Assert.True(budget.TryTake(1));
    }

    [Fact]
    public void TryTake_ZeroBudget_NeverAllowsACall()
    {
        var budget = new CallBudget(callsPerThousand: 0);
        budget.RecordArticle();

        Assert.False(budget.TryTake(1));
    }
}
