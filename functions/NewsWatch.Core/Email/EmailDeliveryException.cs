namespace NewsWatch.Email;

public sealed class EmailDeliveryException(string message, Exception? inner = null) : Exception(message, inner);
