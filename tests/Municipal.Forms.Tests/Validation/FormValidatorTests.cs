using Municipal.Forms.Model;
using Municipal.Forms.Validation;

namespace Municipal.Forms.Tests.Validation;

public sealed class FormValidatorTests
{
    private readonly FormDefinition _form = Samples.RoomBooking();

    [Fact]
    public void All_errors_come_in_the_order_of_the_fields()
    {
        var result = FormValidator.ValidateForm(_form, new Dictionary<string, FieldValue>
        {
            ["reglement"] = new BooleanValue(false),
            ["nrn"] = new TextValue("85.07.30-033.29"),
            ["association"] = new BooleanValue(true),
        });
        Assert.Equal(["nom", "nrn", "asbl", "salle", "jour", "reglement"], result.Errors.Select(e => e.Field));
        Assert.False(result.IsValid);
    }

    [Fact]
    public void A_field_hidden_by_its_condition_is_not_required_and_its_answer_is_dropped()
    {
        var result = FormValidator.ValidateForm(_form, new Dictionary<string, FieldValue>
        {
            ["nom"] = new TextValue("Marie Dupont"),
            ["nrn"] = new TextValue("85.07.30-033.28"),
            ["association"] = new BooleanValue(false),
            ["asbl"] = new TextValue("Les amis du jeu de balle"), // hidden: association is "false"
            ["salle"] = new ChoiceValue("conseil"),
            ["personnes"] = new NumberValue(9999), // hidden: only for the salle des fêtes, so not even checked
            ["jour"] = new DateValue(new DateOnly(2026, 5, 2)),
            ["reglement"] = new BooleanValue(true),
        });
        Assert.True(result.IsValid, string.Join(" | ", result.Errors.Select(e => e.Message)));
        Assert.False(result.Values.ContainsKey("asbl"));
        Assert.False(result.Values.ContainsKey("personnes"));
        Assert.Equal(new TextValue("85073003328"), result.Values["nrn"]);
    }

    [Fact]
    public void A_field_shown_by_its_condition_is_checked()
    {
        var values = new Dictionary<string, FieldValue>
        {
            ["association"] = new BooleanValue(true),
            ["salle"] = new ChoiceValue("fetes"),
            ["personnes"] = new NumberValue(300),
        };
        var errors = FormValidator.ValidateForm(_form, values).Errors.Select(e => e.Field).ToList();
        Assert.Contains("asbl", errors);
        Assert.Contains("personnes", errors);
    }

    [Fact]
    public void A_step_checks_its_own_fields_with_the_answers_of_earlier_steps_deciding_its_conditions()
    {
        var values = new Dictionary<string, FieldValue>
        {
            ["salle"] = new ChoiceValue("fetes"),
            ["jour"] = new DateValue(new DateOnly(2026, 5, 2)),
            ["reglement"] = new BooleanValue(true),
        };
        var step2 = FormValidator.ValidateStep(_form, 1, values);
        Assert.Equal(["personnes"], step2.Errors.Select(e => e.Field)); // step 1's missing name is not this step's error
        Assert.Equal(["jour", "reglement", "salle"], step2.Values.Keys.Order(StringComparer.Ordinal));

        var step1 = FormValidator.ValidateStep(_form, 0, values);
        Assert.Equal(["nom", "nrn", "association"], step1.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Errors_of_the_reader_take_the_place_of_the_fields_checks_in_order()
    {
        var readErrors = new List<FieldError> { new("jour", "lu de travers"), new("values", "champ inconnu") };
        var result = FormValidator.ValidateForm(_form, new Dictionary<string, FieldValue>(), readErrors);
        Assert.Equal("values", result.Errors[0].Field);
        Assert.Equal("lu de travers", Assert.Single(result.Errors, e => e.Field == "jour").Message);
        Assert.True(result.Errors.ToList().FindIndex(e => e.Field == "salle") < result.Errors.ToList().FindIndex(e => e.Field == "jour"));
    }
}
