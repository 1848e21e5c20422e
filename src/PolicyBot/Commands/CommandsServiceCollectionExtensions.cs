using PolicyBot.Analysis;

namespace PolicyBot.Commands;

/// <summary>Registers the <c>/policy</c> command engine and what it uses.</summary>
public static class CommandsServiceCollectionExtensions
{
    public static IServiceCollection AddCommands(this IServiceCollection services, IConfiguration configuration)
    {
        // Admins options are bound with the chat seam (AddChat); configuration is here for what commands may add.
        _ = configuration;
        return services
            .AddSingleton(sp => new ActorDirectory(sp.GetRequiredService<StatementAnalyzer>().Catalogue))
            .AddSingleton<StatementQueryStore>()
            .AddSingleton<ActorLookup>()
            .AddSingleton<SourceAdministration>()
            .AddSingleton<SubscriptionCommands>()
            .AddSingleton<StatusReport>()
            .AddSingleton<CommandAuthorizer>()
            .AddSingleton<AuditLog>()
            .AddSingleton<CommandEngine>();
    }
}
