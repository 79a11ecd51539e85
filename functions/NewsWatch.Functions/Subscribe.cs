using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using NewsWatch.Subscriptions;
using NewsWatch.Web;

namespace NewsWatch.Functions;

public sealed class Subscribe(SubscriptionEndpoints endpoints)
{
    [Function(nameof(Subscribe))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = SubscriptionRoutes.Subscribe)] HttpRequest request, CancellationToken cancellationToken) =>
        endpoints.SubscribeAsync(request, cancellationToken);
}
