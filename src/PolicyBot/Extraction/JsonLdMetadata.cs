using System.Text.Json;
using AngleSharp.Dom;

namespace PolicyBot.Extraction;

/// <summary>
/// The schema.org objects in a page's JSON-LD scripts: top-level arrays, @graph and nested objects are
/// flattened, and {"@id": ...} references are resolved. Article-like objects (NewsArticle, BlogPosting, ...)
/// are consulted before web-page objects. Broken or hostile JSON is skipped, never thrown.
/// </summary>
internal sealed class JsonLdMetadata
{
    private const int MaxObjects = 500;
    private const int MaxScriptLength = 1_000_000;
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private readonly List<JsonElement> _objects = [];
    private readonly Dictionary<string, JsonElement> _byId = new(StringComparer.Ordinal);

    public JsonLdMetadata(IDocument document)
    {
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json' i]"))
        {
            var text = script.TextContent.Trim();
            if (text.Length > MaxScriptLength)
            {
                continue;
            }

            text = text.Replace("<![CDATA[", string.Empty, StringComparison.Ordinal).Replace("]]>", string.Empty, StringComparison.Ordinal).Trim().TrimEnd(';');
            try
            {
                using var json = JsonDocument.Parse(text, JsonOptions);
                Collect(json.RootElement.Clone(), 0);
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; the other metadata sources still apply.
            }
        }

        foreach (var obj in _objects)
        {
            if (String(obj, "@id") is { } id && obj.EnumerateObject().Count() > 1)
            {
                _byId.TryAdd(id, obj);
            }
        }
    }

    /// <summary>Article objects first, then web pages; other types (Organization, BreadcrumbList, ...) never.</summary>
    private IEnumerable<JsonElement> Primary =>
        _objects.Where(o => Rank(o) == 0).Concat(_objects.Where(o => Rank(o) == 1));

    public string? Headline => Primary.Select(o => String(o, "headline") ?? (Rank(o) == 0 ? String(o, "name") : null)).FirstOrDefault(h => !string.IsNullOrWhiteSpace(h));

    public string? DatePublished => Primary.Select(o => String(o, "datePublished") ?? String(o, "dateCreated")).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d));

    public string? Url => _objects.Where(o => Rank(o) == 0)
        .Select(o => String(o, "url") ?? Reference(o, "mainEntityOfPage"))
        .FirstOrDefault(u => !string.IsNullOrWhiteSpace(u));

    /// <summary>The publisher's name (the site) of the first primary object that names one.</summary>
    public string? Publisher => Primary
        .Select(o => o.TryGetProperty("publisher", out var publisher) ? Name(publisher.ValueKind == JsonValueKind.Array ? publisher.EnumerateArray().FirstOrDefault() : publisher) : null)
        .FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));

    /// <summary>The author names of the first primary object that names any, joined with ", ".</summary>
    public string? Authors
    {
        get
        {
            foreach (var obj in Primary)
            {
                if (!obj.TryGetProperty("author", out var author) && !obj.TryGetProperty("creator", out author))
                {
                    continue;
                }

                var names = (author.ValueKind == JsonValueKind.Array ? author.EnumerateArray().ToList() : [author])
                    .Select(Name)
                    .Where(n => !string.IsNullOrWhiteSpace(n))
                    .Select(n => n!.Trim())
                    .Distinct(StringComparer.OrdinalIgnoreCase)
                    .Take(10)
                    .ToList();
                if (names.Count > 0)
                {
                    return string.Join(", ", names);
                }
            }

            return null;
        }
    }

    private string? Name(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString();
            return text is not null && !text.Contains("://", StringComparison.Ordinal) ? text : null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var name = String(value, "name");
        if (name is null && String(value, "@id") is { } id && _byId.TryGetValue(id, out var target))
        {
            name = String(target, "name");
        }

        return name;
    }

    private void Collect(JsonElement element, int depth)
    {
        if (depth > 12 || _objects.Count >= MaxObjects)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, depth + 1);
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            _objects.Add(element);
            foreach (var property in element.EnumerateObject())
            {
                if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    Collect(property.Value, depth + 1);
                }
            }
        }
    }

    private static int Rank(JsonElement obj)
    {
        if (!obj.TryGetProperty("@type", out var type))
        {
            return 2;
        }

        var types = type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString() ?? string.Empty).ToList()
            : type.ValueKind == JsonValueKind.String ? [type.GetString() ?? string.Empty] : [];
        if (types.Any(t => t.EndsWith("Article", StringComparison.OrdinalIgnoreCase) || t.EndsWith("Posting", StringComparison.OrdinalIgnoreCase)
            || t is "Report" or "PressRelease" or "Blog" or "CreativeWork"))
        {
            return 0;
        }

        return types.Any(t => t.EndsWith("Page", StringComparison.OrdinalIgnoreCase)) ? 1 : 2;
    }

    private static string? Reference(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : String(value, "@id") ?? String(value, "url");
    }

    private static string? String(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()).FirstOrDefault(),
            _ => null,
        };
    }
}
