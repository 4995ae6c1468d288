using Municipal.Admin.Audit;

namespace Municipal.Admin.Users;

/// <summary>Services of users, invitations, two-factor sign-in and the journal.</summary>
public static class UsersServiceCollectionExtensions
{
    public static IServiceCollection AddMunicipalUsers(this IServiceCollection services)
    {
        services.AddScoped<TenantUsers>();

        // Token providers by name, as IdentityBuilder.AddTokenProvider registers them.
        services.AddTransient<InvitationTokenProvider>();
        services.AddTransient<AuthenticatorTokenProvider<IdentityUser>>();
        services.Configure<IdentityOptions>(options =>
        {
            options.Tokens.ProviderMap[InvitationTokenProvider.ProviderName] = new TokenProviderDescriptor(typeof(InvitationTokenProvider));
            options.Tokens.ProviderMap[TokenOptions.DefaultAuthenticatorProvider] = new TokenProviderDescriptor(typeof(AuthenticatorTokenProvider<IdentityUser>));
            options.Tokens.AuthenticatorTokenProvider = TokenOptions.DefaultAuthenticatorProvider;
        });


        services.AddSingleton(new AdminMenuItem("NavUsers", UserViews.ListPath, AdminPermissions.ManageUsers, Order: 50));
        services.AddSingleton(new AdminMenuItem("NavAudit", AuditLogEndpoints.Path, AdminPermissions.ViewAudit, Order: 60));
        services.AddSingleton(new AdminMenuItem("NavAccount", AccountEndpoints.Path, Permission: null, Order: 90));
        return services;
    }
}
