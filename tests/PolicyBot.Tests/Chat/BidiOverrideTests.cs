using PolicyBot.Slack;
using PolicyBot.Teams;

namespace PolicyBot.Tests.Chat;

/// <summary>A hostile title such as "Invoice \u202Egnp.exe" must not display reversed in Slack or Teams.</summary>
public sealed class BidiOverrideTests
{
    private const string Spoof = "Open weights \u202Egnp.exe\u202C and \u2066isolated\u2069\tend";

    [Fact]
    public void Slack_Text_Drops_Bidi_Overrides_And_Isolates_But_Keeps_Tabs_And_Words()
    {
        SlackText.StripControl(Spoof).ShouldBe("Open weights gnp.exe and isolated\tend");
    }

    [Fact]
    public void Teams_Markdown_Drops_Bidi_Overrides_And_Isolates_And_Turns_Controls_Into_Spaces()
    {
        MarkdownEscaper.Escape(Spoof).ShouldBe("Open weights gnp.exe and isolated end");
    }
}
