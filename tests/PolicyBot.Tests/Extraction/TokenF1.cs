using System.Text.RegularExpressions;

namespace PolicyBot.Tests.Extraction;

/// <summary>Bag-of-words F1 between extracted and expected text: lowercased, punctuation stripped, whitespace tokens.</summary>
internal static partial class TokenF1
{
    public sealed record Score(double Precision, double Recall, double F1);

    public static Score Compare(string extracted, string expected)
    {
        var got = Bag(extracted);
        var want = Bag(expected);
        var gotCount = got.Values.Sum();
        var wantCount = want.Values.Sum();
        if (gotCount == 0 || wantCount == 0)
        {
            var same = gotCount == wantCount ? 1.0 : 0.0;
            return new Score(same, same, same);
        }

        var overlap = got.Sum(kv => Math.Min(kv.Value, want.GetValueOrDefault(kv.Key)));
        var precision = (double)overlap / gotCount;
        var recall = (double)overlap / wantCount;
        return new Score(precision, recall, overlap == 0 ? 0 : 2 * precision * recall / (precision + recall));
    }

    private static Dictionary<string, int> Bag(string text)
    {
        var bag = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in Punctuation().Replace(text.ToLowerInvariant(), string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            bag[token] = bag.GetValueOrDefault(token) + 1;
        }

        return bag;
    }

    [GeneratedRegex(@"[^\p{L}\p{N}\s]", RegexOptions.CultureInvariant)]
    private static partial Regex Punctuation();
}
