using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using NewsWatch.Subscriptions;
using NewsWatch.Web;

namespace NewsWatch.Functions;

public sealed class Preferences(SubscriptionEndpoints endpoints)
{
    [Function(nameof(Preferences))]
    public Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = SubscriptionRoutes.Preferences)] HttpRequest request, CancellationToken cancellationToken) =>
        endpoints.PreferencesAsync(request, cancellationToken);
}
