using NewsWatch.Alerts;

namespace NewsWatch.UnitTests.Alerts;

public sealed class SimHashTests
{
    [Theory]
    [InlineData("Russia to sell Mi-35 helicopters to Pakistan, officials say. Russia and Pakistan are negotiating over the sale of Mi-35 attack helicopters.",
        "Russia to sell Mi-35 helicopters to Pakistan, officials said. Russia and Pakistan are negotiating over the sale of Mi-35 attack helicopters.")]
    [InlineData("India signs deal to buy 26 Rafale Marine jets from France, the defence ministry said on Tuesday in New Delhi.",
        "INDIA SIGNS DEAL TO BUY 26 RAFALE MARINE JETS FROM FRANCE — the defence ministry said on Tuesday in New Delhi")]
    public void Distance_NearDuplicateText_WithinTheSameTextDistance(string a, string b)
    {
        Assert.InRange(SimHash.Distance(SimHash.Of(a), SimHash.Of(b)), 0, SimHash.SameTextDistance);
    }

    [Theory]
    [InlineData("Russia to sell Mi-35 helicopters to Pakistan, officials say.", "Navy commissions new frigate in Karachi after sea trials.")]
    [InlineData("India signs deal to buy 26 Rafale Marine jets from France.", "China will deliver 36 J-10C fighter jets to Pakistan under a deal signed last year.")]
    public void Distance_UnrelatedText_FarApart(string a, string b)
    {
        Assert.True(SimHash.Distance(SimHash.Of(a), SimHash.Of(b)) > SimHash.SameTextDistance * 2);
    }
}
