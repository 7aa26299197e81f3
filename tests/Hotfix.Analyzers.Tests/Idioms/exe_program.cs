// Idiom corpus: HF4003: Program.cs is start-up code (Migrate, seeding), but the request handlers it maps are request paths.
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

app.MapGet("/items", async (AppDb db) => db.Items.ToList());  // expect HF4003
await app.RunAsync();

public class Item { public int Id { get; set; } public string Name { get; set; } = ""; }
public class AppDb(DbContextOptions<AppDb> o) : DbContext(o) { public DbSet<Item> Items => Set<Item>(); }
