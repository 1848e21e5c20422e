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
        InboundRequestAuthenticator authenticator,
        TeamsTurnQueue queue,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(TeamsEndpoints));
        var authorization = http.Request.Headers.Authorization.ToString();
        var precheck = authenticator.Precheck(authorization, http.Connection.RemoteIpAddress);
        if (!precheck.Valid)
        {
            Log.Rejected(logger, precheck.Error ?? "rejected");
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
            Log.Rejected(logger, parsed.Error ?? "bad activity");

            // With tokens required, say no more than "no": a token cannot be checked without its activity.
            return authenticator.Required ? Results.Unauthorized() : Results.BadRequest(parsed.Error);
        }

        var outcome = await authenticator.AuthenticateAsync(authorization, activity, cancellationToken);
        if (!outcome.Valid)
        {
            Log.Rejected(logger, outcome.Error ?? "invalid token");
            return Results.Unauthorized();
        }

        if (activity.Type == "invoke")
        {
            // PolicyBot's cards use Action.Submit (a message); an invoke has nothing to run.
            return Results.Json(new { statusCode = 200, type = "application/vnd.microsoft.activity.message", value = "PolicyBot: type a command or use the card's buttons." });
        }

        return queue.TryEnqueue(activity) ? Results.Ok() : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }

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
