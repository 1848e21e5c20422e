using Microsoft.Extensions.DependencyInjection;

namespace PolicyBot.Alerting;

/// <summary>Prints alerts readably on standard output: what PolicyBot does when no chat platform is configured.</summary>
public sealed class ConsoleAlertChannel(AlertTextFormatter formatter, [FromKeyedServices(ConsoleAlertChannel.ChannelName)] TextWriter output) : IAlertChannel
{
    public const string ChannelName = "console";

    public string Name => ChannelName;

    public async Task<DeliveryResult> SendAsync(Alert alert, CancellationToken cancellationToken)
    {
        await output.WriteAsync(formatter.Format(alert).AsMemory(), cancellationToken);
        await output.FlushAsync(cancellationToken);
        return DeliveryResult.Success();
    }

    public async Task<DeliveryResult> UpdateAsync(Alert alert, string? messageId, CancellationToken cancellationToken)
    {
        await output.WriteAsync(formatter.FormatUpdate(alert).AsMemory(), cancellationToken);
        await output.FlushAsync(cancellationToken);
        return DeliveryResult.Success();
    }
}
