namespace Hotfix.Analyzers.Tests.Infrastructure;

/// <summary>Shared preludes for test sources: a small EF Core model and the usings the rules' APIs need.</summary>
internal static class Sources
{
    public const string Ef = """
        using System;
        using System.Collections.Generic;
        using System.Data;
        using System.Data.Common;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Dapper;
        using Microsoft.Data.Sqlite;
        using Microsoft.EntityFrameworkCore;

        public class User { public int Id { get; set; } public string Name { get; set; } = ""; public int TenantId { get; set; } public List<Order> Orders { get; set; } = new(); }
        public class Order { public int Id { get; set; } public int UserId { get; set; } public decimal Total { get; set; } public bool Archived { get; set; } }
        public class Shop : DbContext
        {
            public DbSet<User> Users => Set<User>();
            public DbSet<Order> Orders => Set<Order>();
        }
        public enum Sort { Name, Id }

        """;
}
