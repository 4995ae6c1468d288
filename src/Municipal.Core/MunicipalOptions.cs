namespace Municipal.Core;

/// <summary>The configuration section "Municipal".</summary>
public sealed class MunicipalOptions
{
    public const string Section = "Municipal";

    /// <summary>Folder of the host database and of every tenant's files. Relative paths are taken from the content root.</summary>
    public string DataPath { get; set; } = "App_Data";

    public DatabaseOptions Database { get; set; } = new();

    /// <summary>
    /// Key that authorises the host API under /api/host. Without a key the API answers 404. At least
    /// <see cref="HostApiKeyMinLength"/> characters, or the host does not start.
    /// </summary>
    public string? HostApiKey { get; set; }

    public const int HostApiKeyMinLength = 32;

    /// <summary>Where recipes given by name are looked up (&lt;RecipesPath&gt;/&lt;name&gt;.recipe.json), relative to the binaries.</summary>
    public string RecipesPath { get; set; } = "recipes";

    /// <summary>After this long without a request, a tenant's pooled connections and caches are released.</summary>
    public TimeSpan TenantIdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// At most this many tenants keep pooled connections; beyond it the least recently asked for give them back.
    /// Bounds memory and file descriptors (about 4 per active SQLite tenant) whatever the number of tenants.
    /// </summary>
    public int MaxActiveTenants { get; set; } = 500;

    /// <summary>
    /// Scheme of the absolute links the engine writes (mails, feeds, sitemap). "https" by default: a production site is
    /// served over TLS, usually behind a proxy, so the request's own scheme says nothing. The demo's appsettings.json says "http".
    /// </summary>
    public string PublicScheme { get; set; } = "https";

    /// <summary>Port of those links; none (or the scheme's default) writes no port. Never taken from the request.</summary>
    public int? PublicPort { get; set; }

    /// <summary>
    /// The host on which tenants known by a path prefix only answer (another Host header finds no tenant), and
    /// the host of their links. A host tenant answers on its own hosts only.
    /// </summary>
    public string PublicHost { get; set; } = "localhost";

    /// <summary>Create the demo tenant on first run when the registry is empty.</summary>
    public bool CreateDemoTenant { get; set; } = true;

    public SignInOptions SignIn { get; set; } = new();

    public JobOptions Jobs { get; set; } = new();

    public Mail.MailOptions Mail { get; set; } = new();

    /// <summary>
    /// How citizens prove who they are for e-counter forms that require it: "none" (such forms say sign-in is not
    /// available yet) or "simulation", a stand-in for the national authentication service, for tests and demos only.
    /// </summary>
    public string CitizenIdentity { get; set; } = "none";

    /// <summary>Proxies whose X-Forwarded-For/Proto are believed (none by default).</summary>
    public Security.ReverseProxyOptions ReverseProxy { get; set; } = new();
}

/// <summary>The section "Municipal:SignIn": limits of the back office's sign-in.</summary>
public sealed class SignInOptions
{
    /// <summary>Sign-in attempts (POST) allowed per client (IPv4 address or IPv6 /64) and minute; beyond, 429.</summary>
    public int PermitPerMinute { get; set; } = 10;

    /// <summary>
    /// How long a back-office session lasts at most from its sign-in, however active: a stolen cookie stops working,
    /// and a shared computer is signed out by the next working day. The sliding window (8 hours idle) still applies.
    /// </summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Wrong passwords (or codes) one client may try for one address before each further try must wait.</summary>
    public int FailuresBeforeDelay { get; set; } = 3;

    /// <summary>The wait after the free failures: 1 minute, then doubled at each further failure, up to this.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>The section "Municipal:Jobs": the durable background jobs (scheduled publishing, mail, retention).</summary>
public sealed class JobOptions
{
    /// <summary>
    /// Poll for due jobs in the background. Off in a host whose jobs a caller runs by hand
    /// (<see cref="Background.JobRunner.RunDueAsync"/>): a test host on a fake clock must be the only one that acts on
    /// its jobs, or a host on the real clock runs them early.
    /// </summary>
    public bool RunInBackground { get; set; } = true;
}

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>PostgreSQL connection string (without search path: each tenant gets its own schema).</summary>
    public string? ConnectionString { get; set; }
}
