using Azure;

namespace NewsWatch.Alerts;

/// <summary>This attempt's hold on one (article, subscriber) delivery; the ETag makes releasing it race-free.</summary>
public sealed record DeliveryClaim(string ArticleId, string Email, ETag ETag);
