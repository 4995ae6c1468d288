using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Municipal.Pages.Model;

/// <summary>
/// JSON of a family of records told apart by a "kind" member, where kinds this module does not know still read:
/// as the family's open member (a list block another module shows). The known kinds read and write as
/// System.Text.Json's polymorphism would, so stored home pages and recipes keep their shape.
/// </summary>
public abstract class KindJson<TBase> : JsonConverter<TBase>
    where TBase : class
{
    private const string KindMember = "kind";

    /// <summary>The kinds this module knows, with their record types.</summary>
    protected abstract IReadOnlyDictionary<string, Type> Known { get; }

    /// <summary>The record of a kind this module does not know; <paramref name="json"/> includes "kind".</summary>
    protected abstract TBase Open(JsonObject json, JsonSerializerOptions options);

    /// <summary>The kind of an open record.</summary>
    protected abstract string OpenKind(TBase value);

    public override TBase? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var json = JsonNode.Parse(ref reader) as JsonObject ?? throw new JsonException("A block is a JSON object.");
        var kind = json[KindMember]?.GetValue<string>() ?? throw new JsonException("A block needs its \"kind\".");
        if (!Known.TryGetValue(kind, out var type))
        {
            return Open(json, options);
        }

        json.Remove(KindMember);
        return (TBase?)json.Deserialize(type, options);
    }

    public override void Write(Utf8JsonWriter writer, TBase value, JsonSerializerOptions options)
    {
        var type = value.GetType();
        var kind = Known.FirstOrDefault(k => k.Value == type).Key ?? OpenKind(value);
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

/// <summary>The home page's blocks.</summary>
public sealed class HomeBlockJson : KindJson<HomeBlock>
{
    private static readonly Dictionary<string, Type> Kinds = new(StringComparer.Ordinal)
    {
        ["hero"] = typeof(HeroBlock),
        ["quickLinks"] = typeof(QuickLinksBlock),
        ["audiences"] = typeof(AudiencesBlock),
        ["text"] = typeof(TextBlock),
    };

    protected override IReadOnlyDictionary<string, Type> Known => Kinds;

    protected override HomeBlock Open(JsonObject json, JsonSerializerOptions options) =>
        json.Deserialize<ListBlock>(options) ?? throw new JsonException("An empty block.");

    protected override string OpenKind(HomeBlock value) => ((ListBlock)value).Kind;
}
