using System.Net;
using Microsoft.Extensions.Options;

namespace PolicyBot.Teams;

/// <summary>
/// Decides whether a request to the messaging endpoint may act: with an app id configured, it must carry a valid
/// Bot Framework token for its activity (<see cref="BotTokenValidator"/>); without one (local development), it must
/// come from a loopback address, and nothing else is asked.
/// </summary>
public sealed class InboundRequestAuthenticator(BotTokenValidator validator, IOptions<TeamsOptions> options)
{
    /// <summary>The checks that need no body: a Bearer header in production, a loopback caller in development.</summary>
    public TokenValidationOutcome Precheck(string? authorization, IPAddress? remoteAddress)
    {
        if (options.Value.Authenticated)
        {
            return authorization is not null && authorization.StartsWith("Bearer ", StringComparison.Ordinal)
                ? TokenValidationOutcome.Accepted
                : TokenValidationOutcome.Rejected("no Bearer token");
        }

        return remoteAddress is not null && IPAddress.IsLoopback(remoteAddress.IsIPv4MappedToIPv6 ? remoteAddress.MapToIPv4() : remoteAddress)
            ? TokenValidationOutcome.Accepted
            : TokenValidationOutcome.Rejected("unauthenticated request from a non-loopback address (Teams:AppId is not set)");
    }

    /// <summary>The token check for the activity (always accepted in development, after <see cref="Precheck"/>).</summary>
    public Task<TokenValidationOutcome> AuthenticateAsync(string? authorization, Activity activity, CancellationToken cancellationToken) =>
        options.Value.Authenticated
            ? validator.ValidateAsync(authorization, activity.ServiceUrl, activity.ChannelId, cancellationToken)
            : Task.FromResult(TokenValidationOutcome.Accepted);

    /// <summary>Whether tokens are required (an app id is configured).</summary>
    public bool Required => options.Value.Authenticated;
}
