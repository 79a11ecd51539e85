namespace NewsWatch.Alerts;

/// <summary>Another attempt holds a live claim on this delivery; the message is retried later.</summary>
public sealed class DeliveryInProgressException(string message) : Exception(message);
