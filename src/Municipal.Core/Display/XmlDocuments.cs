using System.Xml;

namespace Municipal.Core.Display;

/// <summary>XML answers (sitemap, Atom feed), written in UTF-8 with absolute URLs of the current tenant (see TenantUrls).</summary>
public static class XmlDocuments
{
    private static readonly XmlWriterSettings Settings = new() { Indent = true, Encoding = new UTF8Encoding(false) };

    public static IResult Result(string contentType, Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            write(xml);
        }

        return Results.Bytes(buffer.ToArray(), contentType + "; charset=utf-8");
    }

    public static void WriteLink(XmlWriter xml, string ns, string rel, string href)
    {
        xml.WriteStartElement("link", ns);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }
}
