namespace Migration.Facade.Flags;

/// <summary>Stored state of one slice. <see cref="Version"/> grows by one on every change (optimistic concurrency).</summary>
internal sealed class SliceRow
{
    public required string Name { get; set; }
    public required string State { get; set; }
    public int Percentage { get; set; }
    public long Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}

/// <summary>One flip: who, when, from, to, why. Written in the same transaction as the change.</summary>
internal sealed class AuditRow
{
    public long Id { get; set; }
    public required string Slice { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string FromState { get; set; }
    public int FromPercentage { get; set; }
    public required string ToState { get; set; }
    public int ToPercentage { get; set; }
    public required string Reason { get; set; }
    public long Version { get; set; }

    /// <summary>The operator overrode the data gate for this change.</summary>
    public bool Forced { get; set; }
}

/// <summary>
/// A tester override issued by the control plane. Only the SHA-256 of its value is stored: whoever reads the store
/// (or a backup of it) learns nothing they could send in <c>X-Migration-Side</c>.
/// </summary>
internal sealed class SideOverrideRow
{
    public required string Hash { get; set; }
    public required string Slice { get; set; }
    public required string Side { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public required string IssuedBy { get; set; }
}
