using Xunit;

namespace Municipal.Browser.Tests.Harness;

/// <summary>
/// All browser tests share one host and one Chromium: starting them is the expensive part, and the machine is small.
/// Isolation between test classes comes from their own tenants, and between tests from a fresh browser context.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<MunicipalServer>
{
    public const string Name = "Browser";
}
