using System.Linq.Expressions;

namespace Municipal.Core.Sharing;

/// <summary>
/// The shared catalogue as subscribers read it, from the host database (SQLite or PostgreSQL alike): only items of
/// running tenants other than the reader, selected by the reader's rules, then filtered. Occurrences are read from one
/// index (type, start) joined to their item; nothing is expanded here.
/// </summary>
public sealed class SharedCatalog(HostDbContext host, TenantRegistry registry) : ISharedCatalog
{
    public async Task<SharedPage<SharedOccurrenceHit>> OccurrencesAsync(
        string readerTenant, string contentType, IReadOnlyList<SharedSourceRule> rules, SharedFilter filter,
        DateTimeOffset fromUtc, DateTimeOffset toUtc, int skip, int take, CancellationToken cancellationToken)
    {
        var sources = await SourcesOfAsync(readerTenant, rules, cancellationToken);
        if (sources.Count == 0)
        {
            return new SharedPage<SharedOccurrenceHit>([], 0);
        }

        var names = sources.Keys.ToArray();
        var selected = rules.Where(r => sources.ContainsKey(r.Tenant)).ToArray();
        var occurrences = host.SharedOccurrences.AsNoTracking()
            .Where(o => o.ContentType == contentType && o.StartUtc >= fromUtc && o.StartUtc < toUtc && names.Contains(o.SourceTenant));
        occurrences = Filtered(occurrences, filter);
        if (RulesNeedItems(selected))
        {
            // As EXISTS: the database walks the occurrence index by start and looks each item up by its key, whatever
            // it would guess from a join (items first, then a sort of all their occurrences). The citizen's filter
            // reads the facets copied on the occurrence, so only a rule's categories, topics or postal codes come here.
            var items = Selected(contentType, selected, new SharedFilter());
            occurrences = occurrences.Where(o => items.Any(i => i.Id == o.ItemId));
        }

        var total = await occurrences.CountAsync(cancellationToken);
        var query =
            from o in occurrences
            join i in host.SharedItems.AsNoTracking() on o.ItemId equals i.Id
            select new { Occurrence = o, Item = i };
        if (total == 0 || take <= 0)
        {
            return new SharedPage<SharedOccurrenceHit>([], total);
        }

        var rows = await query
            .OrderBy(r => r.Occurrence.StartUtc).ThenBy(r => r.Occurrence.Title).ThenBy(r => r.Occurrence.Id)
            .Skip(Math.Max(0, skip)).Take(take)
            .ToListAsync(cancellationToken);
        return new SharedPage<SharedOccurrenceHit>(
            rows.Select(r => new SharedOccurrenceHit(ToItem(r.Item, sources), ToOccurrence(r.Occurrence))).ToArray(),
            total);
    }

    public async Task<SharedPage<SharedItem>> ItemsAsync(
        string readerTenant, string contentType, IReadOnlyList<SharedSourceRule> rules, SharedFilter filter,
        int skip, int take, CancellationToken cancellationToken)
    {
        var sources = await SourcesOfAsync(readerTenant, rules, cancellationToken);
        if (sources.Count == 0)
        {
            return new SharedPage<SharedItem>([], 0);
        }

        var query = Selected(contentType, rules.Where(r => sources.ContainsKey(r.Tenant)).ToArray(), filter);
        var total = await query.CountAsync(cancellationToken);
        if (total == 0 || take <= 0)
        {
            return new SharedPage<SharedItem>([], total);
        }

        var rows = await query.OrderBy(i => i.Title).ThenBy(i => i.Id).Skip(Math.Max(0, skip)).Take(take).ToListAsync(cancellationToken);
        return new SharedPage<SharedItem>(rows.Select(i => ToItem(i, sources)).ToArray(), total);
    }

