using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using NewsWatch.Subscriptions;
using NewsWatch.Web;

namespace NewsWatch.Functions;

public sealed class ConfirmSubscription(SubscriptionEndpoints endpoints)
{
    [Function(nameof(ConfirmSubscription))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SubscriptionRoutes.Confirm)] HttpRequest request, CancellationToken cancellationToken) =>
        endpoints.ConfirmAsync(request, cancellationToken);
}
