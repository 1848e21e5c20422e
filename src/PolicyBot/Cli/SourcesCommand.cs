using System.CommandLine;
using System.Globalization;
using PolicyBot.Hosting;
using PolicyBot.Sources;

namespace PolicyBot.Cli;

/// <summary><c>sources list|add|remove|pause|resume|import|export</c>: what PolicyBot watches.</summary>
public static class SourcesCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var list = new Command("list", "List watched sources with their status.");
        list.SetAction((_, token) => WithHost(environment, token, async services =>
        {
            var sources = await services.GetRequiredService<SourceStore>().ListAsync(token);
            await environment.Out.WriteAsync(SourceListFormatter.Format(sources));
            return 0;
        }));

        var opml = new Argument<string>("opml") { Description = "An OPML file of feeds." };
        var import = new Command("import", "Add every feed an OPML file lists.") { opml };
        import.SetAction((result, token) => WithHost(environment, token, services => ImportAsync(services, result.GetValue(opml)!, environment, token)));

        var export = new Command("export", "Write the watched sources as OPML on standard output.");
        export.SetAction((_, token) => WithHost(environment, token, async services =>
        {
            var sources = await services.GetRequiredService<SourceStore>().ListAsync(token);
            await environment.Out.WriteLineAsync(services.GetRequiredService<OpmlFile>().Write(sources, services.GetRequiredService<TimeProvider>().GetUtcNow()));
            return 0;
        }));

        return new Command("sources", "Manage watched sources.")
        {
            list,
            SourceAddCommand.Create(environment),
            Change("remove", "Stop watching a source and forget its history.", environment, (store, source, now, token) => store.RemoveAsync(source.Id, token), "Removed"),
            Change("pause", "Pause a source.", environment, (store, source, now, token) => store.SetEnabledAsync(source.Id, false, now, token), "Paused"),
            Change("resume", "Resume a paused source (checked at the next poll).", environment, (store, source, now, token) => store.SetEnabledAsync(source.Id, true, now, token), "Resumed"),
            import,
            export,
        };
    }

    internal static async Task<int> WithHost(CliEnvironment environment, CancellationToken cancellationToken, Func<IServiceProvider, Task<int>> action)
    {
        using var host = await PolicyBotHost.StartCliHostAsync(environment, seedSources: true, cancellationToken);
        return await action(host.Services);
    }

    private static Command Change(string name, string description, CliEnvironment environment, Func<SourceStore, Source, DateTimeOffset, CancellationToken, Task<bool>> change, string done)
    {
        var key = new Argument<string>("source") { Description = "The source's id, URL or name." };
        var command = new Command(name, description) { key };
        command.SetAction((result, token) => WithHost(environment, token, async services =>
        {
            var store = services.GetRequiredService<SourceStore>();
            var source = await store.FindAsync(result.GetValue(key)!, token);
            if (source is null)
            {
                await environment.Error.WriteLineAsync($"No source matches '{result.GetValue(key)}'. See `sources list`.");
                return 1;
            }

            await change(store, source, services.GetRequiredService<TimeProvider>().GetUtcNow(), token);
            await environment.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{done} #{source.Id} {source.Name} ({source.Url})."));
            return 0;
        }));
        return command;
    }

    private static async Task<int> ImportAsync(IServiceProvider services, string path, CliEnvironment environment, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            await environment.Error.WriteLineAsync($"No such file: {path}");
            return 1;
        }

        await using var stream = File.OpenRead(path);
        var (definitions, error) = services.GetRequiredService<OpmlFile>().Read(stream);
        if (error is not null)
        {
            await environment.Error.WriteLineAsync($"Cannot import {path}: {error}");
            return 1;
        }

        var validator = services.GetRequiredService<SourceDefinitionValidator>();
        var store = services.GetRequiredService<SourceStore>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        int added = 0, skipped = 0, invalid = 0;
        foreach (var definition in definitions)
        {
            var problems = validator.Validate(definition);
            if (problems.Count > 0)
            {
                invalid++;
                await environment.Error.WriteLineAsync($"Skipped {definition.Url}: {string.Join("; ", problems)}");
            }
            else if (await store.AddAsync(definition, "cli", now, cancellationToken) is null)
            {
                skipped++;
            }
            else
            {
                added++;
            }
        }

        await environment.Out.WriteLineAsync($"Imported {added} source(s); {skipped} already watched; {invalid} invalid.");
        return invalid > 0 && added == 0 ? 1 : 0;
    }
}
