using System.Text.Json;

namespace PolicyBot.Tests.Evaluation;

/// <summary>One labelled article of the evaluation set: its stem, labelled main text and labels.</summary>
public sealed record EvaluationArticle(string Stem, string MainText, EvaluationLabel Label)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The evaluation folder copied to the test output.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "TestData", "evaluation");

    /// <summary>
    /// Every article under <c>relevant/</c> and <c>other/</c> that has both a label and a main text, in stem order;
    /// labels that cannot be read are reported in <paramref name="problems"/> rather than thrown.
    /// </summary>
    public static IReadOnlyList<EvaluationArticle> LoadAll(List<string> problems)
    {
        var articles = new List<EvaluationArticle>();
        foreach (var sub in new[] { "relevant", "other" })
        {
            var folder = Path.Combine(Folder, sub);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var labelFile in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                var stem = Path.GetFileNameWithoutExtension(labelFile);
                var mainFile = Path.Combine(folder, stem + ".main.txt");
                if (!File.Exists(mainFile))
                {
                    problems.Add($"{sub}/{stem}: no .main.txt");
                    continue;
                }

                try
                {
                    var label = JsonSerializer.Deserialize<EvaluationLabel>(File.ReadAllText(labelFile), Json);
                    if (label is null)
                    {
                        problems.Add($"{sub}/{stem}: empty label");
                        continue;
                    }

                    articles.Add(new EvaluationArticle($"{sub}/{stem}", File.ReadAllText(mainFile).Replace("\r\n", "\n"), label));
                }
                catch (JsonException ex)
                {
                    problems.Add($"{sub}/{stem}: label is not valid JSON ({ex.Message})");
                }
            }
        }

        return articles;
    }
}
