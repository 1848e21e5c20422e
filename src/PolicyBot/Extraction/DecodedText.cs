namespace PolicyBot.Extraction;

/// <summary>A response body decoded to text, with the name of the encoding that was used.</summary>
/// <param name="Text">The decoded text, without a byte order mark.</param>
/// <param name="EncodingName">Lower-case web name of the encoding, e.g. "utf-8", "windows-1252", "utf-16be".</param>
public sealed record DecodedText(string Text, string EncodingName);
