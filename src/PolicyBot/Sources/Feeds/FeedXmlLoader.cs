using System.Xml;
using System.Xml.Linq;

namespace PolicyBot.Sources.Feeds;

/// <summary>
/// Loads feed XML securely: a strict pass (DTDs ignored, no resolver, bounded entities) and, when that
/// fails, a tolerant re-parse that recovers what a feed reader would. Never throws on bad input.
/// </summary>
internal sealed class FeedXmlLoader
{
    /// <summary>Elements nested deeper than this are dropped (protects later processing).</summary>
    public const int MaxDepth = 256;

    /// <summary>The loaded root element, whether the input was well-formed, and what was wrong.</summary>
    public sealed record Loaded(XElement? Root, bool IsWellFormed, string? Problem);

    public Loaded Load(string text)
    {
        var strict = LoadStrict(text);
        if (strict.Error is null)
        {
            return new Loaded(strict.Root, strict.Truncated is null, strict.Truncated);
        }

        var tolerant = new TolerantXmlParser(MaxDepth).Parse(text);
        return new Loaded(tolerant, false, $"not well-formed XML, recovered leniently: {strict.Error}");
    }

    private static (XElement? Root, string? Error, string? Truncated) LoadStrict(string text)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersFromEntities = 1_000_000,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CheckCharacters = true,
        };

        XElement? root = null;
        XElement? current = null;
        string? truncated = null;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            var more = reader.Read();
            while (more)
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element when reader.Depth >= MaxDepth:
                        truncated = $"elements nested deeper than {MaxDepth} levels were dropped";
                        reader.Skip();
                        more = reader.ReadState == ReadState.Interactive;
                        continue;
                    case XmlNodeType.Element:
                        var element = ReadElement(reader);
                        if (current is null)
                        {
                            root ??= element;
                        }
                        else
                        {
                            current.Add(element);
                        }

                        if (!reader.IsEmptyElement)
                        {
                            current = element;
                        }

                        break;
                    case XmlNodeType.EndElement:
                        current = current?.Parent;
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                        current?.Add(new XText(reader.Value));
                        break;
                }

                more = reader.Read();
            }
        }
        catch (XmlException ex)
        {
            return (null, ex.Message, null);
        }

        return root is null ? (null, "the document has no root element", null) : (root, null, truncated);
    }

    private static XElement ReadElement(XmlReader reader)
    {
        var element = new XElement(XNamespace.Get(reader.NamespaceURI) + reader.LocalName);
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                var name = reader.NamespaceURI == "http://www.w3.org/2000/xmlns/"
                    ? (reader.Prefix.Length == 0 ? XName.Get("xmlns") : XNamespace.Xmlns + reader.LocalName)
                    : XNamespace.Get(reader.NamespaceURI) + reader.LocalName;
                if (element.Attribute(name) is null)
                {
                    element.Add(new XAttribute(name, reader.Value));
                }
            }
            while (reader.MoveToNextAttribute());

            reader.MoveToElement();
        }

        return element;
    }
}
