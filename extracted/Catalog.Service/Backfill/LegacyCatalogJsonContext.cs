using System.Text.Json;
using System.Text.Json.Serialization;
using Legacy.Store.Contracts;
using Migration.Messaging.Applied;

namespace Catalog.Service.Backfill;

/// <summary>
/// Source-generated JSON for the Refit client: Refit 16 builds generated clients without runtime
/// reflection, and the monolith speaks web-default (camelCase) JSON.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<ProductSnapshot>))]
[JsonSerializable(typeof(List<CategorySnapshot>))]
[JsonSerializable(typeof(List<ChangeMark>))]
internal sealed partial class LegacyCatalogJsonContext : JsonSerializerContext;
