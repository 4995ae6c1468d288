using Municipal.Core.Tenancy;

namespace Municipal.Core.Tests.Tenancy;

public sealed class TenantActivityTests
{
    [Fact]
    public void Only_tenants_idle_for_the_timeout_are_released_and_each_only_once()
    {
        var clock = new ManualClock();
        var activity = new TenantActivity(clock);
        activity.Touch("ans");
        clock.Advance(TimeSpan.FromMinutes(3));
        activity.Touch("herve");
        clock.Advance(TimeSpan.FromMinutes(3));

        var idle = activity.TakeIdle(TimeSpan.FromMinutes(5));

        Assert.Equal(["ans"], idle);
        Assert.Empty(activity.TakeIdle(TimeSpan.FromMinutes(5)));
        Assert.Equal(1, activity.ActiveCount);
    }

    [Fact]
    public void A_tenant_asked_for_again_is_not_idle()
    {
        var clock = new ManualClock();
        var activity = new TenantActivity(clock);
        activity.Touch("ans");
        clock.Advance(TimeSpan.FromMinutes(4));
        activity.Touch("ans");
        clock.Advance(TimeSpan.FromMinutes(4));

        Assert.Empty(activity.TakeIdle(TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Beyond_the_maximum_the_least_recently_seen_tenants_are_released_first()
    {
        var clock = new ManualClock();
        var activity = new TenantActivity(clock);
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            activity.Touch(name);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        activity.Touch("a");

        Assert.Equal(["b", "c"], activity.TakeIdle(TimeSpan.FromHours(1), maxActive: 2));
        Assert.Equal(2, activity.ActiveCount);
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks = 1_000_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
