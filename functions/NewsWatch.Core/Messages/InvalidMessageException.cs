namespace NewsWatch.Messages;

/// <summary>
/// A queue message that no retry can fix. It is still thrown, not swallowed, so the message
/// reaches the poison queue with this reason in the log.
/// </summary>
public sealed class InvalidMessageException(string message, Exception? inner = null) : Exception(message, inner);
