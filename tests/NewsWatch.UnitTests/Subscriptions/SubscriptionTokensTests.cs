using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsWatch.Subscriptions;

namespace NewsWatch.UnitTests.Subscriptions;

public sealed class SubscriptionTokensTests
{
    private const string Key = "a-signing-key-of-at-least-thirty-two-characters";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(TokenAction.Confirm)]
    [InlineData(TokenAction.Preferences)]
    [InlineData(TokenAction.Unsubscribe)]
    public void Check_TokenJustMade_ValidForItsSubscriber(TokenAction action)
    {
        var tokens = Tokens(Key);

        var check = tokens.Check(tokens.Create("3f9a0c", action), action);

        Assert.Equal(new TokenCheck(TokenVerdict.Valid, "3f9a0c"), check);
    }

    [Fact]
    public void Check_ConfirmTokenAfter48Hours_Expired()
    {
        var tokens = Tokens(Key);
        var token = tokens.Create("3f9a0c", TokenAction.Confirm);

        _clock.Advance(TimeSpan.FromHours(47.9));
        var before = tokens.Check(token, TokenAction.Confirm);
        _clock.Advance(TimeSpan.FromHours(0.1));
        var after = tokens.Check(token, TokenAction.Confirm);

        Assert.Equal(TokenVerdict.Valid, before.Verdict);
        Assert.Equal(TokenVerdict.Expired, after.Verdict);
    }

    [Fact]
    public void Check_UnsubscribeTokenYearsLater_StillValid()
    {
        var tokens = Tokens(Key);
        var token = tokens.Create("3f9a0c", TokenAction.Unsubscribe);

        _clock.Advance(TimeSpan.FromDays(3 * 365));

        Assert.True(tokens.Check(token, TokenAction.Unsubscribe).Valid);
    }

    [Fact]
    public void Check_UnsubscribeTokenUsedToConfirm_WrongAction()
    {
        var tokens = Tokens(Key);

        var check = tokens.Check(tokens.Create("3f9a0c", TokenAction.Unsubscribe), TokenAction.Confirm);

        Assert.Equal(TokenVerdict.WrongAction, check.Verdict);
    }

    [Fact]
    public void Check_SignedWithAnotherKey_Forged()
    {
        var token = Tokens("another-signing-key-of-thirty-two-characters-or-more").Create("3f9a0c", TokenAction.Unsubscribe);

        Assert.Equal(TokenVerdict.Forged, Tokens(Key).Check(token, TokenAction.Unsubscribe).Verdict);
    }

    [Fact]
    public void Check_PayloadChangedToAnotherSubscriber_Forged()
    {
        var tokens = Tokens(Key);
        var genuine = tokens.Create("3f9a0c", TokenAction.Unsubscribe).Split('.');
        var other = tokens.Create("77aa01", TokenAction.Unsubscribe).Split('.');

        // Someone else's payload under this signature, and every single-character change of the signature.
        Assert.Equal(TokenVerdict.Forged, tokens.Check(other[0] + "." + genuine[1], TokenAction.Unsubscribe).Verdict);
        for (var i = 0; i < genuine[1].Length; i++)
        {
            var altered = genuine[1].ToCharArray();
            altered[i] = altered[i] == 'A' ? 'B' : 'A';
            Assert.NotEqual(TokenVerdict.Valid, tokens.Check(genuine[0] + "." + new string(altered), TokenAction.Unsubscribe).Verdict);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData("a.b.c")]
    [InlineData("not base64!.xx")]
    [InlineData(".")]
    public void Check_NotAToken_Malformed(string? token)
    {
        Assert.Equal(TokenVerdict.Malformed, Tokens(Key).Check(token, TokenAction.Unsubscribe).Verdict);
    }

    [Fact]
    public void Create_NoKeyConfigured_EachProcessSignsWithItsOwn()
    {
        var first = Tokens(null);
        var second = Tokens(null);

        var token = first.Create("3f9a0c", TokenAction.Unsubscribe);

        Assert.True(first.EphemeralKey);
        Assert.True(first.Check(token, TokenAction.Unsubscribe).Valid);
        Assert.Equal(TokenVerdict.Forged, second.Check(token, TokenAction.Unsubscribe).Verdict);
    }

    private SubscriptionTokens Tokens(string? key) =>
        new(Options.Create(new SubscriptionsOptions { TokenSigningKey = key }), _clock);
}
