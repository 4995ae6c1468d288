using Municipal.Web.HostAdmin;

namespace Municipal.Web.Cli;

/// <summary>
/// "operators ..." verbs: accounts of the regional operator (host administration at /host). Exit code 0 on
/// success; 1 with a one-line reason when refused; 2 for a command line that cannot be understood.
/// </summary>
public static class OperatorsCommand
{
    public const string Usage = """
        Utilisation :
          operators create <e-mail> [--password <mot de passe>]
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            var line = CommandLine.Parse(args.Skip(1).ToArray());
            return line.Verb switch
            {
                "create" => await CreateAsync(services, line, output),
                _ => throw new FormatException($"verbe inconnu « {line.Verb} »."),
            };
        }
        catch (FormatException ex)
        {
            await error.WriteLineAsync($"Erreur : {ex.Message}");
            await error.WriteLineAsync(Usage);
            return 2;
        }
        catch (OperatorRequestException ex)
        {
            await error.WriteLineAsync($"Erreur : {ex.Message.ReplaceLineEndings(" ")}");
            return 1;
        }
    }

    private static async Task<int> CreateAsync(IServiceProvider services, CommandLine line, TextWriter output)
    {
        var email = line.Positional(0, "adresse e-mail de l'opérateur");
        await using var scope = services.CreateAsyncScope();
        var generated = await scope.ServiceProvider.GetRequiredService<OperatorAccounts>().CreateAsync(email, line.Optional("password"));
        await output.WriteLineAsync($"Opérateur « {email.Trim()} » créé. Connexion : /host/connexion");
        if (generated is not null)
        {
            await output.WriteLineAsync($"  Mot de passe à usage unique : {generated}");
        }

        return 0;
    }
}
