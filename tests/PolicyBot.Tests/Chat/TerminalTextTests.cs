using PolicyBot.Alerting;
using PolicyBot.Chat;

namespace PolicyBot.Tests.Chat;

public sealed class TerminalTextTests
{
    private const string Hostile = "\u001b[2J\u001b[31mred\u001b[0m \u202egnp.exe\u202c \u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007";

    [Fact]
    public void Escape_Sequences_And_Bidi_Overrides_Are_Removed_And_Line_Breaks_Kept_Or_Flattened()
    {
        TerminalText.Clean("a\r\nb\tc").ShouldBe("a\nb c");
        TerminalText.Clean("a\nb", keepLineBreaks: false).ShouldBe("a b");
        var cleaned = TerminalText.Clean(Hostile);

        cleaned.ShouldNotContain('\u001b');
        cleaned.ShouldNotContain('\u202e');
        cleaned.ShouldNotContain('\u0007');
        cleaned.ShouldContain("red");
        TerminalText.Clean("plain text — “quoted”").ShouldBe("plain text — “quoted”");
    }

    [Fact]
    public void An_Alert_Printed_On_The_Console_Carries_No_Escape_Sequence_From_Its_Source()
    {
        var alert = new Alert { Kind = "new", Title = Hostile, Url = "https://example.org/x", Source = Hostile, Summary = Hostile, Quotes = [new AlertQuote(Hostile, Hostile, null, "open")] };

        var printed = new AlertTextFormatter().Format(alert) + new AlertTextFormatter().FormatUpdate(alert);

        printed.ShouldNotContain('\u001b');
        printed.ShouldNotContain('\u202e');
        printed.ShouldContain("gnp.exe");
    }
}
