using Azure;

namespace NewsWatch.Alerts;

/// <summary>This attempt's hold on one delivery; the ETag makes releasing it race-free.</summary>
public sealed record DeliveryClaim(DeliveryKey Key, string Email, ETag ETag);
