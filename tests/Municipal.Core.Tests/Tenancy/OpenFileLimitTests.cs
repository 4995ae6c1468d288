using Municipal.Core.Storage;

namespace Municipal.Core.Tests.Tenancy;

public sealed class OpenFileLimitTests
{
    [Fact]
    public void The_hard_limit_is_read_from_the_limits_file()
    {
        var file = Path.GetTempFileName();
        File.WriteAllLines(file,
        [
            "Limit                     Soft Limit           Hard Limit           Units",
            "Max cpu time              unlimited            unlimited            seconds",
            "Max open files            1024                 4096                 files",
        ]);

        Assert.Equal(4096, OpenFileLimit.ReadHardLimit(file));
        File.Delete(file);
    }

    [Fact]
    public void The_need_grows_with_the_active_tenants()
    {
        Assert.Equal(3024, OpenFileLimit.Needed(500));
        Assert.True(OpenFileLimit.Needed(1000) > 4096);
    }

    [Fact]
    public void No_limits_file_means_no_reading() => Assert.Null(OpenFileLimit.ReadHardLimit("/nonexistent/limits"));
}
