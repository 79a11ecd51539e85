using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace NewsWatch.Classification.Language;

/// <summary>
/// Sends the resource key as Ocp-Apim-Subscription-Key on every try (Azure.Core's own key policy is
/// internal to Azure SDK packages). Reads the credential each time, so <see cref="AzureKeyCredential.Update"/>
/// rotates the key without a new client.
/// </summary>
internal sealed class SubscriptionKeyPolicy(AzureKeyCredential credential) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Request.Headers.SetValue(LanguageClient.KeyHeader, credential.Key);
    }
}
