using System.Net;
using System.Net.Sockets;

namespace Municipal.Core.Security;

/// <summary>
/// Who a request comes from, for budgets and throttles: the IPv4 address, or the /64 network of an IPv6 address.
/// One IPv6 subscriber is given a whole /64 and picks any address in it, so counting per full address would give it
/// 2^64 budgets. An IPv4 address mapped into IPv6 is counted as the IPv4 address it is. The address is the one the
/// reverse-proxy rules settled (<see cref="ReverseProxy"/>).
/// </summary>
public static class ClientKey
{
    public static string Of(HttpContext http) => Of(http.Connection.RemoteIpAddress);

    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
