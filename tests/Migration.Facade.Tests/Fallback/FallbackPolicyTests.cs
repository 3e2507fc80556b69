using System.Net.Http;
using System.Net.Sockets;
using Migration.Facade.Fallback;
using Yarp.ReverseProxy.Forwarder;

namespace Migration.Facade.Tests.Fallback;

public sealed class FallbackPolicyTests
{
    private sealed record Failure(ForwarderError Error, Exception? Exception) : IForwarderErrorFeature;

    private static readonly Failure Refused = new(ForwarderError.Request,
        new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused)));
    private static readonly Failure ResetAfterSending = new(ForwarderError.Request, new HttpRequestException(HttpRequestError.ResponseEnded, "ended"));
    private static readonly Failure TimedOut = new(ForwarderError.RequestTimedOut, null);

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("DELETE")]
    public void A_request_that_never_reached_the_service_goes_to_the_monolith_whatever_its_method(string method)
    {
        Assert.Equal(FallbackPolicy.Unreachable, FallbackPolicy.Reason(method, Refused, null));
    }

    [Fact]
    public void Safe_requests_fall_back_after_timeouts_errors_and_5xx()
    {
        Assert.Equal(FallbackPolicy.Timeout, FallbackPolicy.Reason("GET", TimedOut, null));
        Assert.Equal(FallbackPolicy.Unreachable, FallbackPolicy.Reason("HEAD", ResetAfterSending, null));
        Assert.Equal(FallbackPolicy.ServerError, FallbackPolicy.Reason("GET", null, 503));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    public void A_non_idempotent_request_that_reached_the_service_is_never_replayed(string method)
    {
        Assert.Null(FallbackPolicy.Reason(method, TimedOut, null));
        Assert.Null(FallbackPolicy.Reason(method, ResetAfterSending, null));
        Assert.Null(FallbackPolicy.Reason(method, null, 500));
    }

    [Fact]
    public void Success_and_client_errors_are_the_user_s_answer()
    {
        Assert.Null(FallbackPolicy.Reason("GET", null, null));
        Assert.Null(FallbackPolicy.Reason("GET", null, 404));
    }
}
