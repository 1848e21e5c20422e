using System.Net;
using Microsoft.Extensions.Options;

namespace PolicyBot.Teams;

/// <summary>
/// <c>POST /api/messages</c>, the bot's messaging endpoint: the request is authenticated (a Bot Framework token, or —
/// with no app id configured — a loopback caller), the activity queued, and 200 returned at once. A rejected request
/// gets 401 and causes nothing.
/// </summary>
public static partial class TeamsEndpoints
{
    public const string Path = "/api/messages";

    /// <summary>Maps the endpoint when Teams is configured (see <see cref="TeamsServiceCollectionExtensions.AddTeams"/>).</summary>
    public static WebApplication MapTeams(this WebApplication app)
    {
        if (app.Services.GetService<TeamsTurnQueue>() is not null)
        {
            app.MapPost(Path, ReceiveAsync);
        }

        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext http,
        BotTokenValidator validator,
        TeamsTurnQueue queue,
        IOptions<TeamsOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(TeamsEndpoints));
        var authorization = http.Request.Headers.Authorization.ToString();
        var authenticated = options.Value.Authenticated;
        if (authenticated && !authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            Log.Rejected(logger, "no Bearer token");
            return Results.Unauthorized();
        }

        if (!authenticated && !IsLoopback(http.Connection.RemoteIpAddress))
        {
            Log.Rejected(logger, "unauthenticated request from a non-loopback address (Teams:AppId is not set)");
            return Results.Unauthorized();
        }

        var body = await ReadBodyAsync(http.Request, cancellationToken);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var parsed = ActivityParser.Parse(body);
        if (parsed.Activity is not { } activity)
        {
            if (authenticated)
            {
                // Do not tell an unauthenticated caller more than "no": the token cannot be checked without an activity.
                Log.Rejected(logger, parsed.Error ?? "bad activity");
                return Results.Unauthorized();
            }

            return Results.BadRequest(parsed.Error);
        }

        if (authenticated)
        {
            var outcome = await validator.ValidateAsync(authorization, activity.ServiceUrl, activity.ChannelId, cancellationToken);
            if (!outcome.Valid)
            {
                Log.Rejected(logger, outcome.Error ?? "invalid token");
                return Results.Unauthorized();
            }
        }

        if (activity.Type == "invoke")
        {
            // PolicyBot's cards use Action.Submit (a message); an invoke has nothing to run.
            return Results.Json(new { statusCode = 200, type = "application/vnd.microsoft.activity.message", value = "PolicyBot: type a command or use the card's buttons." });
        }

        return queue.TryEnqueue(activity) ? Results.Ok() : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }

    private static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    /// <summary>The body, or null when it is larger than an activity can be.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > ActivityParser.MaxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > ActivityParser.MaxBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Rejected a request to the Teams endpoint: {Reason}")]
        public static partial void Rejected(ILogger logger, string reason);
    }
}
