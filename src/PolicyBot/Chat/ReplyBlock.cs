using System.Text.Json.Serialization;

namespace PolicyBot.Chat;

/// <summary>One block of a <see cref="Reply"/>. The set is closed: adapters render every kind below.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HeaderBlock), "header")]
[JsonDerivedType(typeof(TextBlock), "text")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(QuoteBlock), "quote")]
[JsonDerivedType(typeof(FieldsBlock), "fields")]
[JsonDerivedType(typeof(ListBlock), "list")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
[JsonDerivedType(typeof(DividerBlock), "divider")]
public abstract record ReplyBlock;

/// <summary>A heading (Slack header, card title).</summary>
public sealed record HeaderBlock(string Text) : ReplyBlock;

/// <summary>A paragraph of plain text; <paramref name="Emphasis"/> marks spans to highlight (search hits), in order and not overlapping.</summary>
public sealed record TextBlock(string Text, IReadOnlyList<TextSpan>? Emphasis = null) : ReplyBlock;

/// <summary>Small print in one line: source, time, stance and shift badges, "why you got this".</summary>
public sealed record ContextBlock(IReadOnlyList<string> Items) : ReplyBlock;

/// <summary>A verbatim quote and who said it.</summary>
public sealed record QuoteBlock(string Text, string? Speaker) : ReplyBlock;

/// <summary>Label/value pairs (a fact set).</summary>
public sealed record FieldsBlock(IReadOnlyList<ReplyField> Fields) : ReplyBlock;

/// <summary>A titled bullet list; an item with a URL is a link.</summary>
public sealed record ListBlock(string Title, IReadOnlyList<ReplyLink> Items) : ReplyBlock;

/// <summary>A row of buttons.</summary>
public sealed record ActionsBlock(IReadOnlyList<ReplyButton> Buttons) : ReplyBlock;

/// <summary>A separator between groups (e.g. between statements in a list).</summary>
public sealed record DividerBlock : ReplyBlock;

/// <summary>A span of a <see cref="TextBlock"/>'s text, by UTF-16 offset and length.</summary>
public sealed record TextSpan(int Start, int Length);

/// <summary>One label/value pair.</summary>
public sealed record ReplyField(string Label, string Value);

/// <summary>A list item: text, and a link when <paramref name="Url"/> is set.</summary>
public sealed record ReplyLink(string Text, string? Url = null);

/// <summary>
/// A button: opens <paramref name="Url"/>, or — when pressed — runs <paramref name="Command"/> (the command text
/// without <c>/policy</c>, e.g. <c>sources pause 12</c>) through the command engine as the person who pressed it.
/// </summary>
public sealed record ReplyButton(string Label, string? Url = null, string? Command = null, ButtonStyle Style = ButtonStyle.Default);

/// <summary>A button's emphasis.</summary>
public enum ButtonStyle
{
    Default,
    Primary,
    Danger,
}
