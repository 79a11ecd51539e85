using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using NewsWatch.Storage;

namespace NewsWatch.Cli.Runner;

/// <summary>
/// A queue trigger as the Functions host runs one, for local runs without Core Tools: batches
/// of up to batchSize in parallel; a failed message becomes visible again after
/// visibilityTimeout; after maxDequeueCount failed tries it moves to "&lt;queue&gt;-poison".
/// </summary>
public sealed partial class QueuePump
{
    private readonly string _queueName;
    private readonly QueueClient _queue;
    private readonly QueueClient _poison;
    private readonly QueueHostSettings _settings;
    private readonly Func<string, CancellationToken, Task> _handler;
    private readonly ILogger _logger;

    public QueuePump(StorageAccount storage, string queueName, QueueHostSettings settings, Func<string, CancellationToken, Task> handler, ILogger logger)
    {
        _queueName = queueName;
        _queue = storage.ConsumerQueue(queueName, MoveUndecodableToPoisonAsync);
        _poison = storage.Queue(StorageNames.PoisonQueueOf(queueName));
        _settings = settings;
        _handler = handler;
        _logger = logger;
    }

    /// <summary>Processes one batch; returns how many messages it received.</summary>
    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        var batch = await _queue.ReceiveMessagesAsync(_settings.BatchSize, _settings.ProcessingLease, cancellationToken);
        await Task.WhenAll(batch.Value.Select(message => ProcessAsync(message, cancellationToken)));
        return batch.Value.Length;
    }

    /// <summary>Runs until cancelled, polling with the host's exponential back-off up to maxPollingInterval.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (await ProcessBatchAsync(cancellationToken) > 0)
                {
                    delay = TimeSpan.FromMilliseconds(100);
                    continue;
                }
            }
            catch (Azure.RequestFailedException ex)
            {
                // Storage itself failed (Azurite restarting, say): the host keeps listening, and so do we.
                LogStorageFailed(_queueName, ex.Message, ex);
            }

            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _settings.MaxPollingInterval.Ticks));
        }
    }

    /// <summary>Messages still on the queue, visible or not (waiting for a retry).</summary>
    public async Task<int> PendingAsync(CancellationToken cancellationToken) =>
        (await _queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;

    private async Task ProcessAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await _handler(message.MessageText, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // This is the host's job, not the function's: failures are never swallowed, they
            // decide between a retry and the poison queue.
            if (message.DequeueCount >= _settings.MaxDequeueCount)
            {
                LogPoisoned(_queueName, message.MessageId, message.DequeueCount, ex.Message, ex);
                await _poison.SendMessageAsync(message.MessageText, cancellationToken);
                await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
            }
            else
            {
                LogRetry(_queueName, message.MessageId, message.DequeueCount, _settings.MaxDequeueCount, ex.Message, ex);
                await _queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: _settings.VisibilityTimeout, cancellationToken: cancellationToken);
            }

            return;
        }

        await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
    }

    private async Task MoveUndecodableToPoisonAsync(QueueMessageDecodingFailedEventArgs args)
    {
        var message = args.ReceivedMessage;
        if (message is null)
        {
            return;
        }

        LogUndecodable(_queueName, message.MessageId);
        // The raw body goes to the poison queue as it was, so nothing is lost.
        await _poison.SendMessageAsync(message.Body, cancellationToken: args.CancellationToken);
        await args.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, args.CancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Queue} message {MessageId} failed (try {DequeueCount} of {MaxDequeueCount}), retrying: {Reason}")]
    private partial void LogRetry(string queue, string messageId, long dequeueCount, int maxDequeueCount, string reason, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Queue} message {MessageId} failed {DequeueCount} times and moved to the poison queue: {Reason}")]
    private partial void LogPoisoned(string queue, string messageId, long dequeueCount, string reason, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Queue}: storage failed, trying again: {Reason}")]
    private partial void LogStorageFailed(string queue, string reason, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Queue} message {MessageId} is not base64 and moved to the poison queue")]
    private partial void LogUndecodable(string queue, string messageId);
}
