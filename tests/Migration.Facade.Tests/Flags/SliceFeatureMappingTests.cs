using Microsoft.Extensions.DependencyInjection;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;
using Migration.Facade.Contracts;
using Migration.Facade.Flags;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Flags;

/// <summary>The flag store's states as Microsoft.FeatureManagement sees them through the definition provider.</summary>
public sealed class SliceFeatureMappingTests
{
    private readonly SliceSnapshotHolder _snapshots = new();
    private readonly ServiceProvider _services;

    public SliceFeatureMappingTests() => _services = DecisionStack.Build(_snapshots);

    private IVariantFeatureManager Features => _services.GetRequiredService<IVariantFeatureManager>();

    private void Publish(string state, int percentage = 0) =>
        _snapshots.Publish(new SliceSnapshot([new SliceState("catalog-read", state, percentage, 2, DateTimeOffset.UnixEpoch, "t")]));

    private static TargetingContext User(string id) => new() { UserId = id };

    [Fact]
    public async Task Legacy_is_disabled_and_extracted_is_enabled()
    {
        Publish(SliceStates.Legacy);
        Assert.False(await Features.IsEnabledAsync("slice:catalog-read"));

        Publish(SliceStates.Extracted);
        Assert.True(await Features.IsEnabledAsync("slice:catalog-read"));
    }

    [Fact]
    public async Task The_provider_follows_each_new_snapshot_without_caching()
    {
        foreach (var (state, expected) in new[] { (SliceStates.Extracted, true), (SliceStates.Legacy, false), (SliceStates.Extracted, true) })
        {
            Publish(state);
            Assert.Equal(expected, await _services.FeatureManagementSendsToExtractedAsync("catalog-read", "u"));
        }
    }

    [Fact]
    public async Task An_unknown_slice_is_disabled()
    {
        Publish(SliceStates.Extracted);
        Assert.False(await Features.IsEnabledAsync("slice:other"));
    }

    [Fact]
    public async Task Every_slice_is_a_feature()
    {
        _snapshots.Publish(new SliceSnapshot([
            SliceState.Initial("a"), SliceState.Initial("b") with { State = SliceStates.Extracted, Percentage = 100 }]));

        var names = new List<string>();
        await foreach (var name in Features.GetFeatureNamesAsync())
        {
            names.Add(name);
        }
        Assert.Equal(["slice:a", "slice:b"], names.Order());
    }

    [Fact]
    public async Task Shadow_keeps_users_on_legacy()
    {
        Publish(SliceStates.Shadow);

        Assert.False(await Features.IsEnabledAsync("slice:catalog-read", User("u1"), default));
        Assert.Null(await Features.GetVariantAsync("slice:catalog-read", User("u1"), default));
    }

    [Fact]
    public async Task Canary_sends_a_sticky_share_of_users_to_extracted()
    {
        Publish(SliceStates.Canary, 30);
        var users = Enumerable.Range(0, 2000).Select(i => $"user-{i}").ToArray();

        var first = new List<bool>();
        foreach (var user in users)
        {
            first.Add(await Features.IsEnabledAsync("slice:catalog-read", User(user), default));
        }
        var again = new List<bool>();
        foreach (var user in users)
        {
            again.Add(await Features.IsEnabledAsync("slice:catalog-read", User(user), default));
        }

        Assert.Equal(first, again);
        Assert.InRange(first.Count(e => e) / (double)users.Length, 0.25, 0.35);
    }

    [Fact]
    public async Task Raising_a_canary_keeps_every_extracted_user_there()
    {
        var users = Enumerable.Range(0, 1000).Select(i => $"user-{i}").ToArray();
        Publish(SliceStates.Canary, 10);
        var atTen = new HashSet<string>();
        foreach (var user in users)
        {
            if (await Features.IsEnabledAsync("slice:catalog-read", User(user), default))
            {
                atTen.Add(user);
            }
        }

        Publish(SliceStates.Canary, 40);
        foreach (var user in atTen)
        {
            Assert.True(await Features.IsEnabledAsync("slice:catalog-read", User(user), default));
        }
        Assert.NotEmpty(atTen);
    }
}
