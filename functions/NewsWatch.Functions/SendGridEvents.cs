using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using NewsWatch.Subscriptions;
using NewsWatch.Web;

namespace NewsWatch.Functions;

public sealed class SendGridEvents(SubscriptionEndpoints endpoints)
{
    [Function(nameof(SendGridEvents))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = SubscriptionRoutes.SendGridEvents)] HttpRequest request, CancellationToken cancellationToken) =>
        endpoints.SendGridEventsAsync(request, cancellationToken);
}
