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
    private static readonly Failure TlsFailed = new(ForwarderError.Request,
        new HttpRequestException(HttpRequestError.SecureConnectionError, "handshake"));
    private static readonly Failure ClientLeft = new(ForwarderError.RequestCanceled, new OperationCanceledException());

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("DELETE")]
    public void A_request_that_never_reached_the_service_goes_to_the_monolith_whatever_its_method(string method)
    {
        Assert.Equal(FallbackReasons.Unreachable, FallbackPolicy.Reason(method, Refused, null));
        Assert.Equal(FallbackReasons.Unreachable, FallbackPolicy.Reason(method, TlsFailed, null));
        Assert.Equal(FallbackReasons.Unreachable, FallbackPolicy.Reason(method, new Failure(ForwarderError.NoAvailableDestinations, null), null));
    }

    [Fact]
    public void Safe_requests_fall_back_after_timeouts_errors_and_5xx()
    {
        Assert.Equal(FallbackReasons.Timeout, FallbackPolicy.Reason("GET", TimedOut, null));
        Assert.Equal(FallbackReasons.Unreachable, FallbackPolicy.Reason("HEAD", ResetAfterSending, null));
        Assert.Equal(FallbackReasons.ServerError, FallbackPolicy.Reason("GET", null, 503));
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
        Assert.False(FallbackPolicy.HoldsBack("GET", 200));
        Assert.False(FallbackPolicy.HoldsBack("GET", 404));
        Assert.False(FallbackPolicy.HoldsBack("HEAD", 400));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    [InlineData("OPTIONS")]
    [InlineData("head")]
    public void A_405_to_a_safe_request_is_held_back_so_the_monolith_says_which_methods_the_address_serves(string method)
    {
        Assert.True(FallbackPolicy.HoldsBack(method, 405));
        Assert.Equal(FallbackReasons.MethodNotAllowed, FallbackPolicy.Reason(method, null, 405));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public void A_405_to_an_unsafe_request_is_the_user_s_answer_as_its_body_went_to_the_service(string method)
    {
        Assert.False(FallbackPolicy.HoldsBack(method, 405));
        Assert.False(FallbackPolicy.HoldsBack(method, 503));
        Assert.Null(FallbackPolicy.Reason(method, null, 405));
    }

    [Fact]
    public void OPTIONS_is_safe_like_GET_and_HEAD_and_a_501_is_a_server_error()
    {
        Assert.True(FallbackPolicy.IsSafe("OPTIONS"));
        Assert.Equal(FallbackReasons.Timeout, FallbackPolicy.Reason("OPTIONS", TimedOut, null));
        Assert.Equal(FallbackReasons.ServerError, FallbackPolicy.Reason("OPTIONS", null, 500));
        Assert.True(FallbackPolicy.HoldsBack("HEAD", 501));
        Assert.Equal(FallbackReasons.ServerError, FallbackPolicy.Reason("HEAD", null, 501));
    }

    [Fact]
    public void Only_a_method_the_service_does_not_serve_is_no_failure_of_it()
    {
        Assert.False(FallbackReasons.IsFailure(FallbackReasons.MethodNotAllowed));
        Assert.All([FallbackReasons.Unreachable, FallbackReasons.Timeout, FallbackReasons.ServerError, FallbackReasons.Unavailable],
            reason => Assert.True(FallbackReasons.IsFailure(reason), reason));
    }
}

public sealed class SideFailureTests
{
    private sealed record Failure(ForwarderError Error, Exception? Exception) : IForwarderErrorFeature;

    [Theory]
    [InlineData(ForwarderError.RequestCanceled)]
    [InlineData(ForwarderError.RequestBodyClient)]
    [InlineData(ForwarderError.ResponseBodyCanceled)]
    [InlineData(ForwarderError.ResponseBodyClient)]
    public void A_user_who_went_away_is_neither_the_side_s_error_nor_a_reason_to_ask_the_monolith(ForwarderError error)
    {
        var failure = new Failure(error, new OperationCanceledException());

        // YARP answers such a request with 502, but nobody is waiting for it and the service did nothing wrong.
        Assert.False(FallbackPolicy.SideFailed(failure, 502, null));
        Assert.Null(FallbackPolicy.Reason("GET", failure, null));
    }

    [Theory]
    [InlineData(ForwarderError.Request)]
    [InlineData(ForwarderError.RequestTimedOut)]
    [InlineData(ForwarderError.ResponseBodyDestination)]
    [InlineData(ForwarderError.NoAvailableDestinations)]
    public void Proxy_errors_of_the_backend_s_making_are_the_side_s_errors(ForwarderError error)
    {
        Assert.True(FallbackPolicy.SideFailed(new Failure(error, null), 502, null));
    }

    [Fact]
    public void Status_codes_and_held_back_5xx()
    {
        Assert.True(FallbackPolicy.SideFailed(null, 503, null));
        Assert.True(FallbackPolicy.SideFailed(null, 200, 500));
        Assert.False(FallbackPolicy.SideFailed(null, 404, null));
        // A 405 held back says only that the service does not serve the method; the monolith's answer is the user's.
        Assert.False(FallbackPolicy.SideFailed(null, 405, null));
        Assert.False(FallbackPolicy.SideFailed(null, 200, 405));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public void A_spent_deadline_never_falls_back_and_is_the_side_s_failure_though_YARP_calls_it_a_cancel(string method)
    {
        // The budget replaces the request's own token, so YARP reports the cut as the client's cancel.
        Assert.Null(FallbackPolicy.Reason(method, new Failure(ForwarderError.RequestCanceled, new OperationCanceledException()), null, deadlineExpired: true));
        Assert.True(FallbackPolicy.SideFailed(new Failure(ForwarderError.RequestCanceled, new OperationCanceledException()), 502, null, deadlineExpired: true));
        Assert.False(FallbackPolicy.SideFailed(new Failure(ForwarderError.RequestCanceled, new OperationCanceledException()), 502, null, deadlineExpired: false));
    }
}
