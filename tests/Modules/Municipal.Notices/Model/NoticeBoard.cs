using Municipal.Core.Content;

namespace Municipal.Notices.Model;

/// <summary>A notice to the population, as posted.</summary>
public sealed record Notice(string Title, DateOnly Posted);

/// <summary>The tenant's notices, newest first, kept as a section of the site settings.</summary>
public sealed class NoticeBoard : ISettingsSection
{
    public static string SectionName => "notices";

    public List<Notice> Notices { get; set; } = [];
}
