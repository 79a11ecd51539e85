using System.Net;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace NewsWatch.Email;

public sealed class SendGridEmailSender(ISendGridClient client, IOptions<EmailOptions> options) : IEmailSender
{
    private readonly EmailAddress _from = new(options.Value.From, options.Value.FromName);

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
        Response response;
        try
        {
            response = await client.SendEmailAsync(mail, cancellationToken);
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
            throw new EmailDeliveryException(DeliveryFailure.Unknown, $"SendGrid did not confirm the message to {message.To}: {ex.Message}", ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Body.ReadAsStringAsync(cancellationToken);
        var status = (int)response.StatusCode;
        var failure = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || status >= 500
            ? DeliveryFailure.NotSent
            : DeliveryFailure.Refused;
        throw new EmailDeliveryException(failure, $"SendGrid refused the message to {message.To}: HTTP {status} {body}");
    }
}
