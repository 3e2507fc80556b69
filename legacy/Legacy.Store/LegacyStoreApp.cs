namespace Legacy.Store;

/// <summary>
/// Public marker of the monolith's assembly, for <c>WebApplicationFactory&lt;LegacyStoreApp&gt;</c>: each host in
/// the toolkit has its own marker so that several of them can share one test project.
/// (Not static: a static class cannot be a type argument.)
/// </summary>
public sealed class LegacyStoreApp
{
    private LegacyStoreApp()
    {
    }
}
