using System.Globalization;
using PolicyBot.Extraction;
using Xunit.Abstractions;

namespace PolicyBot.Tests.Extraction;

/// <summary>
/// Extraction quality on our own golden pages (TestData/extraction: &lt;name&gt;.html and the main text a
/// reader would keep in &lt;name&gt;.expected.txt, headline excluded). Prose and sites are invented.
/// </summary>
public sealed class ArticleExtractionGoldenTests(ITestOutputHelper output)
{
    /// <summary>Measured 1.000 on 15 pages when set (four pages written as a held-out check — hashed CSS classes, Q&amp;A interview, German news, table layout — scored 1.000, 1.000, 0.953 and 0.981 before any tuning on them); a drop below means a regression.</summary>
    private const double MeanFloor = 0.99;
    private const double PageFloor = 0.95;

    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestData", "extraction");
    private readonly ArticleExtractor _extractor = new();

    [Fact]
    public void Golden_Pages_Are_Extracted_With_High_Token_F1()
    {
        // Arrange
        var pages = Directory.GetFiles(Folder, "*.html").Order(StringComparer.Ordinal).ToList();
        pages.Count.ShouldBeGreaterThanOrEqualTo(8);
        var scores = new List<double>();

        // Act
        foreach (var page in pages)
        {
            var expected = File.ReadAllText(Path.ChangeExtension(page, ".expected.txt"));
            var text = _extractor.Extract(File.ReadAllText(page), null).Text;
            var score = TokenF1.Compare(text, expected);
            scores.Add(score.F1);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{score.F1:F3}  P={score.Precision:F3} R={score.Recall:F3}  {Path.GetFileNameWithoutExtension(page)}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mean token F1 {scores.Average():F4} over {scores.Count} pages"));

        // Assert
        scores.Average().ShouldBeGreaterThanOrEqualTo(MeanFloor);
        scores.Min().ShouldBeGreaterThanOrEqualTo(PageFloor);
    }

    [Fact]
    public void Golden_Pages_Keep_Paragraph_Structure()
    {
        foreach (var page in Directory.GetFiles(Folder, "*.html"))
        {
            // Act
            var text = _extractor.Extract(File.ReadAllText(page), null).Text;

            // Assert
            text.ShouldNotContain("\n\n\n", customMessage: page);
            text.Split("\n\n").Length.ShouldBeGreaterThanOrEqualTo(3, customMessage: page);
            text.ShouldBe(text.Trim(), customMessage: page);
        }
    }

    [Theory]
    [InlineData("news-semantic-article", "Valdoria drops licence plan for open-weight AI models", "Lena Okafor, Piet van Dam", "2025-03-11T09:42:00Z", "https://northern-ledger.example/tech/2025/03/11/valdoria-open-weights-licence")]
    [InlineData("multiple-articles", "Universities release open model trained only on licensed text", "Sofie Brandt", "2025-05-20T04:00:00Z", "https://science-desk.example/science/2025/05/20/fennel-open-model")]
    [InlineData("amp-news", "Partnership publishes voluntary code for open AI models", "Eastern Wire staff", "2025-06-02T11:30:00Z", "https://eastern-wire.example/news/voluntary-code-open-models")]
    [InlineData("gov-press-release", "Guidance published on open release of AI models", "Department for Science and Industry", "2025-07-15T00:00:00Z", null)]
    [InlineData("wordpress-pullquote", "Why the Open Model Foundation dropped use restrictions", "Karin Holm", "2025-08-04T07:15:22Z", "https://licence-watch.example/2025/08/omf-drops-use-restrictions/")]
    [InlineData("blogger-post-body", "Why we run our own translation model", "Selam Haile", "2025-02-20T00:00:00Z", "https://coop-notes.blog.example/2025/02/why-we-run-our-own-model.html")]
    [InlineData("div-soup-portal", "Council demands AI model weights in city contracts", "Staff reporter", "2025-04-07T00:00:00Z", null)]
    [InlineData("magazine-longform", "What does \"open\" mean for AI? A group of students is keeping score", "Hedda Lund", "2025-11-14T07:00:00Z", null)]
    [InlineData("short-statement", "Statement on open-weight AI models", null, "2025-12-02T00:00:00Z", null)]
    [InlineData("css-in-js-hashed-classes", "Economists urge ministers to treat open AI models as public infrastructure", "Rafael Quint", "2025-10-15T10:00:00Z", null)]
    [InlineData("interview-qa", "\"The public paid for these models\": an interview with Leontine Barros", "Tom Arkwright", "2025-09-22T00:00:00Z", "https://research-notes.example/interviews/leontine-barros")]
    [InlineData("table-layout-regulator", "Opinion on open publication of AI model weights", null, "2025-12-01T00:00:00Z", null)]
    [InlineData("german-regional-news", "KI-Verordnung: Länder wollen offene Modelle nicht zusätzlich belasten", "Jan Petersen", "2025-11-06T15:45:00Z", null)]
    public void Golden_Page_Metadata_Is_Read(string name, string title, string? author, string? published, string? canonical)
    {
        // Act
        var page = _extractor.Extract(File.ReadAllText(Path.Combine(Folder, name + ".html")), new Uri("https://science-desk.example/science/"));

        // Assert
        page.Title.ShouldBe(title);
        page.Author.ShouldBe(author);
        page.PublishedAt.ShouldBe(published is null ? null : DateTimeOffset.Parse(published, CultureInfo.InvariantCulture));
        page.CanonicalUrl.ShouldBe(canonical);
    }

    [Fact]
    public void Token_F1_Rewards_Overlap_And_Punishes_Noise()
    {
        // Act
        var same = TokenF1.Compare("Open weights, they said.", "open WEIGHTS they said");
        var unrelated = TokenF1.Compare("cookie banner", "open weights");
        var noisy = TokenF1.Compare("open weights share on facebook", "open weights");

        // Assert
        same.F1.ShouldBe(1.0);
        unrelated.F1.ShouldBe(0.0);
        noisy.Recall.ShouldBe(1.0);
        noisy.Precision.ShouldBe(0.4, 1e-9);
    }
}
