// Idiom corpus: HF3002: maps that only serve reads (prometheus-net, HealthChecks UI, health, fallback file, a GET/HEAD MapMethods) may be anonymous.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prometheus;
using HealthChecks.UI;

var app = WebApplication.CreateBuilder(args).Build();
app.MapMetrics().AllowAnonymous();
app.MapHealthChecksUI().AllowAnonymous();
app.MapHealthChecks("/health").AllowAnonymous();
app.MapGet("/version", () => "1.0").AllowAnonymous();
app.MapFallbackToFile("index.html").AllowAnonymous();
app.MapMethods("/ping", new[] { HttpMethods.Get, HttpMethods.Head }, () => "pong").AllowAnonymous();
app.MapMethods("/ready", ["GET", "HEAD"], () => "ok").AllowAnonymous();
app.MapMethods("/jobs/run", [HttpMethods.Get, HttpMethods.Post], () => "ran").AllowAnonymous(); // expect HF3002
app.Run();

namespace Prometheus
{
    public static class EndpointRouteBuilderExtensions
    {
        public static IEndpointConventionBuilder MapMetrics(this IEndpointRouteBuilder endpoints, string pattern = "/metrics") => endpoints.MapGet(pattern, () => "");
    }
}
namespace HealthChecks.UI
{
    public static class EndpointRouteBuilderExtensions
    {
        public static IEndpointConventionBuilder MapHealthChecksUI(this IEndpointRouteBuilder endpoints) => endpoints.MapGet("/healthchecks-ui", () => "");
    }
}
