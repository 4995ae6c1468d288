namespace Municipal.Admin.Review;

/// <summary>
/// The review workflow, revision history and trash of the back office: services, navigation and routes
/// (<see cref="ContentAdminRoutes"/>), and the pages every one of them falls back on (not found, refused).
/// </summary>
public static class ReviewPages
{
    /// <summary>Permanent deletion from the trash (administrators only): GET asks to confirm, POST deletes.</summary>
    public static string DeleteForever(string contentItemId) => $"{ContentAdminRoutes.Trash}/{Uri.EscapeDataString(contentItemId)}/supprimer";

    public static IServiceCollection AddContentReview(this IServiceCollection services)
    {
        services.AddScoped<ContentWorkflow>();
        services.AddScoped<ContentTrash>();
        services.AddScoped<ReviewMail>();

        services.AddSingleton(new AdminMenuItem("NavReview", ContentAdminRoutes.ReviewQueue, AdminPermissions.PublishContent, Order: 15));
        services.AddSingleton(new AdminMenuItem("NavTrash", ContentAdminRoutes.Trash, AdminPermissions.PublishContent, Order: 70));
        return services;
    }

    public static IEndpointRouteBuilder MapContentReview(this IEndpointRouteBuilder endpoints)
    {
        var contents = endpoints.MapAdminArea("/contenus");
        contents.MapPost("/{id}/soumettre", ReviewEndpoints.SubmitAsync).RequirePermission(AdminPermissions.EditContent);
        contents.MapGet("/{id}/revisions", RevisionEndpoints.RevisionsAsync).RequirePermission(AdminPermissions.EditContent);
        contents.MapGet("/{id}/revisions/{rev:long}", RevisionEndpoints.RevisionAsync).RequirePermission(AdminPermissions.EditContent);
        contents.MapPost("/{id}/revisions/{rev:long}/restaurer", RevisionEndpoints.RestoreAsync).RequirePermission(AdminPermissions.EditContent);
        contents.MapPost("/{id}/corbeille", TrashEndpoints.MoveToTrashAsync).RequirePermission(AdminPermissions.PublishContent);

        var review = endpoints.MapAdminArea("/relecture").RequirePermission(AdminPermissions.PublishContent);
        review.MapGet("/", ReviewEndpoints.QueueAsync);
        review.MapGet("/{id}", ReviewEndpoints.ReviewAsync);
        review.MapPost("/{id}/approuver", ReviewEndpoints.ApproveAsync);
        review.MapPost("/{id}/renvoyer", ReviewEndpoints.SendBackAsync);

        var trash = endpoints.MapAdminArea("/corbeille").RequirePermission(AdminPermissions.PublishContent);
        trash.MapGet("/", TrashEndpoints.ListAsync);
        trash.MapPost("/{id}/restaurer", TrashEndpoints.RestoreAsync);
        trash.MapGet("/{id}/supprimer", TrashEndpoints.ConfirmDeleteAsync).RequireAuthorization(TrashEndpoints.AdministratorsOnly);
        trash.MapPost("/{id}/supprimer", TrashEndpoints.DeleteAsync).RequireAuthorization(TrashEndpoints.AdministratorsOnly);
        return endpoints;
    }

    /// <summary>The name revisions and the audit log keep of the signed-in user: their e-mail address (mails go back to it).</summary>
    internal static string? UserName(HttpContext http) => http.User.FindFirstValue(ClaimTypes.Email) ?? http.User.Identity?.Name;

    internal static Task<IResult> NotFoundAsync(HttpContext http, AdminViews views) =>
        MessageAsync(http, views, CoreText.Get("ReviewNotFoundTitle"), CoreText.Get("ReviewNotFoundBody"), ContentAdminRoutes.List, StatusCodes.Status404NotFound);

    /// <summary>An action that cannot be done now, and why (409): nothing was changed.</summary>
    internal static Task<IResult> ConflictAsync(HttpContext http, AdminViews views, string message, string backPath) =>
        MessageAsync(http, views, CoreText.Get("ReviewConflictTitle"), message, backPath, StatusCodes.Status409Conflict);

    private static Task<IResult> MessageAsync(HttpContext http, AdminViews views, string title, string message, string backPath, int statusCode) =>
        views.RenderViewAsync(http, "AdminReviewMessage", title, new ReviewMessageView([], title, message, ReviewViewModels.Url(http, backPath)), statusCode);

    /// <summary>The French reason of a refused review action.</summary>
    internal static string Reason(WorkflowRefusal refusal) => CoreText.Get("ReviewRefused" + refusal);
}
