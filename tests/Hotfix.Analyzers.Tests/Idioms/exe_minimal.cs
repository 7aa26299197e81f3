// Idiom corpus: HF3002 in minimal APIs: a logout route that signs out is anonymous by design; other anonymous POSTs are reported.
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

var app = WebApplication.CreateBuilder(args).Build();
app.MapPost("/logout", async (SignInManager<IdentityUser> s) => { await s.SignOutAsync(); return Results.Ok(); }).AllowAnonymous();
app.MapPost("/logout2", async (HttpContext ctx) => { await ctx.SignOutAsync(); return Results.Redirect("/"); }).AllowAnonymous();
app.MapPost("/antiforgery/token", (HttpContext ctx) => Results.Ok()).AllowAnonymous();  // expect HF3002
app.Run();
public static class More
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/account/delete", async (SignInManager<IdentityUser> s) => { await s.SignOutAsync(); return Results.Ok(); }).AllowAnonymous();  // expect HF3002
    }
}
