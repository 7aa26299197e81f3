// Idiom corpus: HF4003: Program.cs is start-up code (Migrate, seeding, a seeding local function, a migration extension on
// WebApplication), but the request handlers it maps — lambdas or local functions — are request paths.
using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDbContext<AppDb>();
var app = builder.Build();

using (var scope = app.Services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<AppDb>();
    db.Database.Migrate();
    if (!db.Items.Any())
    {
        db.Items.Add(new Item { Name = "first" });
        db.SaveChanges();
    }
}

await SeedDemoDataAsync(app);
await app.ApplyMigrationsAsync();
app.MapGet("/items", async (AppDb db) => db.Items.ToList());  // expect HF4003
app.MapGet("/items/count", CountItems);
await app.RunAsync();

static async Task SeedDemoDataAsync(WebApplication app)
{
    using var scope = app.Services.CreateScope();
    var db = scope.ServiceProvider.GetRequiredService<AppDb>();
    if (db.Items.Any()) return;
    db.Items.Add(new Item { Name = "demo" });
    db.SaveChanges();
    await Task.CompletedTask;
}

static async Task<int> CountItems(AppDb db)
{
    await Task.Yield();
    return db.Items.Count(); // expect HF4003
}

public static class MigrationExtensions
{
    public static async Task ApplyMigrationsAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        db.Database.Migrate();
        await Task.CompletedTask;
    }
}

public class Item { public int Id { get; set; } public string Name { get; set; } = ""; }
public class AppDb(DbContextOptions<AppDb> o) : DbContext(o) { public DbSet<Item> Items => Set<Item>(); }
