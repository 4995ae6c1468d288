using Municipal.Forms.Model;
using Municipal.Forms.Validation;

namespace Municipal.Forms.Tests.Validation;

public sealed class FormDefinitionCheckerTests
{
    [Fact]
    public void A_sound_form_has_no_problem()
    {
        Assert.Empty(FormDefinitionChecker.Check(Samples.RoomBooking()));
    }

    [Theory]
    [InlineData("suivi")]
    [InlineData("connexion")]
    [InlineData("deconnexion")]
    public void The_address_of_an_e_counter_page_is_refused_as_a_forms_address(string slug)
    {
        var problem = Assert.Single(FormDefinitionChecker.Check(Samples.RoomBooking() with { Slug = slug }));

        Assert.Contains($"« {slug} » est réservée", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_unsound_part_is_named()
    {
        var form = new FormDefinition
        {
            Slug = "Réserver une salle",
            Title = " ",
            Steps =
            [
                new FormStep
                {
                    Title = "Étape",
                    Fields =
                    [
                        new TextField { Name = "nom", Label = "Nom", MinLength = 10, MaxLength = 5, Pattern = "[a-" },
                        new TextField { Name = "nom", Label = "Nom encore" },
                        new TextField { Name = "adresse.rue", Label = "Rue" },
                        new ChoiceField { Name = "salle", Label = "Salle", Options = [new("a", "A"), new("a", "A bis")] },
                        new TextField { Name = "plus", Label = "Plus", Condition = new FieldCondition("apres", "x") },
                        new TextField { Name = "autre", Label = "Autre", Condition = new FieldCondition("salle", "piscine") },
                        new FileField { Name = "photos", Label = "Photos", MaxFiles = 0 },
                        new InfoField { Name = "note", Label = "Note", Required = true },
                        new BooleanField { Name = "apres", Label = "Après" },
                    ],
                },
            ],
        };

        var problems = FormDefinitionChecker.Check(form);

        Assert.Equal(11, problems.Count);
        Assert.Contains("Deux champs portent le nom « nom » : chaque champ doit avoir un nom différent.", problems);
        Assert.Contains("Le modèle (expression régulière) du champ « nom » n'est pas valide.", problems);
        Assert.Contains(problems, p => p.StartsWith("Le nom technique du champ « adresse.rue »", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("La condition du champ « plus » doit porter sur un champ placé avant lui", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("La valeur de la condition du champ « autre »", StringComparison.Ordinal));
    }

    [Fact]
    public void Reading_json_refuses_an_unsound_form()
    {
        var json = FormSchemaJson.Write(Samples.RoomBooking() with { Slug = "Pas Bon" });
        var result = FormSchemaJson.Read(json);
        Assert.Null(result.Form);
        Assert.StartsWith("La définition du formulaire ne peut pas être utilisée : L'adresse du formulaire (slug)", result.Error, StringComparison.Ordinal);
    }
}
