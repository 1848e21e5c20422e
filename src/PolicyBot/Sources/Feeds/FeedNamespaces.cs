using System.Collections.Frozen;
using System.Xml.Linq;

namespace PolicyBot.Sources.Feeds;

/// <summary>XML namespaces used by the feed formats PolicyBot reads.</summary>
internal static class FeedNamespaces
{
    public static readonly XNamespace Atom10 = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace Atom03 = "http://purl.org/atom/ns#";
    public static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public static readonly XNamespace Rss10 = "http://purl.org/rss/1.0/";
    public static readonly XNamespace Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    public static readonly XNamespace DcTerms = "http://purl.org/dc/terms/";
    public static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    public static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    public static readonly XNamespace Itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";

    /// <summary>Well-known prefixes, used to recover documents that forgot to declare them.</summary>
    public static readonly FrozenDictionary<string, string> WellKnownPrefixes = new Dictionary<string, string>
    {
        ["atom"] = Atom10.NamespaceName,
        ["rdf"] = Rdf.NamespaceName,
        ["dc"] = Dc.NamespaceName,
        ["dcterms"] = DcTerms.NamespaceName,
        ["content"] = Content.NamespaceName,
        ["xhtml"] = Xhtml.NamespaceName,
        ["itunes"] = Itunes.NamespaceName,
        ["media"] = "http://search.yahoo.com/mrss/",
        ["slash"] = "http://purl.org/rss/1.0/modules/slash/",
        ["wfw"] = "http://wellformedweb.org/CommentAPI/",
        ["sy"] = "http://purl.org/rss/1.0/modules/syndication/",
        ["feedburner"] = "http://rssnamespace.org/feedburner/ext/1.0",
    }.ToFrozenDictionary();
}
