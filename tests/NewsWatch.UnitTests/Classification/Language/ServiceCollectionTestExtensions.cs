using Microsoft.Extensions.DependencyInjection;

namespace NewsWatch.UnitTests.Classification.Language;

internal static class ServiceCollectionTestExtensions
{
    public static IServiceCollection Apply(this IServiceCollection services, Action<IServiceCollection> configure)
    {
        configure(services);
        return services;
    }
}
