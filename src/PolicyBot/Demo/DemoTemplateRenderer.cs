using System.Globalization;
using System.Text.RegularExpressions;

namespace PolicyBot.Demo;

/// <summary>
/// Fills the placeholders of the bundled demo pages: <c>{{base}}</c>, <c>{{published:-3h}}</c>,
/// <c>{{display:-3h}}</c>, <c>{{date:-40d}}</c> (a <c>day2</c> prefix anchors the offset to day two) and the
/// day sections <c>{{day1}}…{{/day1}}</c> and <c>{{day2}}…{{/day2}}</c>.
/// </summary>
/// <remarks>The templates are bundled with the program, so a bad one is a build defect: it throws <see cref="FormatException"/>.</remarks>
internal static partial class DemoTemplateRenderer
{
    public static string Render(string template, DemoRenderContext context)
    {
        var isDayTwo = context.DayTwo is not null;
        var withSections = DaySection().Replace(template, match =>
            (match.Groups["day"].Value == "2") == isDayTwo ? match.Groups["body"].Value : string.Empty);

        var rendered = Placeholder().Replace(withSections, match => RenderPlaceholder(match, context));

        var leftover = rendered.IndexOf("{{", StringComparison.Ordinal);
        if (leftover >= 0)
        {
            var end = rendered.IndexOf("}}", leftover, StringComparison.Ordinal);
            var snippet = end < 0 ? rendered[leftover..Math.Min(rendered.Length, leftover + 40)] : rendered[leftover..(end + 2)];
            throw new FormatException($"Unknown or malformed placeholder '{snippet}'.");
        }

        return rendered;
    }

    private static string RenderPlaceholder(Match match, DemoRenderContext context)
    {
        var name = match.Groups["name"].Value;
        var argument = match.Groups["argument"];
        if (name == "base")
        {
            return argument.Success
                ? throw new FormatException($"'{match.Value}' takes no argument.")
                : context.BaseUrl.AbsoluteUri.TrimEnd('/');
        }

        var moment = ResolveMoment(match, context);
        return name switch
        {
            "published" when context.UseRfc1123 => moment.ToString("r", CultureInfo.InvariantCulture),
            "published" => moment.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            "display" => moment.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture),
            "date" => moment.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
            _ => throw new FormatException($"Unknown placeholder '{match.Value}'."),
        };
    }

    private static DateTimeOffset ResolveMoment(Match match, DemoRenderContext context)
    {
        if (!match.Groups["argument"].Success)
        {
            throw new FormatException($"'{match.Value}' needs an offset such as -3h or day2-25m.");
        }

        DateTimeOffset anchor;
        if (match.Groups["day2"].Success)
        {
            anchor = context.DayTwo ?? throw new FormatException($"'{match.Value}' is used before day two was published.");
        }
        else
        {
            anchor = context.DayOne;
        }

        if (!match.Groups["amount"].Success)
        {
            return anchor.ToUniversalTime();
        }

        if (!long.TryParse(match.Groups["amount"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
        {
            throw new FormatException($"The offset in '{match.Value}' is out of range.");
        }

        var unitSeconds = match.Groups["unit"].Value switch
        {
            "s" => 1L,
            "m" => 60L,
            "h" => 3600L,
            _ => 86400L,
        };

        const long maxSeconds = 3650L * 86400L;
        if (Math.Abs(amount) > maxSeconds / unitSeconds)
        {
            throw new FormatException($"The offset in '{match.Value}' is more than ten years.");
        }

        return anchor.ToUniversalTime().AddSeconds(amount * unitSeconds);
    }

    [GeneratedRegex(@"\{\{day(?<day>[12])\}\}(?<body>.*?)\{\{/day\k<day>\}\}", RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex DaySection();

    [GeneratedRegex(@"\{\{(?<name>base|published|display|date)(?::(?<argument>(?<day2>day2)(?:(?<amount>[+-]\d{1,12})(?<unit>[smhd]))?|(?<amount>[+-]\d{1,12})(?<unit>[smhd])))?\}\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Placeholder();
}
