namespace NewsWatch.Alerts;

/// <summary>How <see cref="DeliveryLedger.SendOnceAsync"/> ended, when it did not throw.</summary>
public enum DeliveryOutcome
{
    /// <summary>This call sent the email and recorded it.</summary>
    Sent,

    /// <summary>Sent (or refused for good) before: nothing to do.</summary>
    AlreadyDone,

    /// <summary>Another attempt holds a fresh claim on it: look again after the lease.</summary>
    InProgress,
}
