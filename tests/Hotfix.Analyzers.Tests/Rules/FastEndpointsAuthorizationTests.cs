using Microsoft.CodeAnalysis.Testing;
using Verify = Hotfix.Analyzers.Tests.Infrastructure.AnalyzerTest<Hotfix.Analyzers.Rules.AuthorizationBypassAnalyzer>;

namespace Hotfix.Analyzers.Tests.Rules;

/// <summary>HF3002 on FastEndpoints: verbs and access declared in Configure(); each anonymous read next to an anonymous write.</summary>
public class FastEndpointsAuthorizationTests
{
    /// <summary>FastEndpoints' configuration surface, written from its documented signatures (the package is not referenced).</summary>
    private const string Stubs = """
        using System.Threading;
        using System.Threading.Tasks;

        namespace FastEndpoints
        {
            public enum Http { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS }
            public abstract class BaseEndpoint
            {
                public virtual void Configure() { }
                protected void Verbs(params Http[] methods) { }
                protected void Routes(params string[] patterns) { }
                protected void Get(params string[] routePatterns) { }
                protected void Post(params string[] routePatterns) { }
                protected void Put(params string[] routePatterns) { }
                protected void Patch(params string[] routePatterns) { }
                protected void Delete(params string[] routePatterns) { }
                protected void AllowAnonymous(params Http[] verbs) { }
                protected void Roles(params string[] roles) { }
            }
            public abstract class Endpoint<TRequest, TResponse> : BaseEndpoint
            {
                public virtual Task HandleAsync(TRequest req, CancellationToken ct) => Task.CompletedTask;
                protected Task SendAsync(TResponse response, CancellationToken ct = default) => Task.CompletedTask;
            }
            public abstract class EndpointWithoutRequest<TResponse> : BaseEndpoint
            {
                public virtual Task HandleAsync(CancellationToken ct) => Task.CompletedTask;
            }
            public static class JwtBearer { public static string CreateToken(string signingKey) => signingKey; }
        }
        """;

    private static DiagnosticResult At(int location, string message) =>
        Verify.Diagnostic("HF3002").WithLocation(location).WithArguments(message, "").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private static Task Expect(string source, params DiagnosticResult[] expected) => Verify.VerifyFilesAsync(new[]
    {
        """
        using System.Threading;
        using System.Threading.Tasks;
        using FastEndpoints;
        using Microsoft.AspNetCore.Authorization;

        public record OrderRequest(string Sku);
        public record OrderResponse(int Id);
        public record LoginRequest(string User, string Password);
        public interface IOrders { Task<int> PlaceAsync(string sku, CancellationToken ct); Task<OrderResponse> FindAsync(int id, CancellationToken ct); }

        """ + source,
        Stubs,
    }, expected);

    [Fact]
    public Task An_anonymous_state_changing_endpoint_is_found_and_an_anonymous_read_is_not() => Expect("""
        public class PlaceOrder(IOrders orders) : Endpoint<OrderRequest, OrderResponse>
        {
            public override void Configure()
            {
                Post("/orders");
                {|#0:AllowAnonymous|}();
            }
            public override async Task HandleAsync(OrderRequest req, CancellationToken ct) => await SendAsync(new(await orders.PlaceAsync(req.Sku, ct)), ct);
        }
        public class GetOrder(IOrders orders) : EndpointWithoutRequest<OrderResponse>
        {
            public override void Configure()
            {
                Get("/orders/{id}");
                AllowAnonymous();
            }
        }
        public class CancelOrder : EndpointWithoutRequest<OrderResponse>
        {
            public override void Configure()
            {
                Verbs(Http.GET, Http.DELETE);
                Routes("/orders/{id}/cancel");
                {|#1:AllowAnonymous|}();
            }
        }
        public class OrderStatus : EndpointWithoutRequest<OrderResponse>
        {
            public override void Configure()
            {
                Verbs(Http.GET, Http.POST);
                Routes("/orders/{id}/status");
                AllowAnonymous(Http.GET);
            }
        }
        public class AdminPurge : EndpointWithoutRequest<OrderResponse>
        {
            public override void Configure()
            {
                Delete("/admin/orders");
                Roles("Admin");
            }
        }
        """,
        At(0, "AllowAnonymous() makes the POST endpoint '/orders' (PlaceOrder) reachable without authentication"),
        At(1, "AllowAnonymous() makes the DELETE endpoint 'CancelOrder' reachable without authentication"));

    [Fact]
    public Task A_login_endpoint_that_issues_a_token_stays_anonymous_and_one_that_does_not_is_found() => Expect("""
        public class Login : Endpoint<LoginRequest, string>
        {
            public override void Configure()
            {
                Post("/auth/login");
                AllowAnonymous();
            }
            public override async Task HandleAsync(LoginRequest req, CancellationToken ct) => await SendAsync(JwtBearer.CreateToken("key"), ct);
        }
        public class Subscribe(IOrders orders) : Endpoint<LoginRequest, string>
        {
            public override void Configure()
            {
                Post("/newsletter");
                {|#0:AllowAnonymous|}();
            }
            public override async Task HandleAsync(LoginRequest req, CancellationToken ct) => await orders.PlaceAsync(req.User, ct);
        }
        """,
        At(0, "AllowAnonymous() makes the POST endpoint '/newsletter' (Subscribe) reachable without authentication"));
}
