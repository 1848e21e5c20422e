namespace PolicyBot.Commands;

/// <summary>Damerau–Levenshtein distance in its optimal-string-alignment form: insertions, deletions,
/// substitutions and transpositions of adjacent characters each cost one.</summary>
public static class EditDistance
{
    /// <summary>Strings longer than this are compared by their first this-many characters (names are short).</summary>
    public const int MaxLength = 64;

    public static int Between(string a, string b)
    {
        a = a.Length > MaxLength ? a[..MaxLength] : a;
        b = b.Length > MaxLength ? b[..MaxLength] : b;
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
