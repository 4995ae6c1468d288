using Municipal.Core.Tenancy;

namespace Municipal.Core.Tests.Tenancy;

public sealed class TenantNamesTests
{
    [Theory]
    [InlineData("namur")]
    [InlineData("la-roche-en-ardenne")]
    [InlineData("cpas-ans2")]
    public void A_lowercase_slug_is_a_valid_name(string name) => Assert.Null(TenantNames.ValidateName(name));

    [Theory]
    [InlineData("../x")]
    [InlineData("Namur")]
    [InlineData("ans/")]
    [InlineData("-ans")]
    [InlineData("ans--x")]
    [InlineData("2ans")]
    [InlineData("liège")]
    [InlineData("")]
    [InlineData("a-name-that-is-much-too-long-for-a-folder-and-a-schema")]
    public void Anything_else_is_refused_with_a_reason(string name)
    {
        var problem = TenantNames.ValidateName(name);
        Assert.NotNull(problem);
        Assert.NotEmpty(problem);
    }

    [Theory]
    [InlineData("Namur.localhost:5000", "namur.localhost")]
    [InlineData("WWW.ANS.BE", "www.ans.be")]
    [InlineData("[::1]:5000", "[::1]:5000")]
    public void Hosts_are_compared_in_lowercase_without_port(string host, string expected) =>
        Assert.Equal(expected, TenantNames.NormalizeHost(host));

    [Theory]
    [InlineData("www.ans.be", true)]
    [InlineData("localhost", true)]
    [InlineData("ans..be", false)]
    [InlineData("ans be", false)]
    [InlineData("<script>", false)]
    public void Host_names_are_checked(string host, bool valid) => Assert.Equal(valid, TenantNames.ValidateHost(host) is null);

    [Theory]
    [InlineData("/ans/", null)]
    [InlineData("ans", null)]
    [InlineData("a/b", "problem")]
    [InlineData("../x", "problem")]
    public void A_prefix_is_one_segment(string prefix, string? expected) =>
        Assert.Equal(expected is null, TenantNames.ValidatePrefix(prefix) is null);
}
