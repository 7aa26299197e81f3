using System.Reflection;
using DbUp;

// No transaction mode is chosen, so DbUp runs each script without one.
var upgrader = DeployChanges.To
    .PostgresqlDatabase(args[0])
    .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly())
    .LogToConsole()
    .Build();

return upgrader.PerformUpgrade().Successful ? 0 : 1;
