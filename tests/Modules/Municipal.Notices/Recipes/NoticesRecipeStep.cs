using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Content;
using Municipal.Core.Recipes;
using Municipal.Notices.Model;
using Municipal.Notices.Resources;

namespace Municipal.Notices.Recipes;

/// <summary>{"step": "notices", "notices": [{"title": "...", "posted": "2026-12-01"}]}</summary>
public sealed record NoticesStepModel(IReadOnlyList<Notice> Notices);

/// <summary>Posts a recipe's notices on the tenant's board (replacing those it had).</summary>
public sealed class NoticesRecipeStep : RecipeStep<NoticesStepModel>
{
    public override string Name => "notices";

    protected override IEnumerable<string> Validate(NoticesStepModel model) =>
        model.Notices.Where(n => string.IsNullOrWhiteSpace(n.Title)).Select(_ => NoticesText.Get("RecipeNoticeNoTitle"));

    protected override Task ExecuteAsync(NoticesStepModel model, RecipeExecutionContext context, CancellationToken cancellationToken) =>
        context.Services.GetRequiredService<SiteSettingsStore>().SaveAsync(
            new NoticeBoard { Notices = model.Notices.OrderByDescending(n => n.Posted).ToList() },
            cancellationToken);
}
