namespace NewsWatch.Email;

/// <summary>The mail seam: SendGrid in Azure and in tests (against a fake server), an outbox folder locally.</summary>
public interface IEmailSender
{
    /// <exception cref="EmailDeliveryException">The message was not accepted; retrying may help.</exception>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
