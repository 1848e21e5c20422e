using System.CommandLine;
using System.Globalization;
using PolicyBot.Sources;

namespace PolicyBot.Cli;

/// <summary><c>sources add &lt;url&gt;</c>: validates, fetches once, previews what it found, then saves.</summary>
public static class SourceAddCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var url = new Argument<string>("url") { Description = "The feed or page URL (http or https)." };
        var kind = new Option<string?>("--kind") { Description = "feed or page; detected when omitted." };
        var name = new Option<string?>("--name") { Description = "A display name; the feed's title or the host when omitted." };
        var orgs = new Option<string[]>("--org") { Description = "An organisation this source speaks for (repeatable).", AllowMultipleArgumentsPerToken = true };
        var interval = new Option<TimeSpan?>("--interval") { Description = "Check interval, e.g. 00:30:00." };
        var selector = new Option<string?>("--selector") { Description = "For pages: a CSS selector narrowing what is watched." };
        var noFetch = new Option<bool>("--no-fetch") { Description = "Save without fetching first (kind defaults to feed)." };
        var command = new Command("add", "Watch a new feed or page.") { url, kind, name, orgs, interval, selector, noFetch };
        command.SetAction((result, token) => SourcesCommand.WithHost(environment, token, async services =>
        {
            var definition = new SourceDefinition
            {
                Url = result.GetValue(url)!,
                Name = result.GetValue(name) ?? "",
                Kind = result.GetValue(kind) ?? "feed",
                Orgs = (result.GetValue(orgs) ?? []).ToList(),
                Interval = result.GetValue(interval),
                Selector = result.GetValue(selector),
            };
            var kindGiven = result.GetValue(kind) is not null;
            if (!kindGiven && definition.Selector is not null)
            {
                definition.Kind = "page";
                kindGiven = true;
            }

            var problems = services.GetRequiredService<SourceDefinitionValidator>().Validate(definition);
            if (problems.Count > 0)
            {
                await environment.Error.WriteLineAsync($"Cannot add this source:\n  - {string.Join("\n  - ", problems)}");
                return 1;
            }

            var store = services.GetRequiredService<SourceStore>();
            if (await store.FindWatchingAsync(definition.Url, token) is { } existing)
            {
                await environment.Error.WriteLineAsync($"Already watched as #{existing.Id} {existing.Name}.");
                return 1;
            }

            if (!result.GetValue(noFetch))
            {
                Source.TryParseKind(definition.Kind, out var parsedKind);
                var preview = await services.GetRequiredService<SourcePreviewer>().PreviewAsync(definition.Url, kindGiven ? parsedKind : null, definition.Selector, token);
                if (!preview.Succeeded)
                {
                    await environment.Error.WriteLineAsync($"Cannot add {definition.Url}: {preview.Error}. Use --no-fetch to save it anyway.");
                    return 1;
                }

                definition.Kind = Source.FormatKind(preview.Kind!.Value);
                if (result.GetValue(name) is null && !string.IsNullOrWhiteSpace(preview.Title))
                {
                    definition.Name = preview.Title.Trim();
                }

                await environment.Out.WriteLineAsync(Describe(preview));
            }

            var saved = await store.AddAsync(definition, "cli", services.GetRequiredService<TimeProvider>().GetUtcNow(), token);
            await environment.Out.WriteLineAsync(saved is null
                ? "Already watched."
                : string.Create(CultureInfo.InvariantCulture, $"Added #{saved.Id} {saved.Name} [{Source.FormatKind(saved.Kind)}]. It will be checked at the next poll."));
            return saved is null ? 1 : 0;
        }));
        return command;
    }

    private static string Describe(SourcePreview preview)
    {
        var latest = preview.LatestTitle is null ? "" : $"; latest: \"{preview.LatestTitle}\"" +
            (preview.LatestPublishedAt is { } at ? at.ToString(" (yyyy-MM-dd)", CultureInfo.InvariantCulture) : "");
        return preview.Kind == SourceKind.Feed
            ? $"Found a feed \"{preview.Title}\" with {preview.ItemCount} item(s){latest}."
            : $"Found a page \"{preview.Title}\" with readable text.";
    }
}
