using Microsoft.EntityFrameworkCore.Infrastructure;
using Municipal.Core.Storage;
using Municipal.Media.Model;
using Municipal.Media.Storage;

namespace Municipal.Media.Storage.Migrations;

/// <summary>The base of the media library's migrations in each tenant's database (history: "__MediaMigrations"). EF Core finds each one by this [DbContext], which it inherits.</summary>
[DbContext(typeof(MediaDbContext))]
public abstract class MediaMigration : ProviderNeutralMigration;
