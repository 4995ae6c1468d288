using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Municipal.Pages.Model;

/// <summary>
/// JSON of a family of records told apart by a "kind" member, where kinds this module does not know still read:
/// as the family's open member (a list block another module shows). The known kinds read and write as
/// System.Text.Json's polymorphism would, so stored home pages and recipes keep their shape.
/// </summary>
public abstract class KindJson<TBase, TOpen> : JsonConverter<TBase>
    where TBase : class
    where TOpen : TBase, IOpenKind
{
    private const string KindMember = "kind";

    /// <summary>The kinds this module knows, with their record types.</summary>
    protected abstract IReadOnlyDictionary<string, Type> Known { get; }

    public override TBase? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var json = JsonNode.Parse(ref reader) as JsonObject ?? throw new JsonException("A block is a JSON object.");
        var kind = json[KindMember]?.GetValue<string>() ?? throw new JsonException("A block needs its \"kind\".");
        if (!Known.TryGetValue(kind, out var type))
        {
            // A kind this module does not know: the open record keeps it ("kind" is one of its members).
            return json.Deserialize<TOpen>(options) ?? throw new JsonException("An empty block.");
        }

        json.Remove(KindMember);
        return (TBase?)json.Deserialize(type, options);
    }

    public override void Write(Utf8JsonWriter writer, TBase value, JsonSerializerOptions options)
    {
        var type = value.GetType();
        var kind = Known.FirstOrDefault(k => k.Value == type).Key ?? ((TOpen)value).Kind;
        var json = (JsonObject)JsonSerializer.SerializeToNode(value, type, options)!;
        writer.WriteStartObject();
        writer.WriteString(KindMember, kind);
        foreach (var (name, member) in json)
        {
            if (!string.Equals(name, KindMember, StringComparison.OrdinalIgnoreCase))
            {
                writer.WritePropertyName(name);
                if (member is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    member.WriteTo(writer, options);
                }
            }
        }

        writer.WriteEndObject();
    }
}

/// <summary>The open member of a family read by <see cref="KindJson{TBase, TOpen}"/>: it carries its own kind.</summary>
public interface IOpenKind
{
    string Kind { get; }
}

/// <summary>The home page's blocks.</summary>
public sealed class HomeBlockJson : KindJson<HomeBlock, ListBlock>
{
    private static readonly Dictionary<string, Type> Kinds = new(StringComparer.Ordinal)
    {
        ["hero"] = typeof(HeroBlock),
        ["quickLinks"] = typeof(QuickLinksBlock),
        ["audiences"] = typeof(AudiencesBlock),
        ["text"] = typeof(TextBlock),
    };

    protected override IReadOnlyDictionary<string, Type> Known => Kinds;
}
