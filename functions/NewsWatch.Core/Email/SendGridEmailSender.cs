using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace NewsWatch.Email;

public sealed class SendGridEmailSender(ISendGridClient client, IOptions<EmailOptions> options) : IEmailSender
{
    private readonly EmailAddress _from = new(options.Value.From, options.Value.FromName);

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var mail = MailHelper.CreateSingleEmail(_from, new EmailAddress(message.To), message.Subject, message.TextBody, message.HtmlBody);
        Response response;
        try
        {
            response = await client.SendEmailAsync(mail, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new EmailDeliveryException($"SendGrid could not be reached: {ex.Message}", ex);
        }

        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Body.ReadAsStringAsync(cancellationToken);
            throw new EmailDeliveryException($"SendGrid refused the message to {message.To}: HTTP {(int)response.StatusCode} {body}");
        }
    }
}
