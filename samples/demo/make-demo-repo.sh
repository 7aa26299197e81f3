#!/usr/bin/env bash
# Builds a realistic demo repository for `hotfix check`: a small orders service (ASP.NET Core API with EF Core
# migrations, an admin UI, Kubernetes manifests, a hotfix.json policy) with the runbook's branches:
#
#   main      production; releases 1.3.0 and 1.4.0
#   develop   main + unreleased work (loyalty discounts, a migration)
#   hotfix/INC-2026-0042-fix-order-total-rounding
#             from main: the fix for incident INC-2026-0042 (order totals rounded wrongly for some currencies),
#             with a test, a migration that widens the total column, a driver bump the fix relies on, and a
#             formatting-only edit that has no place in a hotfix
#
# `hotfix check` on it shows the change analysis: the formatting-only file (HF1102), the package change (HF1103),
# the component touched (HF1104), the classification (database: the migration and the DbContext) and the required
# tests (migration-up-down besides the mandatory ones). Try `./demo.sh --severity SEV1`: the SEV1 review, the test
# plan with full-regression deferrable post-deploy (--justify), and the 5-file budget — within, as the test file is
# counted apart (scope.tests).
#
# HEAD is left on the hotfix branch. The repository is rebuilt from scratch on every run; commits have fixed
# authors and dates, so the same script always produces the same history.
#
# Usage: make-demo-repo.sh TARGET_FOLDER
set -euo pipefail

target=${1:?usage: make-demo-repo.sh TARGET_FOLDER}
rm -rf "$target"
mkdir -p "$target"
cd "$target"

export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME="Sandro Backend" GIT_AUTHOR_EMAIL="sandro@example.com"
export GIT_COMMITTER_NAME="Sandro Backend" GIT_COMMITTER_EMAIL="sandro@example.com"
minute=0
commit() {
  minute=$((minute + 7))
  local when
  when=$(printf '2026-03-%02dT%02d:%02d:00Z' $((1 + minute / 600)) $((8 + (minute / 60) % 10)) $((minute % 60)))
  GIT_AUTHOR_DATE=$when GIT_COMMITTER_DATE=$when git commit --quiet -m "$1"
}
write() { mkdir -p "$(dirname "$1")"; cat > "$1"; }

git init --quiet --initial-branch main

# --- main: the service as released -----------------------------------------------------------------------------
write README.md <<'EOF'
# Orders service

REST API for orders (ASP.NET Core, EF Core on PostgreSQL) and the admin UI. Deployed to Kubernetes as
`deployment/orders-api` and `deployment/admin-ui` in namespace `shop`.
EOF
write hotfix.json <<'EOF'
// Hotfix policy of the orders service (see docs/policy.md of Hotfix).
{
  "people": { "incidentCommander": "mira", "seniorDevelopers": ["sandro", "tobias"] },
  "deployment": { "namespace": "shop" },
  "components": [
    { "name": "orders-api", "paths": ["src/Orders.Api/", "tests/Orders.Tests/"], "image": "orders-api",
      "rebuild": "docker build -t orders-api -f src/Orders.Api/Dockerfile .", "workload": "deployment/orders-api" },
    { "name": "admin-ui", "paths": ["admin-ui/"], "image": "admin-ui",
      "rebuild": "docker build -t admin-ui admin-ui", "workload": "deployment/admin-ui" }
  ]
}
EOF
write Directory.Packages.props <<'EOF'
<Project>
  <PropertyGroup>
    <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageVersion Include="Microsoft.EntityFrameworkCore" Version="8.0.11" />
    <PackageVersion Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="8.0.11" />
    <PackageVersion Include="xunit" Version="2.9.3" />
  </ItemGroup>
</Project>
EOF
write src/Orders.Api/Orders.Api.csproj <<'EOF'
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.EntityFrameworkCore" />
    <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" />
  </ItemGroup>
</Project>
EOF
write src/Orders.Api/Program.cs <<'EOF'
using Microsoft.EntityFrameworkCore;
using Orders.Api.Data;
using Orders.Api.Services;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDbContext<OrdersDbContext>(o => o.UseNpgsql(builder.Configuration.GetConnectionString("Orders")));
builder.Services.AddScoped<PricingService>();
builder.Services.AddControllers();
builder.Services.AddAuthorization();

var app = builder.Build();
app.UseAuthorization();
app.MapControllers();
app.Run();
EOF
write src/Orders.Api/Data/Order.cs <<'EOF'
namespace Orders.Api.Data;

public sealed class Order
{
    public int Id { get; set; }
    public string Currency { get; set; } = "EUR";
    public decimal Total { get; set; }
    public List<OrderLine> Lines { get; set; } = new();
}

