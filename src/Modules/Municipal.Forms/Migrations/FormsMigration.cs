using Microsoft.EntityFrameworkCore.Infrastructure;
using Municipal.Core.Storage;
using Municipal.Forms.Storage;

namespace Municipal.Forms.Migrations;

/// <summary>The base of the e-counter's migrations in each tenant's database (history: "__FormsMigrations"). EF Core finds each one by this [DbContext], which it inherits.</summary>
[DbContext(typeof(FormsDbContext))]
public abstract class FormsMigration : ProviderNeutralMigration;
