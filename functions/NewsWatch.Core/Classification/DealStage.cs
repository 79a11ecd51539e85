namespace NewsWatch.Classification;

/// <summary>
/// The deal stages a transfer term can report, as the snake_case names that assessments, labels and
/// subscriber filters use.
/// </summary>
public static class DealStage
{
    public const string Rumoured = "rumoured";
    public const string Negotiating = "negotiating";
    public const string Approved = "approved";
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The stage is called signed: a contract was signed.")]
    public const string Signed = "signed";
    public const string Delivering = "delivering";
    public const string Delivered = "delivered";
    public const string Cancelled = "cancelled";
    public const string EmbargoImposed = "embargo_imposed";
    public const string EmbargoLifted = "embargo_lifted";
    public const string LicenceGranted = "licence_granted";
    public const string LicenceDenied = "licence_denied";

    public static IReadOnlyList<string> All { get; } =
    [
        Rumoured, Negotiating, Approved, Signed, Delivering, Delivered, Cancelled,
        EmbargoImposed, EmbargoLifted, LicenceGranted, LicenceDenied,
    ];

    public static bool IsEmbargo(string? stage) => stage is EmbargoImposed or EmbargoLifted;

    /// <summary>
    /// How far along a deal a stage is. When one sentence reports several stages the furthest one wins
    /// ("signed in 2019, delivered last week" is a delivery), and a cancellation outranks them all because
    /// it is the news. Licence decisions sit with approvals: both are government permission steps.
    /// </summary>
    internal static int Rank(string stage) => stage switch
    {
        Rumoured => 1,
        Negotiating => 2,
        Approved or LicenceGranted or LicenceDenied => 3,
        Signed => 4,
        Delivering => 5,
        Delivered => 6,
        Cancelled => 7,
        _ => 0,
    };
}
