using PolicyBot.Chat;

namespace PolicyBot.Tests.Commands;

/// <summary>Assertion helpers over replies: all the text a person would read, and the buttons' commands.</summary>
public static class ReplyText
{
    public static string All(Reply reply) => ReplyTextRenderer.Render(reply);

    public static IReadOnlyList<ReplyButton> Buttons(Reply reply) =>
        reply.Blocks.OfType<ActionsBlock>().SelectMany(a => a.Buttons).ToList();

    public static IReadOnlyList<string> Commands(Reply reply) =>
        Buttons(reply).Select(b => b.Command).OfType<string>().ToList();
}
