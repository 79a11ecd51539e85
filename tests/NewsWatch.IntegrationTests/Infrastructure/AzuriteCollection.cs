namespace NewsWatch.IntegrationTests.Infrastructure;

/// <summary>Tests that use storage share one Azurite and run one after another (each resets it).</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
