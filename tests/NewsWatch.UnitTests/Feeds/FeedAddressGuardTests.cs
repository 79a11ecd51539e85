using System.Net;
using NewsWatch.Feeds;

namespace NewsWatch.UnitTests.Feeds;

public sealed class FeedAddressGuardTests
{
    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946")]
    public void IsAllowed_PublicAddress_Allowed(string address) => Assert.True(FeedAddressGuard.IsAllowed(IPAddress.Parse(address), allowLoopback: false));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("0.0.0.0")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:10.0.0.1")]
    public void IsAllowed_InternalAddressInAzure_Refused(string address) => Assert.False(FeedAddressGuard.IsAllowed(IPAddress.Parse(address), allowLoopback: false));

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("10.1.2.3", false)]
    [InlineData("169.254.169.254", false)]
    public void IsAllowed_LocalMode_OnlyLoopbackOpens(string address, bool allowed) =>
        Assert.Equal(allowed, FeedAddressGuard.IsAllowed(IPAddress.Parse(address), allowLoopback: true));
}
