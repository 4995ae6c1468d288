using Microsoft.AspNetCore.Mvc.Testing;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.TimeLimits;

/// <summary>
/// A browser that keeps every cookie the server sets and sends it back whatever its Expires says. A real cookie
/// container drops a cookie by the machine's clock, which the hosts here do not read; the tests of the time limits
/// want the server, on the storage's fake clock, to be the one that refuses a cookie that has run out.
/// </summary>
internal sealed class ClocklessBrowser : IDisposable
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public ClocklessBrowser(StorageFixture fixture, string host) =>
        Client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = new Uri($"http://{host}/"),
        });

    public HttpClient Client { get; }

    public bool Has(string cookie) => _cookies.ContainsKey(cookie);

    /// <summary>"name=value" of a cookie this browser holds, as a copy of it would be sent from elsewhere.</summary>
    public string Copy(string cookie) => cookie + "=" + _cookies[cookie];

    /// <summary>Signs in to the back office with a password (no two-factor); answers the POST's response.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        await PostAsync("/admin/connexion", new()
        {
            ["__jeton"] = AdminSession.Token(await GetStringAsync("/admin/connexion")),
            ["email"] = email,
            ["password"] = password,
        });

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public async Task<string> GetStringAsync(string path)
    {
        using var response = await GetAsync(path);
        return await response.Content.ReadAsStringAsync();
    }

    public Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> fields) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) });

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => c.Key + "=" + c.Value)));
        }

        var response = await Client.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0].Split('=', 2);
            // A deletion (empty value, date in 1970) is the only expiry this browser obeys: it is the server's own word.
            if (pair[1].Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                _cookies.Remove(pair[0]);
            }
            else
            {
                _cookies[pair[0]] = pair[1];
            }
        }

        return response;
    }

    public void Dispose() => Client.Dispose();
}
