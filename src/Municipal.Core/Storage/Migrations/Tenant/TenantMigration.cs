using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Municipal.Core.Storage.Migrations.Tenant;

/// <summary>The base of the core's migrations in each tenant's database. EF Core finds each one by this [DbContext], which it inherits.</summary>
[DbContext(typeof(TenantDbContext))]
public abstract class TenantMigration : ProviderNeutralMigration;
