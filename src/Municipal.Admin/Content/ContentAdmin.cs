namespace Municipal.Admin.Content;

/// <summary>The content back office: list, new and edit forms, preview, publish, unpublish, schedule.</summary>
public static class ContentAdmin
{
    public static IServiceCollection AddContentAdmin(this IServiceCollection services)
    {
        services.AddSingleton<ContentEditors>();
        services.AddScoped<ContentFieldViewBuilder>();
        services.AddScoped<ContentEditPage>();
        services.AddScoped<ContentParentChoices>();
        services.AddSingleton(new AdminMenuItem("NavContents", ContentAdminRoutes.List, AdminPermissions.EditContent, Order: 10));

        return services;
    }

    public static void MapContentAdmin(this IEndpointRouteBuilder endpoints)
    {
        var contents = endpoints.MapAdminArea("/contenus").RequirePermission(AdminPermissions.EditContent);
        contents.MapGet("/", ContentListEndpoints.ListAsync);
        contents.MapGet("/nouveau", ContentEditEndpoints.NewFormAsync);
        contents.MapGet("/liens", ContentLinkSearch.SearchAsync);
        contents.MapPost("/nouveau", ContentEditEndpoints.CreateAsync);
        contents.MapGet("/{id}", ContentEditEndpoints.EditFormAsync);
        contents.MapPost("/{id}", ContentEditEndpoints.UpdateAsync);
        contents.MapGet("/{id}/apercu", ContentPreviewEndpoint.PreviewAsync);
        contents.MapPost("/{id}/publier", ContentPublishEndpoints.PublishAsync).RequirePermission(AdminPermissions.PublishContent);
        contents.MapPost("/{id}/depublier", ContentPublishEndpoints.UnpublishAsync).RequirePermission(AdminPermissions.PublishContent);
        contents.MapPost("/{id}/programmer", ContentPublishEndpoints.ScheduleAsync).RequirePermission(AdminPermissions.PublishContent);
        contents.MapPost("/{id}/programmer/annuler", ContentPublishEndpoints.CancelScheduleAsync).RequirePermission(AdminPermissions.PublishContent);
    }
}
