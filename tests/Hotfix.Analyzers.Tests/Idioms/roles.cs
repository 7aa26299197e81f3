// Idiom corpus: HF4001: a foreach over read-only fields of literals is over constants; a growable list or input is not.
using System;
using System.Linq;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

public class Role { public int Id { get; set; } public string Name { get; set; } = ""; }
public class AppDb(DbContextOptions<AppDb> o) : DbContext(o) { public DbSet<Role> Roles => Set<Role>(); }

public class Roles(AppDb db)
{
    private static readonly string[] A = ["Admin", "Editor"];
    private static readonly string[] B = new[] { "Admin", "Editor" };
    private static readonly IReadOnlyList<string> C = new List<string> { "Ops" };
    private static readonly ImmutableArray<string> D = ["x", "y"];
    private static readonly List<string> Growable = new() { "Ops" };
    private readonly string[] fromArgs;
    public Roles(AppDb db, string[] names) : this(db) { fromArgs = names; }

    public async Task EnsureAll()
    {
        foreach (var n in A) if (!await db.Roles.AnyAsync(r => r.Name == n)) db.Roles.Add(new Role { Name = n });
        foreach (var n in B) if (!await db.Roles.AnyAsync(r => r.Name == n)) db.Roles.Add(new Role { Name = n });
        foreach (var n in C) if (!await db.Roles.AnyAsync(r => r.Name == n)) db.Roles.Add(new Role { Name = n });
        foreach (var n in D) if (!await db.Roles.AnyAsync(r => r.Name == n)) db.Roles.Add(new Role { Name = n });
        foreach (var n in Growable) if (!await db.Roles.AnyAsync(r => r.Name == n)) db.Roles.Add(new Role { Name = n });  // expect HF4001
        foreach (var n in fromArgs) if (!await db.Roles.AnyAsync(r => r.Name == n)) db.Roles.Add(new Role { Name = n });  // expect HF4001
        await db.SaveChangesAsync();
    }
}
