using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NewsWatch.Subscriptions;

namespace NewsWatch.Web;

/// <summary>The endpoints on an ASP.NET Core host (the local runner), at the routes and methods the function app's triggers declare.</summary>
public static class SubscriptionEndpointRoutes
{
    public static IEndpointRouteBuilder MapSubscriptionEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/" + SubscriptionRoutes.Prefix);
        api.MapMethods(SubscriptionRoutes.Subscribe, [HttpMethods.Get, HttpMethods.Post], (HttpRequest request, SubscriptionEndpoints endpoints, CancellationToken ct) => endpoints.SubscribeAsync(request, ct));
        api.MapGet(SubscriptionRoutes.Confirm, (HttpRequest request, SubscriptionEndpoints endpoints, CancellationToken ct) => endpoints.ConfirmAsync(request, ct));
        api.MapMethods(SubscriptionRoutes.Preferences, [HttpMethods.Get, HttpMethods.Post], (HttpRequest request, SubscriptionEndpoints endpoints, CancellationToken ct) => endpoints.PreferencesAsync(request, ct));
        api.MapMethods(SubscriptionRoutes.Unsubscribe, [HttpMethods.Get, HttpMethods.Post], (HttpRequest request, SubscriptionEndpoints endpoints, CancellationToken ct) => endpoints.UnsubscribeAsync(request, ct));
        api.MapPost(SubscriptionRoutes.SendGridEvents, (HttpRequest request, SubscriptionEndpoints endpoints, CancellationToken ct) => endpoints.SendGridEventsAsync(request, ct));
        return app;
    }
}
