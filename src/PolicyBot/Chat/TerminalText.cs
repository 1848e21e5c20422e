using System.Text;

namespace PolicyBot.Chat;

/// <summary>Untrusted text made safe for a terminal: no escape sequences, no other control characters, no bidi tricks.</summary>
public static class TerminalText
{
    /// <summary>The text without control characters (a tab or line break becomes a space, unless line breaks are kept)
    /// and without the bidirectional embeddings, overrides and isolates that make text read otherwise than it is.</summary>
    public static string Clean(string text, bool keepLineBreaks = true)
    {
        if (!text.Any(IsHidden))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            if (c is '\n' or '\r')
            {
                clean.Append(keepLineBreaks ? '\n' : ' ');
            }
            else if (c == '\t')
            {
                clean.Append(' ');
            }
            else if (!IsHidden(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    /// <summary>A control character, or a bidirectional embedding, override or isolate (which make text read otherwise than it is).</summary>
    public static bool IsHidden(char c) => char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