public sealed class OrderLine
{
    public int Id { get; set; }
    public int OrderId { get; set; }
    public string Sku { get; set; } = "";
    public int Quantity { get; set; }
    public decimal UnitPrice { get; set; }
}
EOF
write src/Orders.Api/Data/OrdersDbContext.cs <<'EOF'
using Microsoft.EntityFrameworkCore;

namespace Orders.Api.Data;

public sealed class OrdersDbContext(DbContextOptions<OrdersDbContext> options) : DbContext(options)
{
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Order>().Property(o => o.Total).HasPrecision(12, 2);
        modelBuilder.Entity<OrderLine>().Property(l => l.UnitPrice).HasPrecision(12, 2);
    }
}
EOF
write src/Orders.Api/Services/PricingService.cs <<'EOF'
using Orders.Api.Data;

namespace Orders.Api.Services;

public sealed class PricingService
{
    public decimal Total(Order order)
    {
        var sum = order.Lines.Sum(l => l.UnitPrice * l.Quantity);
        return Math.Round(sum, 2);
    }
}
EOF
write src/Orders.Api/Controllers/OrdersController.cs <<'EOF'
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Orders.Api.Data;
using Orders.Api.Services;

namespace Orders.Api.Controllers;

[ApiController]
[Authorize]
[Route("orders")]
public sealed class OrdersController(OrdersDbContext db, PricingService pricing) : ControllerBase
{
    [HttpGet("{id:int}")]
    public async Task<ActionResult<Order>> Get(int id)
    {
        var order = await db.Orders.Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == id);
        return order is null ? NotFound() : order;
    }

    [HttpPost]
    public async Task<ActionResult<Order>> Create(Order order)
    {
        order.Total = pricing.Total(order);
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return CreatedAtAction(nameof(Get), new { id = order.Id }, order);
    }
}
EOF
write src/Orders.Api/Migrations/20260105093000_InitialCreate.cs <<'EOF'
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orders.Api.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Orders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Currency = table.Column<string>(type: "text", nullable: false),
                    Total = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Orders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OrderLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    OrderId = table.Column<int>(type: "integer", nullable: false),
                    Sku = table.Column<string>(type: "text", nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    UnitPrice = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderLines", x => x.Id);
                    table.ForeignKey("FK_OrderLines_Orders_OrderId", x => x.OrderId, "Orders", "Id", onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(name: "IX_OrderLines_OrderId", table: "OrderLines", column: "OrderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "OrderLines");
            migrationBuilder.DropTable(name: "Orders");
        }
    }
}
EOF
write tests/Orders.Tests/PricingServiceTests.cs <<'EOF'
using Orders.Api.Data;
using Orders.Api.Services;
using Xunit;

namespace Orders.Tests;

public class PricingServiceTests
{
    [Fact]
    public void Sums_lines()
    {
        var order = new Order { Lines = { new() { UnitPrice = 2.50m, Quantity = 2 }, new() { UnitPrice = 1m, Quantity = 1 } } };
        Assert.Equal(6.00m, new PricingService().Total(order));
    }
}
EOF
write admin-ui/package.json <<'EOF'
{
  "name": "admin-ui",
  "version": "1.3.0",
  "private": true,
  "scripts": { "build": "vite build", "test": "vitest run" },
  "dependencies": { "react": "18.3.1", "react-dom": "18.3.1" },
  "devDependencies": { "vite": "5.4.11", "vitest": "2.1.8" }
}
EOF
write admin-ui/src/App.tsx <<'EOF'
export function App() {
  return <h1>Orders admin</h1>;
}
EOF
write deploy/k8s/orders-api.yaml <<'EOF'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders-api
  namespace: shop
spec:
  replicas: 3
  selector:
    matchLabels: { app: orders-api }
  template:
    metadata:
      labels: { app: orders-api }
    spec:
      containers:
        - name: orders-api
          image: registry.internal/orders-api:1.3.0
EOF
git add -A && commit "Orders service 1.3.0"
git tag v1.3.0

write src/Orders.Api/Controllers/OrdersController.cs.tmp < src/Orders.Api/Controllers/OrdersController.cs
sed -i 's/    \[HttpGet("{id:int}")\]/    [HttpGet("{id:int}")]\n    [ProducesResponseType(StatusCodes.Status404NotFound)]/' src/Orders.Api/Controllers/OrdersController.cs.tmp
mv src/Orders.Api/Controllers/OrdersController.cs.tmp src/Orders.Api/Controllers/OrdersController.cs
sed -i 's#orders-api:1.3.0#orders-api:1.4.0#' deploy/k8s/orders-api.yaml
sed -i 's#"version": "1.3.0"#"version": "1.4.0"#' admin-ui/package.json
git add -A && commit "Release 1.4.0: document 404 on GET /orders/{id}"
git tag v1.4.0

