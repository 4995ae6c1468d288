using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Municipal.Events.Agendas;

namespace Municipal.Events.Tests.Agendas;

public sealed class AgendaFilterQueryTests
{
    // Wednesday 9 December 2026, 10 h in Brussels.
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 9, 9, 0, 0, TimeSpan.Zero);

    private static AgendaRequest Parse(DateTimeOffset now, params (string Name, string Value)[] values) =>
        AgendaFilterQuery.Parse(new QueryCollection(values.ToDictionary(v => v.Name, v => new StringValues(v.Value))), AgendaParameterNames.French, now);

    private static DateTimeOffset Midnight(int year, int month, int day) => new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.FromHours(1)).ToUniversalTime();

    [Fact]
    public void This_weekend_on_a_Wednesday_is_the_coming_Saturday_and_Sunday_in_Brussels()
    {
        var request = Parse(Wednesday, ("periode", "weekend"));

        Assert.True(request.IsValid);
        Assert.Equal(Midnight(2026, 12, 12), request.Filter.FromUtc);
        Assert.Equal(Midnight(2026, 12, 14), request.Filter.ToUtc);
    }

    [Fact]
    public void This_weekend_on_a_Sunday_is_what_is_left_of_it()
    {
        var request = Parse(new DateTimeOffset(2026, 12, 13, 15, 0, 0, TimeSpan.Zero), ("periode", "weekend"));

        Assert.Equal(Midnight(2026, 12, 13), request.Filter.FromUtc);
        Assert.Equal(Midnight(2026, 12, 14), request.Filter.ToUtc);
    }

    [Fact]
    public void This_week_ends_on_Sunday_and_this_month_on_its_last_day()
    {
        Assert.Equal(Midnight(2026, 12, 14), Parse(Wednesday, ("periode", "semaine")).Filter.ToUtc);
        Assert.Equal(Midnight(2027, 1, 1), Parse(Wednesday, ("periode", "mois")).Filter.ToUtc);
    }

    [Fact]
    public void Dates_are_read_as_whole_Brussels_days_with_the_other_filters()
    {
        var request = Parse(Wednesday, ("du", "2026-12-20"), ("au", "2026-12-21"), ("categorie", "marche"), ("gratuit", "1"), ("accessible", "on"), ("page", "2"));

        Assert.True(request.IsValid);
        Assert.Equal(Midnight(2026, 12, 20), request.Filter.FromUtc);
        Assert.Equal(Midnight(2026, 12, 22), request.Filter.ToUtc);
        Assert.Equal(("marche", true, true, 2), (request.Filter.Category, request.Filter.FreeOnly, request.Filter.AccessibleOnly, request.Page));
    }

    [Theory]
    [InlineData("du", "20/12/2026", "n’est pas une date")]
    [InlineData("du", "1850-01-01", "hors de l’agenda")]
    [InlineData("periode", "toujours", "n’existe pas")]
    [InlineData("categorie", "opera", "n’existe pas")]
    [InlineData("page", "-1", "numéro de page")]
    public void A_value_that_cannot_be_read_is_said_in_French_and_the_rest_still_works(string name, string value, string expected)
    {
        var request = Parse(Wednesday, (name, value), ("gratuit", "1"));

        Assert.Contains(expected, Assert.Single(request.Errors), StringComparison.Ordinal);
        Assert.True(request.Filter.FreeOnly);
    }

    [Fact]
    public void An_end_before_the_start_is_refused()
    {
        var request = Parse(Wednesday, ("du", "2026-12-20"), ("au", "2026-12-10"));

        Assert.Contains("avant la date de début", Assert.Single(request.Errors), StringComparison.Ordinal);
    }
}
