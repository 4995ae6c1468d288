using System.Text.Json;
using Municipal.Forms.Model;

namespace Municipal.Forms.Tests.Json;

public sealed class FormSchemaJsonTests
{
    [Fact]
    public void The_schema_has_the_shape_of_the_issue()
    {
        var form = new FormDefinition
        {
            Slug = "certificat",
            Title = "Certificat de résidence",
            Version = 2,
            Steps =
            [
                new FormStep
                {
                    Title = "Demande",
                    Fields =
                    [
                        new ChoiceField { Name = "pour", Label = "Pour qui ?", Hint = "Un seul choix", Required = true, Options = [new("moi", "Moi"), new("enfant", "Mon enfant")] },
                        new TextField { Name = "enfant", Label = "Nom de l'enfant", Condition = new FieldCondition("pour", "enfant"), MaxLength = 80 },
                    ],
                },
            ],
        };

        var json = FormSchemaJson.WritePublic(form);

        Assert.Equal(
            """{"slug":"certificat","title":"Certificat de résidence","version":2,"retentionDays":365,"loginRequired":false,"steps":[{"title":"Demande","fields":[{"type":"choice","name":"pour","label":"Pour qui ?","hint":"Un seul choix","required":true,"options":[{"value":"moi","label":"Moi"},{"value":"enfant","label":"Mon enfant"}],"display":"radio","personalData":false},{"type":"text","name":"enfant","label":"Nom de l\u0027enfant","required":false,"maxLength":80,"personalData":false,"condition":{"field":"pour","equals":"enfant"}}]}]}""",
            json);
    }

    [Fact]
    public void Every_field_type_round_trips_and_is_named_as_in_the_issue()
    {
        var form = Samples.RoomBooking() with
        {
            Steps =
            [
                .. Samples.RoomBooking().Steps,
                new FormStep
                {
                    Title = "Le reste",
                    Fields =
                    [
                        new TextAreaField { Name = "a", Label = "A", MinLength = 2, Pattern = "x+", PatternMessage = "Que des x." },
                        new EmailField { Name = "b", Label = "B" },
                        new PhoneField { Name = "c", Label = "C" },
                        new MultiChoiceField { Name = "d", Label = "D", Options = [new("1", "Un")] },
                        new FileField { Name = "e", Label = "E", MaxFiles = 3, MaxBytes = 2048, AcceptedTypes = ["image/png"] },
                        new AddressField { Name = "f", Label = "F", PersonalData = true },
                        new IbanField { Name = "g", Label = "G" },
                    ],
                },
            ],
        };

        var json = FormSchemaJson.Write(form);
        var back = FormSchemaJson.Read(json);

        Assert.Null(back.Error);
        Assert.Equal(json, FormSchemaJson.Write(back.Form!));
        var types = JsonDocument.Parse(json).RootElement.GetProperty("steps").EnumerateArray()
            .SelectMany(s => s.GetProperty("fields").EnumerateArray()).Select(f => f.GetProperty("type").GetString()!).ToHashSet(StringComparer.Ordinal);
        Assert.True(types.SetEquals(FieldTypes.All), string.Join(",", types));
        Assert.Equal("Agent", back.Form!.AgentRole);
        Assert.Equal(new DateOnly(2026, 1, 1), Assert.IsType<DateField>(back.Form.AllFields().Single(f => f.Name == "jour")).Min);
        Assert.DoesNotContain("agentRole", FormSchemaJson.WritePublic(form), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"slug":"x","title":"X","steps":[{"title":"A","fields":[{"type":"signature","name":"s","label":"S"}]}]}""")]
    [InlineData("""{"slug":"x","title":"X","steps":[{"title":"A","fields":[{"name":"s","label":"S"}]}]}""")]
    [InlineData("""{"slug":"x","title":"X","steps":[{"title":"A","fields":[{"type":"text","label":"S"}]}]}""")]
    [InlineData("""{"slug":"x","title":null,"steps":[]}""")]
    [InlineData("""{"slug":"x","title":"X","steps":[],"colour":"red"}""")]
    [InlineData("""{"slug":"x","title":"X","steps":[{"title":"A","fields":[{"type":"choice","name":"s","label":"S","options":[],"display":"checkbox"}]}]}""")]
    [InlineData("[1,2,3]")]
    [InlineData("{")]
    [InlineData("null")]
    public void A_bad_definition_gives_a_french_error_instead_of_throwing(string json)
    {
        var result = FormSchemaJson.Read(json);
        Assert.Null(result.Form);
        Assert.StartsWith("La définition du formulaire", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deeply_nested_definition_is_refused()
    {
        var json = """{"slug":"x","title":"X","steps":[{"title":"A","fields":[{"type":"text","name":"s","label":"S","hint":""" + new string('[', 5000) + new string(']', 5000) + "}]}]}";
        Assert.Null(FormSchemaJson.Read(json).Form);
    }
}
