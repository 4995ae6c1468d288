using Municipal.Forms.Model;

namespace Municipal.Forms.Tests;

/// <summary>A room booking form with conditional fields, the shape of one of the shipped forms.</summary>
internal static class Samples
{
    public static FormDefinition RoomBooking() => new()
    {
        Slug = "reserver-une-salle",
        Title = "Réserver une salle communale",
        Intro = "Réservez une salle pour un événement.",
        ConfirmationText = "Votre demande est reçue.",
        AgentRole = "Agent",
        RetentionDays = 730,
        LoginRequired = false,
        Version = 3,
        Steps =
        [
            new FormStep
            {
                Title = "Vous",
                Fields =
                [
                    new TextField { Name = "nom", Label = "Nom et prénom", Required = true, MaxLength = 100, PersonalData = true },
                    new NrnField { Name = "nrn", Label = "Numéro de registre national", Hint = "Au dos de votre carte d'identité", Required = true, PersonalData = true },
                    new BooleanField { Name = "association", Label = "Réservez-vous pour une association ?", Required = true },
                    new TextField { Name = "asbl", Label = "Nom de l'association", Required = true, Condition = new FieldCondition("association", "true") },
                ],
            },
            new FormStep
            {
                Title = "La réservation",
                Fields =
                [
                    new ChoiceField { Name = "salle", Label = "Salle", Required = true, Display = ChoiceDisplay.Select, Options = [new("fetes", "Salle des fêtes"), new("conseil", "Salle du conseil")] },
                    new NumberField { Name = "personnes", Label = "Nombre de personnes", Required = true, Min = 1, Max = 250, WholeNumber = true, Condition = new FieldCondition("salle", "fetes") },
                    new DateField { Name = "jour", Label = "Date", Required = true, Min = new DateOnly(2026, 1, 1) },
                    new InfoField { Name = "rappel", Label = "Les clés sont à retirer à l'accueil." },
                    new ConsentField { Name = "reglement", Label = "J'accepte le règlement des salles", Required = true },
                ],
            },
        ],
    };
}
