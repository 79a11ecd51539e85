using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace NewsWatch.Email;

/// <summary>
/// Sends through SendGrid's mail/send, one message per subscriber. 429 and 5xx answers are retried here, a few
/// times, after the wait SendGrid asks for (X-RateLimit-Reset, Retry-After) or else a doubling one with jitter;
/// other refusals (400, 401, 403, 413) are final and reported with SendGrid's own error text.
/// </summary>
public sealed class SendGridEmailSender(ISendGridClient client, IOptions<EmailOptions> options, IOptions<SendGridOptions> sendGrid, TimeProvider clock) : IEmailSender
{
    private readonly EmailAddress _from = new(options.Value.From, options.Value.FromName);
    private readonly SendGridOptions _options = sendGrid.Value;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var mail = MailHelper.CreateSingleEmail(_from, new EmailAddress(message.To), message.Subject, message.TextBody, message.HtmlBody);
        if (message.Categories.Count > 0)
        {
            mail.AddCategories([.. message.Categories]);
        }

        if (message.CustomArgs.Count > 0)
        {
            mail.AddCustomArgs(new Dictionary<string, string>(message.CustomArgs));
        }

        foreach (var (name, value) in message.Headers)
        {
            EmailMessage.CheckHeader(name, value);
            mail.AddHeader(name, value);
        }

        for (var attempt = 1; ; attempt++)
        {
            var response = await PostAsync(mail, message.To, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            var status = (int)response.StatusCode;
            var body = await response.Body.ReadAsStringAsync(cancellationToken);
            var retryable = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || status >= 500;
            if (!retryable)
            {
                throw new EmailDeliveryException(DeliveryFailure.Refused, $"SendGrid refused the message to {message.To}: HTTP {status} {body}");
            }

            var wait = RetryDelay(response, attempt);
            if (attempt >= _options.MaxAttempts || wait > _options.MaxRetryDelay)
            {
                // Not accepted: the queue's retry of the alert sends it later (the ledger skips those already sent).
                throw new EmailDeliveryException(DeliveryFailure.NotSent, $"SendGrid did not take the message to {message.To} after {attempt} attempt(s): HTTP {status} {body}");
            }

            await Task.Delay(wait, clock, cancellationToken);
        }
    }

    private async Task<Response> PostAsync(SendGridMessage mail, string to, CancellationToken cancellationToken)
    {
        try
        {
            return await client.SendEmailAsync(mail, cancellationToken);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError)
        {
            throw new EmailDeliveryException(DeliveryFailure.NotSent, $"SendGrid could not be reached: {ex.Message}", ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw new EmailDeliveryException(DeliveryFailure.NotSent, "SendGrid is failing; calls are paused", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or IOException)
        {
            // The request may have reached SendGrid before the connection or the clock ran out.
            throw new EmailDeliveryException(DeliveryFailure.Unknown, $"SendGrid did not confirm the message to {to}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// How long to wait before the next attempt: until X-RateLimit-Reset (Unix seconds) when SendGrid sends it, else
    /// Retry-After, else the base delay doubled per attempt; then up to a fifth more, so that many workers do not come back at once.
    /// </summary>
    private TimeSpan RetryDelay(Response response, int attempt)
    {
        var now = clock.GetUtcNow();
        TimeSpan wait;
        if (response.Headers?.TryGetValues("X-RateLimit-Reset", out var resets) == true &&
            long.TryParse(resets.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var reset))
        {
            wait = DateTimeOffset.FromUnixTimeSeconds(reset) - now;
        }
        else if (response.Headers?.RetryAfter is { } retryAfter)
        {
            wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - now : TimeSpan.Zero);
        }
        else
        {
            wait = _options.RetryBaseDelay * Math.Pow(2, attempt - 1);
        }

        wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        return wait + (Math.Max(wait.TotalMilliseconds, _options.RetryBaseDelay.TotalMilliseconds) * 0.2 * Random.Shared.NextDouble() * TimeSpan.FromMilliseconds(1));
    }
}
