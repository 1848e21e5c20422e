using System.CommandLine;
using PolicyBot.Hosting;
using PolicyBot.Teams;

namespace PolicyBot.Cli;

/// <summary><c>teams package [--output &lt;zip&gt;] [--app-id &lt;guid&gt;]</c>: the Teams app package with the configured app id.</summary>
public static class TeamsCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var output = new Option<string>("--output", "-o") { Description = "Where to write the zip.", DefaultValueFactory = _ => "policybot-teams.zip" };
        var appId = new Option<string?>("--app-id") { Description = "The bot's Microsoft App ID; default: Teams:AppId from the configuration." };
        var package = new Command("package", "Build the Teams app package (manifest.json with the bot's app id, color.png, outline.png).") { output, appId };
        package.SetAction(async (result, token) =>
        {
            using var host = await PolicyBotHost.StartCliHostAsync(environment, seedSources: false, token);
            var id = result.GetValue(appId) ?? host.Services.GetRequiredService<IConfiguration>()[$"{TeamsOptions.Section}:{nameof(TeamsOptions.AppId)}"] ?? "";
            if (id.Length == 0)
            {
                await environment.Error.WriteLineAsync("No app id: set Teams:AppId in the configuration or pass --app-id.");
                return 2;
            }

            var path = Path.GetFullPath(result.GetValue(output)!);
            using var buffer = new MemoryStream();
            if (await TeamsAppPackager.WriteAsync(id, buffer, token) is { } error)
            {
                await environment.Error.WriteLineAsync(error);
                return 2;
            }

            try
            {
                await File.WriteAllBytesAsync(path, buffer.ToArray(), token);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                await environment.Error.WriteLineAsync($"Could not write {path}: {exception.Message}");
                return 2;
            }

            await environment.Out.WriteLineAsync($"Wrote the Teams app package for bot {id.ToLowerInvariant()} to {path}.");
            return 0;
        });

        return new Command("teams", "Microsoft Teams app.") { package };
    }
}
