using Microsoft.EntityFrameworkCore.Infrastructure;
using Municipal.Core.Storage;
using Municipal.Events.Storage;

namespace Municipal.Events.Migrations;

/// <summary>The base of the events' migrations in each tenant's database (history: "__EventsMigrations"). EF Core finds each one by this [DbContext], which it inherits.</summary>
[DbContext(typeof(EventsDbContext))]
public abstract class EventsMigration : ProviderNeutralMigration;
