using System.Text;
using Microsoft.Extensions.Options;

namespace NewsWatch.Email;

/// <summary>
/// Local mode without a SendGrid key: each message becomes an .eml (open it in any mail client)
/// and an .html (open it in a browser) in the outbox folder.
/// </summary>
public sealed class OutboxEmailSender(IOptions<EmailOptions> options, TimeProvider clock) : IEmailSender
{
    // No byte-order mark: a BOM before "From:" makes mail clients misread the first header.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(options.Value.OutboxPath);
        var now = clock.GetUtcNow();
        var name = message.DeliveryId is { } id ? Sanitize(message.To) + "-" + Sanitize(id) : $"{now:yyyyMMdd-HHmmss}-{Sanitize(message.To)}-{Guid.NewGuid().ToString("N")[..8]}";
        if (message.DeliveryId is not null && File.Exists(Path.Combine(folder, name + ".eml")))
        {
            return; // written by an attempt that stopped before the ledger heard of it
        }

        try
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".html"), message.HtmlBody, Utf8, cancellationToken);
            // The .eml last, through a rename: its presence means the whole mail was written.
            var eml = Path.Combine(folder, name + ".eml");
            await File.WriteAllTextAsync(eml + ".tmp", ToMime(message, now), Utf8, cancellationToken);
            File.Move(eml + ".tmp", eml, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EmailDeliveryException(DeliveryFailure.NotSent, $"could not write to the outbox {folder}: {ex.Message}", ex);
        }
    }

    private string ToMime(EmailMessage message, DateTimeOffset now)
    {
        var boundary = "newswatch-" + Guid.NewGuid().ToString("N");
        var from = options.Value;
        return new StringBuilder()
            .Append("From: ").Append(EncodeWord(from.FromName)).Append(" <").Append(from.From).Append(">\r\n")
            .Append("To: <").Append(message.To).Append(">\r\n")
            .Append("Subject: ").Append(EncodeWord(message.Subject)).Append("\r\n")
            .Append("Date: ").Append(now.ToString("r", System.Globalization.CultureInfo.InvariantCulture)).Append("\r\n")
            .Append(string.Concat(message.Headers.Select(header =>
            {
                EmailMessage.CheckHeader(header.Key, header.Value);
                return header.Key + ": " + header.Value + "\r\n";
            })))
            .Append("MIME-Version: 1.0\r\n")
            .Append("Content-Type: multipart/alternative; boundary=\"").Append(boundary).Append("\"\r\n\r\n")
            .Append(Part(boundary, "text/plain", message.TextBody))
            .Append(Part(boundary, "text/html", message.HtmlBody))
            .Append("--").Append(boundary).Append("--\r\n")
            .ToString();
    }

    private static string Part(string boundary, string type, string body) =>
        $"--{boundary}\r\nContent-Type: {type}; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + Convert.ToBase64String(Encoding.UTF8.GetBytes(body), Base64FormattingOptions.InsertLineBreaks) + "\r\n";

    // RFC 2047, so headlines with arrows and accents survive.
    private static string EncodeWord(string text) =>
        text.All(char.IsAscii) ? text : $"=?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(text))}?=";

    private static string Sanitize(string text) =>
        new(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_').ToArray());
}
