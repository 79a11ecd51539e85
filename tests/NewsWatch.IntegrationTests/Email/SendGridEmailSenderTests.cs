using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Hosting;
using NewsWatch.Email;
using NewsWatch.IntegrationTests.Infrastructure;

namespace NewsWatch.IntegrationTests.Email;

/// <summary>The real SendGrid client and our sender against the fake SendGrid: which answers are retried, after how long, and which are final.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SendGridEmailSenderTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly EmailMessage Message = new("desk@example.org", "[NewsWatch] Russia → Pakistan: Mi-35 (negotiating)", "<p>html</p>", "text");

    private FakeSendGrid _sendGrid = null!;
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        _sendGrid = new FakeSendGrid();
        await _sendGrid.StartAsync();
        _host = await PipelineHost.StartAsync(azurite.ConnectionString, _sendGrid.BaseUrl, new Dictionary<string, string?>
        {
            ["NewsWatch:SendGrid:RetryBaseDelay"] = "00:00:00.050",
            ["NewsWatch:SendGrid:MaxRetryDelay"] = "00:00:05",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _sendGrid.DisposeAsync();
    }

    [Fact]
    public async Task Send_TooManyRequestsWithRetryAfter_WaitsThatLongThenSendsOnce()
    {
        _sendGrid.NextAnswers.Enqueue((429, new() { ["Retry-After"] = "1" }));

        var clock = Stopwatch.StartNew();
        await _host.Get<IEmailSender>().SendAsync(Message, default);

        Assert.Equal(2, _sendGrid.Requests);
        Assert.Single(_sendGrid.Mails);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95), $"retried after {clock.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task Send_TooManyRequestsWithRateLimitReset_WaitsForTheResetThenSendsOnce()
    {
        var reset = DateTimeOffset.UtcNow.AddSeconds(2).ToUnixTimeSeconds();
        _sendGrid.NextAnswers.Enqueue((429, new() { ["X-RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture), ["X-RateLimit-Remaining"] = "0" }));

        await _host.Get<IEmailSender>().SendAsync(Message, default);

        Assert.True(DateTimeOffset.UtcNow.ToUnixTimeSeconds() >= reset - 1, "retried before the rate limit's reset");
        Assert.Equal(2, _sendGrid.Requests);
        Assert.Single(_sendGrid.Mails);
    }

    [Fact]
    public async Task Send_TooManyRequestsAndServerErrorsWithoutHeaders_BacksOffAndSendsOnce()
    {
        _sendGrid.NextAnswers.Enqueue((429, []));
        _sendGrid.NextAnswers.Enqueue((500, []));
        _sendGrid.NextAnswers.Enqueue((503, []));

        await _host.Get<IEmailSender>().SendAsync(Message, default);

        Assert.Equal(4, _sendGrid.Requests);
        Assert.Single(_sendGrid.Mails);
    }

    [Fact]
    public async Task Send_ServerErrorEveryTime_NotSentAfterFourAttempts()
    {
        for (var i = 0; i < 6; i++)
        {
            _sendGrid.NextAnswers.Enqueue((500, []));
        }

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => _host.Get<IEmailSender>().SendAsync(Message, default));

        Assert.Equal(DeliveryFailure.NotSent, error.Failure);
        Assert.Contains("after 4 attempt(s): HTTP 500", error.Message);
        Assert.Equal(4, _sendGrid.Requests);
        Assert.Empty(_sendGrid.Mails);
    }

    [Fact]
    public async Task Send_RateLimitResettingInAnHour_GivenBackAtOnce()
    {
        _sendGrid.NextAnswers.Enqueue((429, new() { ["Retry-After"] = "3600" }));

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => _host.Get<IEmailSender>().SendAsync(Message, default));

        Assert.Equal(DeliveryFailure.NotSent, error.Failure);
        Assert.Equal(1, _sendGrid.Requests);
    }

    [Fact]
    public async Task Send_BadRequest_RefusedAtOnceWithSendGridsErrorText()
    {
        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => _host.Get<IEmailSender>().SendAsync(Message with { To = "not-an-address" }, default));

        Assert.Equal(DeliveryFailure.Refused, error.Failure);
        Assert.Contains("HTTP 400", error.Message);
        Assert.Contains("personalizations", error.Message);
        Assert.Equal(1, _sendGrid.Requests);
    }
}
