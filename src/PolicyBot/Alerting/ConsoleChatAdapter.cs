using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Chat;

namespace PolicyBot.Alerting;

/// <summary>Prints alerts, digests and notices readably on standard output: what PolicyBot does when no chat platform is configured.</summary>
public sealed class ConsoleChatAdapter(AlertTextFormatter formatter, [FromKeyedServices(ConsoleChatAdapter.PlatformName)] TextWriter output) : IChatAdapter
{
    public const string PlatformName = "console";

    public string Platform => PlatformName;

    public Task<DeliveryResult> PostAsync(ChatChannel channel, OutboundMessage message, CancellationToken cancellationToken) =>
        WriteAsync(message.Alert is { } alert ? formatter.Format(alert) : Text(message.Content), cancellationToken);

    public Task<DeliveryResult> UpdateAsync(ChatChannel channel, string? messageId, OutboundMessage message, CancellationToken cancellationToken) =>
        WriteAsync(message.Alert is { } alert ? formatter.FormatUpdate(alert) : Text(message.Content), cancellationToken);

    private static string Text(Reply reply) => ReplyTextRenderer.Render(reply) + Environment.NewLine;

    private async Task<DeliveryResult> WriteAsync(string text, CancellationToken cancellationToken)
    {
        await output.WriteAsync(text.AsMemory(), cancellationToken);
        await output.FlushAsync(cancellationToken);
        return DeliveryResult.Success();
    }
}