    public async Task<SharedItem?> FindAsync(string sourceTenant, string contentType, string slug, CancellationToken cancellationToken)
    {
        var lookup = await registry.GetLookupAsync(cancellationToken);
        if (!lookup.ByName.TryGetValue(sourceTenant, out var source) || source.State != TenantState.Running)
        {
            return null;
        }

        var row = await host.SharedItems.AsNoTracking()
            .Where(i => i.SourceTenant == sourceTenant && i.ContentType == contentType && i.Slug == slug)
            .OrderByDescending(i => i.PublishedUtc).ThenByDescending(i => i.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : ToItem(row, new Dictionary<string, string>(StringComparer.Ordinal) { [source.Name] = source.DisplayName });
    }

    public async Task<IReadOnlyList<SharedOccurrence>> OccurrencesOfAsync(string sourceTenant, string contentItemId, DateTimeOffset fromUtc, int take, CancellationToken cancellationToken)
    {
        var lookup = await registry.GetLookupAsync(cancellationToken);
        if (!lookup.ByName.TryGetValue(sourceTenant, out var source) || source.State != TenantState.Running || take <= 0)
        {
            return [];
        }

        var rows = await (
                from o in host.SharedOccurrences.AsNoTracking()
                join i in host.SharedItems.AsNoTracking() on o.ItemId equals i.Id
                where i.SourceTenant == sourceTenant && i.ContentItemId == contentItemId && o.StartUtc >= fromUtc
                orderby o.StartUtc, o.Id
                select o)
            .Take(take).ToListAsync(cancellationToken);
        return rows.Select(ToOccurrence).ToArray();
    }

    public async Task<IReadOnlyList<SharedSourceSummary>> SourcesAsync(string readerTenant, string contentType, CancellationToken cancellationToken)
    {
        var running = await RunningOthersAsync(readerTenant, cancellationToken);
        var counts = await host.SharedItems.AsNoTracking()
            .Where(i => i.ContentType == contentType)
            .GroupBy(i => i.SourceTenant)
            .Select(g => new { Tenant = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts
            .Where(c => running.ContainsKey(c.Tenant))
            .Select(c => new SharedSourceSummary(c.Tenant, running[c.Tenant], c.Count))
            .OrderBy(s => s.DisplayName, StringComparer.CurrentCulture)
            .ToArray();
    }

    /// <summary>True when the rules look at the items' columns (not only at their source).</summary>
    private static bool RulesNeedItems(IReadOnlyList<SharedSourceRule> rules) =>
        rules.Any(r => r.Categories.Count > 0 || r.Topics.Count > 0 || r.PostalCodes.Count > 0);

    /// <summary>The occurrences the filter keeps, read from the facets copied on each occurrence (same rules as <see cref="Selected"/>).</summary>
    private static IQueryable<SharedOccurrenceRecord> Filtered(IQueryable<SharedOccurrenceRecord> query, SharedFilter filter)
    {
        if (!string.IsNullOrEmpty(filter.Category))
        {
            var pattern = FacetList.Pattern(filter.Category);
            query = query.Where(o => EF.Functions.Like(o.Categories, pattern));
        }

        if (!string.IsNullOrEmpty(filter.Topic))
        {
            var pattern = FacetList.Pattern(filter.Topic);
            query = query.Where(o => EF.Functions.Like(o.Topics, pattern));
        }

        if (!string.IsNullOrEmpty(filter.Audience))
        {
            var pattern = FacetList.Pattern(filter.Audience);
            query = query.Where(o => EF.Functions.Like(o.Audiences, pattern));
        }

        if (!string.IsNullOrEmpty(filter.Locality))
        {
            var locality = filter.Locality;
            query = query.Where(o => o.Locality == locality);
        }

        foreach (var flag in filter.RequiredFlags ?? [])
        {
            var pattern = FacetList.Pattern(flag);
            query = query.Where(o => EF.Functions.Like(o.Flags, pattern));
        }

        return query;
    }

    /// <summary>The running tenants other than the reader, by name, with their display names.</summary>
    private async Task<Dictionary<string, string>> RunningOthersAsync(string readerTenant, CancellationToken cancellationToken)
    {
        var lookup = await registry.GetLookupAsync(cancellationToken);
        return lookup.All
            .Where(t => t.State == TenantState.Running && !string.Equals(t.Name, readerTenant, StringComparison.Ordinal))
            .ToDictionary(t => t.Name, t => t.DisplayName, StringComparer.Ordinal);
    }

    /// <summary>The running tenants, other than the reader, that the rules name.</summary>
    private async Task<Dictionary<string, string>> SourcesOfAsync(string readerTenant, IReadOnlyList<SharedSourceRule> rules, CancellationToken cancellationToken)
    {
        var running = await RunningOthersAsync(readerTenant, cancellationToken);
        return rules.Select(r => r.Tenant).Distinct(StringComparer.Ordinal)
            .Where(running.ContainsKey)
            .ToDictionary(t => t, t => running[t], StringComparer.Ordinal);
    }

    /// <summary>The items of the type that one of the rules selects and the filter keeps.</summary>
    private IQueryable<SharedItemRecord> Selected(string contentType, IReadOnlyList<SharedSourceRule> rules, SharedFilter filter)
    {
        var query = host.SharedItems.AsNoTracking().Where(i => i.ContentType == contentType).Where(SharedRuleExpressions.AnyOf(rules));
        if (!string.IsNullOrEmpty(filter.Category))
        {
            var pattern = FacetList.Pattern(filter.Category);
            query = query.Where(i => EF.Functions.Like(i.Categories, pattern));
        }

        if (!string.IsNullOrEmpty(filter.Topic))
        {
            var pattern = FacetList.Pattern(filter.Topic);
            query = query.Where(i => EF.Functions.Like(i.Topics, pattern));
        }

        if (!string.IsNullOrEmpty(filter.Audience))
        {
            var pattern = FacetList.Pattern(filter.Audience);
            query = query.Where(i => EF.Functions.Like(i.Audiences, pattern));
        }

        if (!string.IsNullOrEmpty(filter.Locality))
        {
            var locality = filter.Locality;
            query = query.Where(i => i.Locality == locality);
        }

        foreach (var flag in filter.RequiredFlags ?? [])
        {
            var pattern = FacetList.Pattern(flag);
            query = query.Where(i => EF.Functions.Like(i.Flags, pattern));
        }

        return query;
    }

    private static SharedItem ToItem(SharedItemRecord row, Dictionary<string, string> sources) => new(
        row.SourceTenant,
        sources.TryGetValue(row.SourceTenant, out var displayName) ? displayName : row.SourceTenant,
        row.ContentItemId,
        row.ContentType,
        row.Title,
        row.Slug,
        row.DisplayJson,
        new SharedFacets(
            FacetList.Split(row.Categories), FacetList.Split(row.Topics), FacetList.Split(row.Audiences),
            row.PostalCode, row.Locality, row.Latitude, row.Longitude, FacetList.Split(row.Flags)),
        row.PublishedUtc);

    private static SharedOccurrence ToOccurrence(SharedOccurrenceRecord row) => new(row.StartUtc, row.EndUtc, row.WholeDay, row.Status);
}

/// <summary>
/// A subscriber's rules as one SQL condition: (source = A and (category in ...) and (topic in ...) and (postal code in
/// ...)) or (source = B ...). Values go in as parameters, so a query of the same shape is compiled once.
/// </summary>
internal static class SharedRuleExpressions
{
    private static readonly System.Reflection.MethodInfo Like = typeof(DbFunctionsExtensions).GetMethod(
        nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string)])!;

    public static Expression<Func<SharedItemRecord, bool>> AnyOf(IReadOnlyList<SharedSourceRule> rules)
    {
        var item = Expression.Parameter(typeof(SharedItemRecord), "i");
        Expression? any = null;
        foreach (var rule in rules)
        {
            Expression condition = Expression.Equal(Member(item, nameof(SharedItemRecord.SourceTenant)), Value(rule.Tenant));
            condition = AndAny(condition, rule.Categories, value => LikeCall(item, nameof(SharedItemRecord.Categories), value));
            condition = AndAny(condition, rule.Topics, value => LikeCall(item, nameof(SharedItemRecord.Topics), value));
            condition = AndAny(condition, rule.PostalCodes, value => Expression.Equal(Member(item, nameof(SharedItemRecord.PostalCode)), Value(value)));
            any = any is null ? condition : Expression.OrElse(any, condition);
        }

        return Expression.Lambda<Func<SharedItemRecord, bool>>(any ?? Expression.Constant(false), item);
    }

    private static Expression AndAny(Expression condition, IReadOnlyList<string> values, Func<string, Expression> test)
    {
        var wanted = values.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal).ToArray();
        if (wanted.Length == 0)
        {
            return condition;
        }

        var any = wanted.Select(test).Aggregate(Expression.OrElse);
        return Expression.AndAlso(condition, any);
    }

    private static MemberExpression Member(ParameterExpression item, string name) => Expression.Property(item, name);

    private static MethodCallExpression LikeCall(ParameterExpression item, string column, string value) =>
        Expression.Call(Like, Expression.Constant(EF.Functions), Member(item, column), Value(FacetList.Pattern(value)));

    /// <summary>A captured value, which EF Core sends as a parameter (a constant would make each rule set a new query).</summary>
    private static MemberExpression Value(string value) =>
        Expression.Property(Expression.Constant(new Captured(value)), nameof(Captured.Text));

    private sealed record Captured(string Text);
}
