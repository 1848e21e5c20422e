using PolicyBot.Chat;

namespace PolicyBot.Commands;

/// <summary>The <c>help</c> reply: every command with an example, admin-only ones marked.</summary>
public static class CommandHelp
{
    public static Reply Build(bool isAdmin) => new("PolicyBot commands",
    [
        new HeaderBlock("PolicyBot commands"),
        new ListBlock("Ask", [
            new ReplyLink("`<org or person>` — latest statements, quotes, stance timeline. e.g. `meta`, `zuckerberg`, `\"mark zuckerberg\"`"),
            new ReplyLink("`latest [n]` — the newest statements (n from 1 to 20, default 5)"),
            new ReplyLink("`search <words>` — full-text search; quote phrases: `search \"open weights\" llama`"),
            new ReplyLink("`sources` — watched sources and their status"),
            new ReplyLink("`status` — last poll, failing sources, undelivered alerts"),
        ]),
        new ListBlock("Admins", [
            new ReplyLink("`sources add <url> [feed|page] [org] [interval]` — fetch once, preview, save. e.g. `sources add https://example.org/feed.xml meta 30m`"),
            new ReplyLink("`sources remove|pause|resume <id or name>`"),
            new ReplyLink("`subscribe [orgs…] [--shifts-only] [--min-relevance 0.6] [--digest daily 09:00 [Europe/London]] [--digest weekly monday 09:00] [--notices]` — alerts to this channel"),
            new ReplyLink("`unsubscribe` — stop alerts to this channel"),
        ]),
        new ContextBlock([isAdmin ? "You are an admin here." : "Admin commands need an admin (configured, or a workspace admin)."]),
        new ActionsBlock([new ReplyButton("Latest", Command: "latest"), new ReplyButton("Status", Command: "status")]),
    ]);
}
