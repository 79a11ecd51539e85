using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using NewsWatch.Subscriptions;
using NewsWatch.Web;

namespace NewsWatch.Functions;

public sealed class Unsubscribe(SubscriptionEndpoints endpoints)
{
    [Function(nameof(Unsubscribe))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = SubscriptionRoutes.Unsubscribe)] HttpRequest request, CancellationToken cancellationToken) =>
        endpoints.UnsubscribeAsync(request, cancellationToken);
}
