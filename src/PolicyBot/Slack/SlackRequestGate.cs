using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using PolicyBot.Chat;

namespace PolicyBot.Slack;

/// <summary>
/// The door every HTTP request from Slack passes: a body no larger than <see cref="SlackOptions.MaxBodyBytes"/>
/// (413), a valid v0 signature within 300 seconds (401), and not a replay of a request already accepted (401;
/// signatures are remembered in memory, bounded, for 10 minutes). Nothing is parsed or acted on before this passes.
/// </summary>
public sealed partial class SlackRequestGate
{
    private readonly SlackSignatureVerifier verifier;
    private readonly RecentIdSet accepted;
    private readonly int maxBodyBytes;
    private readonly ILogger<SlackRequestGate> logger;

    public SlackRequestGate(IOptions<SlackOptions> options, TimeProvider timeProvider, ILogger<SlackRequestGate> logger)
    {
        verifier = new SlackSignatureVerifier(options.Value.SigningSecret ?? "", timeProvider);
        accepted = new RecentIdSet(50_000, 2 * SlackSignatureVerifier.Window, timeProvider);
        maxBodyBytes = options.Value.MaxBodyBytes;
        this.logger = logger;
    }

    /// <summary>The verified raw body, or the status to answer with (and nothing else done).</summary>
    public async Task<(byte[]? Body, int Status)> ReadAsync(HttpRequest request, bool allowSslCheck, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBodyBytes)
        {
            Log.Rejected(logger, request.Path, "body too large");
            return (null, StatusCodes.Status413PayloadTooLarge);
        }

        var body = await ReadCappedAsync(request.Body, cancellationToken);
        if (body is null)
        {
            Log.Rejected(logger, request.Path, "body too large");
            return (null, StatusCodes.Status413PayloadTooLarge);
        }

        if (allowSslCheck && IsSslCheck(request, body))
        {
            return (null, StatusCodes.Status200OK); // Slack's certificate probe: answered, never acted on
        }

        var check = verifier.Verify(Header(request, "X-Slack-Request-Timestamp"), Header(request, "X-Slack-Signature"), body);
        if (check != SlackSignatureCheck.Valid)
        {
            Log.Rejected(logger, request.Path, check.ToString());
            return (null, StatusCodes.Status401Unauthorized);
        }

        if (!accepted.TryAdd(Header(request, "X-Slack-Signature")!))
        {
            Log.Rejected(logger, request.Path, "replayed");
            return (null, StatusCodes.Status401Unauthorized);
        }

        return (body, StatusCodes.Status200OK);
    }

    private async Task<byte[]?> ReadCappedAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static bool IsSslCheck(HttpRequest request, byte[] body) =>
        request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
        && QueryHelpers.ParseQuery(System.Text.Encoding.UTF8.GetString(body)).TryGetValue("ssl_check", out var value) && value == "1";

    private static string? Header(HttpRequest request, string name)
    {
        var values = request.Headers[name];
        return values.Count == 1 ? values[0] : null;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6701, Level = LogLevel.Warning, Message = "Slack request to {Path} rejected: {Reason}")]
        public static partial void Rejected(ILogger logger, PathString path, string reason);
    }
}
