using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using PolicyBot.Polling;

namespace PolicyBot.Fetching;

/// <summary>
/// Makes conditional GETs of sources: validators out, 304 in; manual redirects; a whole-fetch timeout; a body cap
/// applied after decompression; global and per-host concurrency limits; and the private-address rule enforced both on
/// every URL and at connect time (so DNS answers and redirects cannot route around it). Failures are results.
/// Caller cancellation is the one thing that surfaces as an exception (<see cref="OperationCanceledException"/>).
/// </summary>
public sealed partial class HttpFetcher : IDisposable
{
    /// <summary>Feeds first, then XML, then HTML, then anything.</summary>
    public const string AcceptHeader =
        "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
        + "application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, application/xhtml+xml;q=0.8, */*;q=0.5";

    private readonly PollingOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<HttpFetcher> logger;
    private readonly AddressPolicy addressPolicy;
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> resolve;
    private readonly FetchThrottle throttle;
    private readonly HttpMessageInvoker client;

    /// <summary>Creates the fetcher (one per process: it owns the connection pool and the concurrency limits).</summary>
    public HttpFetcher(IOptions<PollingOptions> options, TimeProvider timeProvider, ILogger<HttpFetcher> logger)
        : this(options, timeProvider, logger, resolve: null)
    {
    }

