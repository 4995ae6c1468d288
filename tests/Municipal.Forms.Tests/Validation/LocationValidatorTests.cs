using Municipal.Forms.Model;
using Municipal.Forms.Storage;
using Municipal.Forms.Validation;

namespace Municipal.Forms.Tests.Validation;

/// <summary>An address that is a place ("location"): a position may stand for it, and a house number is optional.</summary>
public sealed class LocationValidatorTests
{
    private static readonly AddressField Place = new() { Name = "lieu", Label = "Endroit du problème", Required = true, Location = true };

    [Fact]
    public void A_position_alone_is_a_place_and_reads_as_a_position()
    {
        var outcome = FormValidator.ValidateField(Place, new AddressValue("", "", "", "", "", 50.4651m, 4.866m));

        Assert.True(outcome.IsValid);
        Assert.Equal(new AddressValue("", "", null, "", "", 50.4651m, 4.866m), outcome.Value);
        var json = SubmissionValuesJson.Write(new Dictionary<string, FieldValue> { ["lieu"] = outcome.Value! }, new Dictionary<string, IReadOnlyList<StoredFileReference>>());
        var form = new FormDefinition { Slug = "s", Title = "S", Steps = [new FormStep { Title = "L'endroit", Fields = [Place] }] };
        Assert.Equal("position 50.46510, 4.86600", StoredAnswers.Lines(form, json).Single().Text);
    }

    [Fact]
    public void A_place_needs_no_house_number_but_a_home_address_does()
    {
        var street = new AddressValue("Rue de la Gare", "", null, "5000", "Valmont");

        Assert.True(FormValidator.ValidateField(Place, street).IsValid);
        var home = Assert.Single(FormValidator.ValidateField(Place with { Location = false }, street).Errors);
        Assert.Equal("lieu.number", home.Field);
    }

    [Theory]
    [InlineData(50.4651, null)]
    [InlineData(95.0, 4.866)]
    [InlineData(50.4651, 190.0)]
    public void A_half_or_impossible_position_is_refused_on_the_latitude(double latitude, double? longitude)
    {
        var value = new AddressValue("", "", null, "", "", (decimal)latitude, longitude is { } l ? (decimal)l : null);

        var error = Assert.Single(FormValidator.ValidateField(Place, value).Errors);

        Assert.Equal("lieu.latitude", error.Field);
        Assert.Equal("La position de « Endroit du problème » doit avoir une latitude (entre -90 et 90) et une longitude (entre -180 et 180), en degrés, par exemple 50.46510 et 4.86600.", error.Message);
    }

    [Fact]
    public void Nothing_at_all_asks_for_the_address_or_the_position()
    {
        Assert.Equal("Indiquez l'endroit dans « Endroit du problème » : son adresse, ou sa position.", Assert.Single(FormValidator.ValidateField(Place, null).Errors).Message);
    }

    [Fact]
    public void A_home_address_ignores_a_position()
    {
        var outcome = FormValidator.ValidateField(Place with { Location = false }, new AddressValue("Rue de Fer", "12", null, "5000", "Namur", 50m, 4m));

        Assert.Equal(new AddressValue("Rue de Fer", "12", null, "5000", "Namur"), outcome.Value);
    }
}
