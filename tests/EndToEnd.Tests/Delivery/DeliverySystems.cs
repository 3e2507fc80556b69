using EndToEnd.Tests.Infrastructure;

namespace EndToEnd.Tests.Delivery;

/// <summary>A system of its own for tests that break Catalog.Service, with an SLO on catalog-read.</summary>
public sealed class GuardedSystem : MigrationSystem
{
    // Every request opens the file afresh, so a damaged database shows at once instead of hiding behind cached pages.
    protected override string CatalogConnectionOptions => ";Pooling=False";

    protected override IEnumerable<string> ExtraFacadeArguments =>
    [
        "--Slices:catalog-read:Slo:MaxErrorRate=0.05",
        "--Slices:catalog-read:Slo:MinRequests=10",
        "--Slices:catalog-read:Slo:Window=00:00:15",
        "--Slo:EvaluationInterval=00:00:00.500",
    ];
}

[CollectionDefinition(Name)]
public sealed class GuardedSystemCollection : ICollectionFixture<GuardedSystem>
{
    public const string Name = "guarded system";
}

/// <summary>A system of its own for shadow and canary tests, which change slice state and prices.</summary>
public sealed class DeliverySystem : MigrationSystem
{
    protected override IEnumerable<string> ExtraFacadeArguments =>
    [
        "--Slices:catalog-read:Shadow:IgnoredJsonPaths:0=$.description",
        // A loaded CI machine may take seconds to answer a cold request; a skipped mirror would prove nothing.
        "--Slices:catalog-read:Shadow:Timeout=00:00:30",
    ];
}

[CollectionDefinition(Name)]
public sealed class DeliverySystemCollection : ICollectionFixture<DeliverySystem>
{
    public const string Name = "delivery system";
}

/// <summary>A system of its own for data verify tests: they plant mismatches, which the data gate then remembers.</summary>
public sealed class DataSystem : MigrationSystem;

[CollectionDefinition(Name)]
public sealed class DataSystemCollection : ICollectionFixture<DataSystem>
{
    public const string Name = "data system";
}