# --- develop: unreleased work ----------------------------------------------------------------------------------
git switch --quiet -c develop
write src/Orders.Api/Services/LoyaltyService.cs <<'EOF'
using Orders.Api.Data;

namespace Orders.Api.Services;

/// <summary>Unreleased: loyalty discounts (planned for 1.5.0).</summary>
public sealed class LoyaltyService
{
    public decimal Discount(Order order) => order.Total >= 100m ? 5m : 0m;
}
EOF
git add -A && commit "Add loyalty discounts (unreleased, 1.5.0)"
write src/Orders.Api/Migrations/20260310120000_AddLoyaltyPoints.cs <<'EOF'
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orders.Api.Migrations
{
    /// <inheritdoc />
    public partial class AddLoyaltyPoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(name: "LoyaltyPoints", table: "Orders", type: "integer", nullable: false, defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "LoyaltyPoints", table: "Orders");
        }
    }
}
EOF
git add -A && commit "Store loyalty points per order"

# --- the hotfix, from main ------------------------------------------------------------------------------------
git switch --quiet main
git switch --quiet -c hotfix/INC-2026-0042-fix-order-total-rounding
write src/Orders.Api/Services/PricingService.cs <<'EOF'
using Orders.Api.Data;

namespace Orders.Api.Services;

public sealed class PricingService
{
    // INC-2026-0042: totals were rounded to even ("banker's rounding") and to two decimals for every currency;
    // JPY has none and CHF rounds to 0.05 in cash. Round half away from zero, to the currency's own precision.
    private static readonly Dictionary<string, int> Decimals = new() { ["JPY"] = 0, ["KRW"] = 0 };

    public decimal Total(Order order)
    {
        var sum = order.Lines.Sum(l => l.UnitPrice * l.Quantity);
        var decimals = Decimals.TryGetValue(order.Currency, out var d) ? d : 2;
        return Math.Round(sum, decimals, MidpointRounding.AwayFromZero);
    }
}
EOF
write tests/Orders.Tests/PricingServiceTests.cs <<'EOF'
using Orders.Api.Data;
using Orders.Api.Services;
using Xunit;

namespace Orders.Tests;

public class PricingServiceTests
{
    [Fact]
    public void Sums_lines()
    {
        var order = new Order { Lines = { new() { UnitPrice = 2.50m, Quantity = 2 }, new() { UnitPrice = 1m, Quantity = 1 } } };
        Assert.Equal(6.00m, new PricingService().Total(order));
    }

    [Theory]
    [InlineData("EUR", 0.125, 0.13)]
    [InlineData("JPY", 100.5, 101)]
    public void Rounds_half_away_from_zero_to_the_currency_precision(string currency, decimal unitPrice, decimal expected)
    {
        var order = new Order { Currency = currency, Lines = { new() { UnitPrice = unitPrice, Quantity = 1 } } };
        Assert.Equal(expected, new PricingService().Total(order));
    }
}
EOF
git add -A && commit "Fix order total rounding per currency (INC-2026-0042)"
write src/Orders.Api/Migrations/20260312101500_WidenOrderTotal.cs <<'EOF'
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Orders.Api.Migrations
{
    /// <inheritdoc />
    public partial class WidenOrderTotal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<decimal>(
                name: "Total",
                table: "Orders",
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "numeric(12,2)",
                oldPrecision: 12,
                oldScale: 2);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<decimal>(
                name: "Total",
                table: "Orders",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "numeric(14,2)",
                oldPrecision: 14,
                oldScale: 2);
        }
    }
}
EOF
sed -i 's/HasPrecision(12, 2);$/HasPrecision(14, 2);/; 0,/HasPrecision(14, 2)/!{/UnitPrice/s/HasPrecision(14, 2)/HasPrecision(12, 2)/}' src/Orders.Api/Data/OrdersDbContext.cs
git add -A && commit "Widen Orders.Total to numeric(14,2) for large JPY orders (INC-2026-0042)"
# The widened column needs the provider release that maps numeric(14,2) without truncating to double.
sed -i 's/"Npgsql.EntityFrameworkCore.PostgreSQL" Version="8.0.11"/"Npgsql.EntityFrameworkCore.PostgreSQL" Version="8.0.12"/' Directory.Packages.props
git add -A && commit "Bump Npgsql.EntityFrameworkCore.PostgreSQL to 8.0.12 for numeric(14,2) (INC-2026-0042)"
# A formatting-only edit that slipped in: re-indented braces and a blank line.
sed -i 's/^    \[HttpPost\]$/\n    [HttpPost]/' src/Orders.Api/Controllers/OrdersController.cs
git add -A && commit "Tidy OrdersController"

echo "demo repository ready: $(pwd) (HEAD on $(git rev-parse --abbrev-ref HEAD))"
