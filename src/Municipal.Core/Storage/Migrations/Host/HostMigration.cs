using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Municipal.Core.Storage.Migrations.Host;

/// <summary>The base of the host database's migrations (tenants, jobs, operators). EF Core finds each one by this [DbContext], which it inherits.</summary>
[DbContext(typeof(HostDbContext))]
public abstract class HostMigration : ProviderNeutralMigration;
