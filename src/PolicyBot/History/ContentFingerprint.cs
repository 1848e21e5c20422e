using System.Security.Cryptography;
using System.Text;

namespace PolicyBot.History;

/// <summary>
/// A SHA-256 (lowercase hex) over the sorted noise keys of a text's sentences. Two texts have the same
/// fingerprint exactly when <see cref="SentenceDiff"/> finds no change between them (noise and order ignored).
/// </summary>
public sealed class ContentFingerprint(SentenceSplitter splitter, NoiseNormalizer normalizer)
{
    public ContentFingerprint()
        : this(new SentenceSplitter(), new NoiseNormalizer())
    {
    }

    /// <summary>The fingerprint of <paramref name="text"/>; texts with no content share the hash of nothing.</summary>
    public string Compute(string text)
    {
        var keys = new List<string>();
        foreach (var sentence in splitter.Split(text ?? ""))
        {
            var key = normalizer.Key(sentence);
            if (key.Length > 0)
            {
                keys.Add(key);
            }
        }

        keys.Sort(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var key in keys)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(key));
            hash.AppendData("\n"u8);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