    /// <summary>Test seam: <paramref name="resolve"/> replaces DNS (host name → addresses) at connect time.</summary>
    internal HttpFetcher(
        IOptions<PollingOptions> options,
        TimeProvider timeProvider,
        ILogger<HttpFetcher> logger,
        Func<string, CancellationToken, Task<IPAddress[]>>? resolve)
    {
        this.options = options.Value;
        this.timeProvider = timeProvider;
        this.logger = logger;
        this.resolve = resolve ?? Dns.GetHostAddressesAsync;
        addressPolicy = new AddressPolicy(this.options);
        throttle = new FetchThrottle(this.options.Concurrency, this.options.PerHostConcurrency, (scope, host) => Log.WaitingForSlot(logger, scope, host));
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            UseProxy = false, // a proxy would connect on our behalf and bypass the connect-time address check
            UseCookies = false,
            ConnectTimeout = this.options.Timeout,
            ConnectCallback = ConnectAsync,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        };
        client = new HttpMessageInvoker(handler, disposeHandler: true);
    }

    /// <summary>Fetches <paramref name="request"/>'s URL, following redirects. Never throws except on cancellation.</summary>
    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var hop = new Hop(request.Url);
        var invalid = UrlPolicy.Validate(request.Url) ?? addressPolicy.CheckHost(request.Url.IdnHost);
        if (invalid is not null)
        {
            return Fail(request, hop.Url, null, invalid);
        }

        using var globalSlot = await throttle.EnterGlobalAsync(HostKey(hop.Url), cancellationToken).ConfigureAwait(false);
        hop.HostSlot = await throttle.EnterHostAsync(HostKey(hop.Url), cancellationToken).ConfigureAwait(false);
        try
        {
            using var timeout = new CancellationTokenSource(options.Timeout, timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                return await FollowAsync(request, hop, linked.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException or InvalidDataException)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var error = timeout.IsCancellationRequested
                    ? $"timed out after {options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s"
                    : DescribeFailure(ex, hop.Url.IdnHost);
                return Fail(request, hop.Url, null, error);
            }
        }
        finally
        {
            hop.HostSlot?.Dispose();
        }
    }

    /// <summary>Closes pooled connections.</summary>
    public void Dispose() => client.Dispose();

    private async Task<FetchResult> FollowAsync(FetchRequest request, Hop hop, CancellationToken cancellationToken)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal) { hop.Url.AbsoluteUri };
        for (var redirects = 0; ; redirects++)
        {
            Log.Requesting(logger, UrlPolicy.Redact(hop.Url));
            using var message = CreateRequest(request, hop.Url);
            using var response = await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            var status = response.StatusCode;
            if (status is not (HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
                or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect))
            {
                return await CompleteAsync(request, hop.Url, response, cancellationToken).ConfigureAwait(false);
            }

            if (response.Headers.Location is not { } location)
            {
                return Fail(request, hop.Url, status, $"{StatusText(response)} without a Location header");
            }

            var target = location.IsAbsoluteUri ? location : new Uri(hop.Url, location);
            var refusal = UrlPolicy.Validate(target) ?? addressPolicy.CheckHost(target.IdnHost);
            if (refusal is not null)
            {
                return Fail(request, hop.Url, status, $"{refusal}; redirected from {UrlPolicy.Redact(hop.Url)}");
            }

            if (!visited.Add(target.AbsoluteUri))
            {
                return Fail(request, hop.Url, status, $"redirect loop: {UrlPolicy.Redact(target)} was already visited");
            }

            if (redirects >= options.MaxRedirects)
            {
                return Fail(request, hop.Url, status, $"too many redirects (more than {options.MaxRedirects})");
            }

            if (!string.Equals(HostKey(target), HostKey(hop.Url), StringComparison.Ordinal))
            {
                hop.HostSlot?.Dispose();
                hop.HostSlot = null;
                hop.HostSlot = await throttle.EnterHostAsync(HostKey(target), cancellationToken).ConfigureAwait(false);
            }

            hop.Url = target;
        }
    }

    private async Task<FetchResult> CompleteAsync(FetchRequest request, Uri url, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        var contentType = ContentHeader(response, "Content-Type");
        if (status == HttpStatusCode.NotModified)
        {
            Log.NotModified(logger, UrlPolicy.Redact(url));
            return new FetchResult(FetchOutcome.NotModified, url, status, [], contentType,
                Header(response, "ETag") ?? request.ETag, ContentHeader(response, "Last-Modified") ?? request.LastModified, null, null);
        }

        if (!response.IsSuccessStatusCode)
        {
            var retryAfter = status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable ? RetryAfter(response) : null;
            return Fail(request, url, status, StatusText(response)) with { ContentType = contentType, RetryAfter = retryAfter };
        }

        var (body, error) = await ResponseBodyReader.ReadAsync(response.Content, options.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Fail(request, url, status, error!) with { ContentType = contentType };
        }

        Log.Fetched(logger, UrlPolicy.Redact(url), (int)status, body.Length);
        return new FetchResult(FetchOutcome.Fetched, url, status, body, contentType,
            Header(response, "ETag"), ContentHeader(response, "Last-Modified"), null, null);
    }

    private HttpRequestMessage CreateRequest(FetchRequest request, Uri url)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, url);
        var headers = message.Headers;
        headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        headers.TryAddWithoutValidation("Accept", AcceptHeader);
        if (!string.IsNullOrWhiteSpace(request.ETag))
        {
            headers.TryAddWithoutValidation("If-None-Match", request.ETag);
        }

        if (!string.IsNullOrWhiteSpace(request.LastModified))
        {
            headers.TryAddWithoutValidation("If-Modified-Since", request.LastModified);
        }

        return message;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
        { Date: { } date } => date - timeProvider.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private FetchResult Fail(FetchRequest request, Uri url, HttpStatusCode? status, string error)
    {
        Log.Failed(logger, UrlPolicy.Redact(url), error);
        // Validators are carried forward so a failed check never makes the next one unconditional.
        return new FetchResult(FetchOutcome.Failed, url, status, [], null, request.ETag, request.LastModified, null, error);
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        IPAddress[] candidates;
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            candidates = [literal]; // literal hosts are judged without DNS
        }
        else
        {
            if (addressPolicy.CheckHost(host) is { } nameRefusal)
            {
                throw new AddressRefusedException(nameRefusal);
            }

            candidates = await resolve(host, cancellationToken).ConfigureAwait(false);
        }

        var allowed = addressPolicy.SelectAllowed(host, candidates, out var refusal);
        if (allowed.Count == 0)
        {
            throw new AddressRefusedException(refusal ?? $"refused: {host} resolved to no usable address");
        }

        SocketException? lastError = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                lastError = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw lastError!;
    }

    private static string DescribeFailure(Exception ex, string host)
    {
        for (var inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is AddressRefusedException refused)
            {
                return refused.Message;
            }
        }

        var text = ex switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => $"could not resolve {host}",
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } e => $"could not connect: {e.Message}",
            HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } e => $"TLS failed: {e.InnerException?.Message ?? e.Message}",
            HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } => "the connection closed before the response was complete",
            HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse } e => $"the server sent an invalid HTTP response: {e.Message}",
            HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded } => "the connection closed before the body was complete",
            HttpRequestException e => e.Message,
            InvalidDataException e => $"the body could not be decompressed: {e.Message}",
            IOException e => $"the connection failed while reading the body: {e.Message}",
            _ => ex.Message,
        };
        return UrlCredentials().Replace(text, "//").ReplaceLineEndings(" ");
    }

    private static string StatusText(HttpResponseMessage response)
    {
        var code = (int)response.StatusCode;
        var phrase = ReasonPhrases.GetReasonPhrase(code);
        if (phrase.Length == 0)
        {
            // Unknown code: the server's own phrase, trimmed to something printable and short.
            phrase = new string((response.ReasonPhrase ?? "").Where(c => !char.IsControl(c)).Take(60).ToArray()).Trim();
        }

        return phrase.Length == 0 ? $"HTTP {code}" : $"HTTP {code} {phrase}";
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.NonValidated.TryGetValues(name, out var values) ? FirstOrNull(values) : null;

    private static string? ContentHeader(HttpResponseMessage response, string name) =>
        response.Content.Headers.NonValidated.TryGetValues(name, out var values) ? FirstOrNull(values) : null;

    private static string? FirstOrNull(System.Net.Http.Headers.HeaderStringValues values)
    {
        foreach (var value in values)
        {
            return string.IsNullOrWhiteSpace(value) ? null : value;
        }

        return null;
    }

    private static string HostKey(Uri url) => url.IdnHost.ToLowerInvariant();

    [GeneratedRegex(@"//[^/@\s]*@")]
    private static partial Regex UrlCredentials();

    /// <summary>Where a fetch currently is along its redirect chain, and the host slot it holds there.</summary>
    private sealed class Hop(Uri url)
    {
        public Uri Url { get; set; } = url;

        public FetchThrottle.Slot? HostSlot { get; set; }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Debug, Message = "Waiting for a free {Scope} fetch slot for {Host}")]
        public static partial void WaitingForSlot(ILogger logger, string scope, string host);

        [LoggerMessage(Level = LogLevel.Debug, Message = "Requesting {Url}")]
        public static partial void Requesting(ILogger logger, string url);

        [LoggerMessage(Level = LogLevel.Debug, Message = "Fetched {Url}: HTTP {Status}, {Bytes} bytes")]
        public static partial void Fetched(ILogger logger, string url, int status, int bytes);

        [LoggerMessage(Level = LogLevel.Debug, Message = "Not modified: {Url}")]
        public static partial void NotModified(ILogger logger, string url);

        [LoggerMessage(Level = LogLevel.Information, Message = "Fetch of {Url} failed: {Error}")]
        public static partial void Failed(ILogger logger, string url, string error);
    }
}
