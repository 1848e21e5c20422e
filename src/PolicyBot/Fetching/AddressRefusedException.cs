namespace PolicyBot.Fetching;

/// <summary>
/// Thrown only inside the connect callback (the one place the socket handler offers no result channel) to say an
/// address was refused; <see cref="HttpFetcher"/> turns it back into a failed <see cref="FetchResult"/>.
/// </summary>
internal sealed class AddressRefusedException(string message) : Exception(message);
