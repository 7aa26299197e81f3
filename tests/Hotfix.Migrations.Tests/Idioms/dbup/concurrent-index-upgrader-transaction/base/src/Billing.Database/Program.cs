using System.Reflection;
using DbUp;

var upgrader = DeployChanges.To
    .PostgresqlDatabase(args[0])
    .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly())
    .WithTransactionPerScript()
    .LogToConsole()
    .Build();

return upgrader.PerformUpgrade().Successful ? 0 : 1;
