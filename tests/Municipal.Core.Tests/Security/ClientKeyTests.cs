using System.Net;
using Municipal.Core.Security;

namespace Municipal.Core.Tests.Security;

public sealed class ClientKeyTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1234:5678:aaaa:bbbb:cccc:dddd", "2001:db8:1234:5678::/64")]
    [InlineData("2001:db8:1234:5678::1", "2001:db8:1234:5678::/64")]
    [InlineData("::1", "::/64")]
    public void A_client_is_its_IPv4_address_or_its_IPv6_64_network(string address, string expected) =>
        Assert.Equal(expected, ClientKey.Of(IPAddress.Parse(address)));

    [Fact]
    public void Neighbouring_IPv6_networks_are_different_clients() =>
        Assert.NotEqual(ClientKey.Of(IPAddress.Parse("2001:db8:1234:5678::1")), ClientKey.Of(IPAddress.Parse("2001:db8:1234:5679::1")));

    [Fact]
    public void A_request_without_a_peer_address_is_one_known_client() =>
        Assert.Equal("unknown", ClientKey.Of((IPAddress?)null));
}
