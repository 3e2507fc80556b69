namespace EndToEnd.Tests.Infrastructure;

/// <summary>
/// The methods a sliced route does not serve must not tell the sides apart either: HEAD, OPTIONS and every common method
/// a route does not declare get, through the facade, what the monolith answers called directly at the public address
/// (status, <c>Allow</c>, the headers that tell and the body). A 405 names the methods of the side that wrote it.
/// </summary>
internal static class MethodParity
{
    private static readonly string[] Probed = ["HEAD", "OPTIONS", "GET", "POST", "PUT", "DELETE", "PATCH"];

    /// <summary>
    /// Probes every route of <paramref name="slice"/>, anonymously: a route's declared methods are the flip tests' own
    /// comparisons, and without a user no probe can change anything (staff writes get 401).
    /// </summary>
    public static async Task AssertSameAsMonolithAsync(MigrationSystem system, string slice)
    {
        var routes = SlicedRoute.Shipped(slice);
        Assert.NotEmpty(routes);
        using var viaFacade = system.PublicClient();
        using var monolith = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = new Uri(system.LegacyUrl),
        };
        var publicHost = new Uri(system.PublicUrl).Authority;
        var differences = new List<string>();
        foreach (var route in routes)
        {
            var declared = route.Methods.Count == 0 ? Probed : route.Methods;
            foreach (var method in Probed.Where(m => m is "HEAD" or "OPTIONS" || !declared.Contains(m, StringComparer.OrdinalIgnoreCase)))
            {
                var facade = await ObservedAnswer.DescribeAsync(viaFacade, new HttpRequestMessage(new HttpMethod(method), route.Example));
                var direct = new HttpRequestMessage(new HttpMethod(method), route.Example);
                direct.Headers.Host = publicHost;
                var expected = await ObservedAnswer.DescribeAsync(monolith, direct);
                if (expected != facade)
                {
                    differences.Add($"{method} {route.Example} ({route.Id})\n--- monolith ---\n{expected}\n--- facade ---\n{facade}");
                }
            }
        }
        Assert.True(differences.Count == 0, $"{slice} on the facade differs from the monolith:\n\n{string.Join("\n\n", differences)}");
    }
}
