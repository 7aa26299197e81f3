using Hotfix.Analyzers.Rules;
using Hotfix.Analyzers.Tests.Infrastructure;
using Verify = Hotfix.Analyzers.Tests.Infrastructure.AnalyzerTest<Hotfix.Analyzers.Rules.SqlInjectionAnalyzer>;

namespace Hotfix.Analyzers.Tests.Rules;

public class SqlInjectionTests
{
    private const string Prelude = """
        using System;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        public class User { public int Id { get; set; } public string Name { get; set; } = ""; }
        public class Shop : DbContext { public DbSet<User> Users => Set<User>(); }

        """;

    [Fact]
    public async Task Interpolated_non_constant_into_FromSqlRaw_is_reported()
    {
        await Verify.VerifyAsync(Prelude + """
            class C
            {
                IQueryable<User> Find(Shop db, string name) =>
                    db.Users.{|#0:FromSqlRaw|}($"SELECT * FROM Users WHERE Name = '{name}'");
            }
            """, Verify.Diagnostic("HF3001").WithLocation(0).WithArguments("FromSqlRaw", "name", ""));
    }
}
