using System.Text.RegularExpressions;

namespace Hotfix.Migrations.Detection;

/// <summary>
/// What the repository's framework configuration says, read from the head commit whether or not the change touched it:
/// folders that move migrations (<c>drizzle.config.*</c> <c>out</c>, Flyway <c>locations</c>) and the database each
/// framework talks to (Prisma's lock file, drizzle's dialect, JDBC URLs, Rails' database.yml, EF Core provider packages…).
/// </summary>
internal sealed partial class MigrationSettings
{
    private const int MaxConfigFiles = 64;
    private readonly RepositoryFiles files;
    private readonly Lazy<IReadOnlyList<string>> drizzleOuts;
    private readonly Lazy<IReadOnlyList<string>?> flywayLocations;
    private readonly Dictionary<MigrationFramework, MigrationDatabase> databases = [];
    private readonly Lazy<MigrationDatabase> efProvider;
    private readonly Lazy<IReadOnlyList<(string Folder, MigrationDatabase Database)>> dbUpProjects;
    private readonly Lazy<IReadOnlyList<string>> sqlxCrates;
    private readonly Lazy<ProjectTransactionSettings> flywayTransactions;
    private readonly Lazy<ProjectTransactionSettings> mikroOrmTransactions;
    private readonly Dictionary<string, ProjectTransactionSettings> dbUpTransactions = [];
    private readonly Lazy<bool> numberedSqlChecksum;

    public MigrationSettings(RepositoryFiles files)
    {
        this.files = files;
        drizzleOuts = new(ReadDrizzleOuts);
        flywayLocations = new(ReadFlywayLocations);
        efProvider = new(ReadEfProvider);
        dbUpProjects = new(ReadDbUpProjects);
        flywayTransactions = new(() => FlywayTransactionSettings.Read(files));
        mikroOrmTransactions = new(() => MikroOrmTransactionSettings.Read(files));
        numberedSqlChecksum = new(() => NumberedSqlRunner.RecordsChecksum(files));
        sqlxCrates = new(() => files.HeadFiles.Where(p => RepoPath.FileName(p) == "Cargo.toml").Take(MaxConfigFiles)
            .Where(p => SqlxDependency().IsMatch(files.ReadHead(p) ?? string.Empty)).Select(RepoPath.Directory).ToList());
    }

    /// <summary>
    /// What the project configures for the transactions of every migration of a framework (Flyway's <c>mixed</c>,
    /// MikroORM's <c>allOrNothing</c>, a DbUp upgrader's transaction), for the migration at <paramref name="migrationPath"/>.
    /// </summary>
    public ProjectTransactionSettings TransactionSettingsFor(MigrationFramework framework, string migrationPath) => framework switch
    {
        MigrationFramework.Flyway => flywayTransactions.Value,
        MigrationFramework.MikroOrm => mikroOrmTransactions.Value,
        MigrationFramework.DbUp => DbUpProjectOf(migrationPath) is { } project ? DbUpTransactionsOf(project.Folder) : new ProjectTransactionSettings(NoTransaction: true),
        _ => ProjectTransactionSettings.None,
    };

    private ProjectTransactionSettings DbUpTransactionsOf(string folder)
    {
        if (!dbUpTransactions.TryGetValue(folder, out var settings))
        {
            settings = DbUpTransactionSettings.Read(files, folder);
            dbUpTransactions[folder] = settings;
        }

        return settings;
    }

    /// <summary>
    /// The format's facts as this repository runs it: numbered SQL's runner is the project's own, and whether it keeps a
    /// checksum of applied files is read from what runs them (<see cref="NumberedSqlRunner"/>).
    /// </summary>
    public MigrationFrameworkFacts FactsOf(IMigrationFormat format) =>
        format.Framework == MigrationFramework.NumberedSql ? format.Facts with { RecordsChecksum = numberedSqlChecksum.Value } : format.Facts;

    /// <summary>Whether a file sits in a Rust crate (or workspace) whose Cargo.toml depends on sqlx.</summary>
    public bool IsSqlxCrate(string path) => sqlxCrates.Value.Any(crate => crate.Length == 0 || RepoPath.IsUnder(path, crate));

    /// <summary>
    /// The DbUp project a file sits in (the folder of a .csproj that references a <c>dbup-*</c> package) and the database
    /// its package names, or null. Read once, when a changed .sql file first asks.
    /// </summary>
    public (string Folder, MigrationDatabase Database)? DbUpProjectOf(string path) =>
        dbUpProjects.Value.Where(p => p.Folder.Length == 0 || RepoPath.IsUnder(path, p.Folder)).OrderByDescending(p => p.Folder.Length).Cast<(string, MigrationDatabase)?>().FirstOrDefault();

    private IReadOnlyList<(string, MigrationDatabase)> ReadDbUpProjects()
    {
        var projects = new List<(string, MigrationDatabase)>();
        foreach (var path in files.HeadFiles.Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)).Take(MaxConfigFiles))
        {
            if (DbUpPackage().Match(files.ReadHead(path) ?? string.Empty) is { Success: true } package)
            {
                projects.Add((RepoPath.Directory(path), FromName(package.Groups[1].Value)));
            }
        }

        return projects;
    }

    /// <summary>drizzle-kit output folders: each config's <c>out</c> (relative to the config), else the default <c>drizzle</c>.</summary>
    public IReadOnlyList<string> DrizzleOuts => drizzleOuts.Value;

    /// <summary>Flyway's configured locations as repository folders; null when no Flyway config exists (any folder counts).</summary>
    public IReadOnlyList<string>? FlywayLocations => flywayLocations.Value;

    /// <summary>The database a framework's migrations run on, from its configuration; Unknown when nothing says.</summary>
    public MigrationDatabase DatabaseFor(MigrationFramework framework, string migrationPath)
    {
        if (framework == MigrationFramework.EfCore)
        {
            // The migration's own project and what it references decide; the first provider anywhere is the fallback.
            return EfProjectGraph.ProviderOf(migrationPath, files) is var own and not MigrationDatabase.Unknown ? own : efProvider.Value;
        }

        if (framework == MigrationFramework.DbUp)
        {
            return DbUpProjectOf(migrationPath)?.Database ?? MigrationDatabase.Unknown;
        }

        if (framework == MigrationFramework.Prisma)
        {
            // migration_lock.toml sits in the migrations folder: prisma/migrations/<id>/migration.sql → prisma/migrations/.
            var lockFile = RepoPath.Combine(RepoPath.Directory(RepoPath.Directory(migrationPath)), "migration_lock.toml");
            return FromName(Capture(files.ReadHead(lockFile), PrismaProvider()));
        }

        if (!databases.TryGetValue(framework, out var database))
        {
            database = ReadDatabase(framework);
            if (database == MigrationDatabase.Unknown)
            {
                database = ReadApplicationDatabase(framework);
            }

            databases[framework] = database;
        }

        return database;
    }

    /// <summary>
    /// When the framework's own configuration does not say (or is not in the repository), the application's does: a JVM
    /// service's Spring Boot, Quarkus or Micronaut configuration and its build's JDBC driver; a Node service's database
    /// driver package. A driver only counts when it is the only one (H2 or SQLite beside PostgreSQL is for the tests).
    /// </summary>
    private MigrationDatabase ReadApplicationDatabase(MigrationFramework framework) => framework switch
    {
        MigrationFramework.Flyway or MigrationFramework.Liquibase =>
            OnlyOne(IsJvmApplicationConfig, JvmDataSource()) is var configured and not MigrationDatabase.Unknown
                ? configured
                : OnlyOne(p => RepoPath.FileName(p) is "pom.xml" or "build.gradle" or "build.gradle.kts", JdbcDriver()),
        MigrationFramework.TypeOrm or MigrationFramework.Knex or MigrationFramework.Sequelize or MigrationFramework.MikroOrm or MigrationFramework.NumberedSql =>
            OnlyOne(p => RepoPath.FileName(p) == "package.json" && !p.Contains("node_modules/", StringComparison.Ordinal), NodeDriver()),
        _ => MigrationDatabase.Unknown,
    };

    private static bool IsJvmApplicationConfig(string path) =>
        RepoPath.FileName(path) is var name && (name.StartsWith("application", StringComparison.Ordinal) || name.StartsWith("bootstrap", StringComparison.Ordinal))
        && (name.EndsWith(".properties", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal) || name.EndsWith(".yaml", StringComparison.Ordinal))
        && !path.Contains("src/test/", StringComparison.Ordinal);

    /// <summary>The database every match of <paramref name="pattern"/> in the files names, when they name one; else Unknown.</summary>
    private MigrationDatabase OnlyOne(Func<string, bool> isConfig, Regex pattern)
    {
        var found = new HashSet<MigrationDatabase>();
        foreach (var path in files.HeadFiles.Where(isConfig).Take(MaxConfigFiles))
        {
            foreach (Match match in pattern.Matches(files.ReadHead(path) ?? string.Empty))
            {
                if (FromName(match.Groups[1].Value) is var database and not MigrationDatabase.Unknown)
                {
                    found.Add(database);
                }
            }
        }

        return found.Count == 1 ? found.Single() : MigrationDatabase.Unknown;
    }

    private MigrationDatabase ReadDatabase(MigrationFramework framework) => framework switch
    {
        MigrationFramework.DrizzleKit => FromConfigs(p => DrizzleConfig().IsMatch(RepoPath.FileName(p)), DrizzleDialect()),
        MigrationFramework.Flyway => FromConfigs(p => RepoPath.FileName(p) is "flyway.conf" or "flyway.toml", JdbcUrl()),
        MigrationFramework.Liquibase => FromConfigs(p => RepoPath.FileName(p).StartsWith("liquibase", StringComparison.Ordinal) && p.EndsWith(".properties", StringComparison.Ordinal), JdbcUrl()),
        MigrationFramework.Rails => FromConfigs(p => p.EndsWith("config/database.yml", StringComparison.Ordinal), RailsAdapter()),
        MigrationFramework.Django => FromConfigs(p => p.EndsWith("settings.py", StringComparison.Ordinal) || p.Contains("/settings/", StringComparison.Ordinal) && p.EndsWith(".py", StringComparison.Ordinal), DjangoEngine()),
        MigrationFramework.Alembic => FromConfigs(p => RepoPath.FileName(p) == "alembic.ini", SqlAlchemyUrl()),
        MigrationFramework.Knex => FromConfigs(p => RepoPath.FileName(p).StartsWith("knexfile", StringComparison.Ordinal), KnexClient()),
        MigrationFramework.TypeOrm => FromConfigs(p => RepoPath.FileName(p).StartsWith("ormconfig", StringComparison.Ordinal) || p.EndsWith("data-source.ts", StringComparison.Ordinal) || p.EndsWith("data-source.js", StringComparison.Ordinal), TypeOrmType()),
        MigrationFramework.Sqitch => FromConfigs(p => RepoPath.FileName(p) == "sqitch.conf", SqitchEngine()),
        MigrationFramework.Dbmate or MigrationFramework.GolangMigrate => FromConfigs(IsEnvOrMakefile, UrlScheme()),
        MigrationFramework.NumberedSql => FromConfigs(p => IsEnvOrMakefile(p) || RepoPath.FileName(p) == "yoyo.ini", UrlScheme()),
        MigrationFramework.Goose => FromConfigs(IsEnvOrMakefile, GooseDriver()) is var goose and not MigrationDatabase.Unknown
            ? goose
            : FromConfigs(IsEnvOrMakefile, UrlScheme()),
        MigrationFramework.Atlas => FromConfigs(p => p.EndsWith(".hcl", StringComparison.Ordinal) && RepoPath.FileName(p).StartsWith("atlas", StringComparison.Ordinal), AtlasUrl()),
        MigrationFramework.Supabase => MigrationDatabase.PostgreSql, // Supabase is PostgreSQL
        MigrationFramework.Sequelize => FromConfigs(p => p.EndsWith("config/config.json", StringComparison.Ordinal) || p.EndsWith("config/config.js", StringComparison.Ordinal) || p.EndsWith("config/database.js", StringComparison.Ordinal), SequelizeDialect()),
        MigrationFramework.Diesel => FromConfigs(p => RepoPath.FileName(p) is "Cargo.toml" or "diesel.toml" or ".env", DieselBackend()),
        MigrationFramework.Doctrine => FromConfigs(p => RepoPath.FileName(p) is ".env" or ".env.example" or ".env.dist", UrlScheme()),
        MigrationFramework.Ecto => FromConfigs(p => p.EndsWith(".exs", StringComparison.Ordinal) && p.Contains("config/", StringComparison.Ordinal), EctoAdapter()) is var ecto and not MigrationDatabase.Unknown
            ? ecto
            : FromConfigs(p => p.EndsWith(".ex", StringComparison.Ordinal) && p.EndsWith("repo.ex", StringComparison.Ordinal), EctoAdapter()),
        MigrationFramework.DbUp => MigrationDatabase.Unknown, // per project: DbUpProjectOf
        // Npgsql's EF6 provider is the only sign of PostgreSQL; without it Ef6Format assumes SQL Server, EF6's usual one.
        MigrationFramework.Ef6 => files.HeadFiles.Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || RepoPath.FileName(p) is "packages.config" or "Directory.Packages.props")
            .Take(MaxConfigFiles).Any(p => Ef6Npgsql().IsMatch(files.ReadHead(p) ?? string.Empty)) ? MigrationDatabase.PostgreSql : MigrationDatabase.Unknown,
        MigrationFramework.Sqlx => FromConfigs(p => RepoPath.FileName(p) is "Cargo.toml" or ".env", SqlxBackend()),
        MigrationFramework.MikroOrm => FromConfigs(p => RepoPath.FileName(p).StartsWith("mikro-orm.config", StringComparison.Ordinal), MikroOrmDriver()),
        MigrationFramework.Laravel => FromConfigs(p => RepoPath.FileName(p) is ".env" or ".env.example", LaravelConnection()),
        MigrationFramework.FluentMigrator => FromConfigs(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase), FluentMigratorRunner()),
        _ => MigrationDatabase.Unknown,
    };

    /// <summary>Where Go and shell-driven tools keep their database URL or driver: env files, a Makefile, docker-compose.</summary>
    private static bool IsEnvOrMakefile(string path) => RepoPath.FileName(path) is ".env" or ".env.example" or "Makefile" or "docker-compose.yml";

    private MigrationDatabase FromConfigs(Func<string, bool> isConfig, Regex pattern)
    {
        foreach (var path in files.HeadFiles.Where(isConfig).Take(MaxConfigFiles))
        {
            var database = FromName(Capture(files.ReadHead(path), pattern));
            if (database != MigrationDatabase.Unknown)
            {
                return database;
            }
        }

        return MigrationDatabase.Unknown;
    }

    private MigrationDatabase ReadEfProvider()
    {
        foreach (var path in files.HeadFiles.Where(p => p.EndsWith(".csproj", StringComparison.Ordinal) || RepoPath.FileName(p) is "Directory.Packages.props" or "Directory.Build.props").Take(MaxConfigFiles))
        {
            if (EfProvider(files.ReadHead(path)) is var database and not MigrationDatabase.Unknown)
            {
                return database;
            }
        }

        return MigrationDatabase.Unknown;
    }

    /// <summary>The EF Core provider a project file references as a package, else Unknown.</summary>
    internal static MigrationDatabase EfProvider(string? projectText) =>
        projectText is null ? MigrationDatabase.Unknown
        : projectText.Contains("Npgsql.EntityFrameworkCore", StringComparison.Ordinal) ? MigrationDatabase.PostgreSql
        : projectText.Contains("EntityFrameworkCore.SqlServer", StringComparison.Ordinal) ? MigrationDatabase.SqlServer
        : projectText.Contains("EntityFrameworkCore.Sqlite", StringComparison.Ordinal) ? MigrationDatabase.Sqlite
        : projectText.Contains("EntityFrameworkCore.MySql", StringComparison.Ordinal) || projectText.Contains("Pomelo.EntityFrameworkCore", StringComparison.Ordinal) ? MigrationDatabase.MySql
        : MigrationDatabase.Unknown;

    private IReadOnlyList<string> ReadDrizzleOuts()
    {
        var outs = new List<string>();
        foreach (var path in files.HeadFiles.Where(p => DrizzleConfig().IsMatch(RepoPath.FileName(p))).Take(MaxConfigFiles))
        {
            var value = Capture(files.ReadHead(path), DrizzleOut());
            outs.Add(RepoPath.Combine(RepoPath.Directory(path), value ?? "drizzle"));
        }

        if (outs.Count == 0)
        {
            outs.Add("drizzle");
        }

        return outs.Distinct(StringComparer.Ordinal).ToList();
    }

    private IReadOnlyList<string>? ReadFlywayLocations()
    {
        List<string>? locations = null;
        foreach (var path in files.HeadFiles.Where(p => RepoPath.FileName(p) is "flyway.conf" or "flyway.toml").Take(MaxConfigFiles))
        {
            var text = files.ReadHead(path);
            var value = Capture(text, FlywayLocationsConf()) ?? Capture(text, FlywayLocationsToml());
            if (value is null)
            {
                continue;
            }

            locations ??= [];
            foreach (var raw in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var location = raw.Trim('"', '\'', ' ');
                if (location.StartsWith("filesystem:", StringComparison.Ordinal))
                {
                    locations.Add(RepoPath.Combine(RepoPath.Directory(path), location["filesystem:".Length..]));
                }
                else if (location.StartsWith("classpath:", StringComparison.Ordinal))
                {
                    // classpath:db/migration is packaged from src/main/resources/db/migration (Maven/Gradle layout).
                    locations.Add(RepoPath.Combine(RepoPath.Directory(path), "src/main/resources/" + location["classpath:".Length..]));
                }
                else
                {
                    locations.Add(RepoPath.Combine(RepoPath.Directory(path), location));
                }
            }
        }

        return locations;
    }

    private static string? Capture(string? text, Regex pattern)
    {
        if (text is null)
        {
            return null;
        }

        var match = pattern.Match(text);
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    /// <summary>A database from the names configs use: postgresql, postgres, pg, jdbc:postgresql, mysql2, sqlite3, mssql…</summary>
    public static MigrationDatabase FromName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return MigrationDatabase.Unknown;
        }

        var n = name.ToLowerInvariant();
        if (n.Contains("postgres") || n is "pg" or "pgsql" or "cockroachdb" or "cockroach" or "gel" || n.StartsWith("pg", StringComparison.Ordinal) && n.Length <= 4)
        {
            return MigrationDatabase.PostgreSql;
        }

        if (n.Contains("mysql") || n.Contains("mariadb") || n.Contains("singlestore"))
        {
            return MigrationDatabase.MySql;
        }

        if (n.Contains("sqlite") || n.Contains("turso") || n.Contains("libsql") || n == "d1-http")
        {
            return MigrationDatabase.Sqlite;
        }

        if (n.Contains("myxql"))
        {
            return MigrationDatabase.MySql;
        }

        if (n.Contains("sqlserver") || n.Contains("mssql") || n.Contains("tedious") || n is "sqlsrv" or "tds")
        {
            return MigrationDatabase.SqlServer;
        }

        return MigrationDatabase.Unknown;
    }

    [GeneratedRegex(@"^drizzle\.config\.(ts|js|mjs|cjs|mts|cts|json)$")]
    private static partial Regex DrizzleConfig();

    [GeneratedRegex("""["']?out["']?\s*:\s*["'`]([^"'`]+)["'`]""")]
    private static partial Regex DrizzleOut();

    [GeneratedRegex("""(?:dialect|driver)["']?\s*:\s*["'`]([\w-]+)["'`]""")]
    private static partial Regex DrizzleDialect();

    [GeneratedRegex(@"(?m)^\s*provider\s*=\s*""(\w+)""")]
    private static partial Regex PrismaProvider();

    [GeneratedRegex(@"(?m)^\s*flyway\.locations\s*=\s*(.+)$")]
    private static partial Regex FlywayLocationsConf();

    [GeneratedRegex(@"(?m)^\s*locations\s*=\s*\[([^\]]*)\]")]
    private static partial Regex FlywayLocationsToml();

    [GeneratedRegex(@"jdbc:(\w+)")]
    private static partial Regex JdbcUrl();

    /// <summary>
    /// A JVM application's data source: a JDBC URL (<c>spring.datasource.url</c>, <c>spring.flyway.url</c>, Micronaut's
    /// <c>datasources.default.url</c>) or Quarkus' <c>quarkus.datasource.db-kind=postgresql</c>.
    /// </summary>
    [GeneratedRegex(@"(?:jdbc:|db-kind\s*[=:]\s*[""']?)(\w+)")]
    private static partial Regex JvmDataSource();

    /// <summary>A JDBC driver in a Maven or Gradle build: <c>org.postgresql:postgresql</c>, <c>com.mysql:mysql-connector-j</c>, <c>org.mariadb.jdbc</c>, <c>mssql-jdbc</c>, <c>sqlite-jdbc</c>.</summary>
    [GeneratedRegex(@"\b(postgresql|mysql-connector-(?:j|java)|mariadb-java-client|mssql-jdbc|sqlite-jdbc)\b")]
    private static partial Regex JdbcDriver();

    /// <summary>A Node database driver among a package.json's dependencies: <c>"pg"</c>, <c>"mysql2"</c>, <c>"better-sqlite3"</c>, <c>"tedious"</c>…</summary>
    [GeneratedRegex(@"""(pg|postgres|mysql2?|mariadb|sqlite3|better-sqlite3|@libsql/client|tedious|mssql)""\s*:")]
    private static partial Regex NodeDriver();

    [GeneratedRegex(@"(?m)^\s*adapter:\s*([\w]+)")]
    private static partial Regex RailsAdapter();

    [GeneratedRegex("""ENGINE["']?\s*[:=]\s*["']django\.db\.backends\.(\w+)""")]
    private static partial Regex DjangoEngine();

    [GeneratedRegex(@"(?m)^\s*sqlalchemy\.url\s*=\s*([\w]+)")]
    private static partial Regex SqlAlchemyUrl();

    [GeneratedRegex("""client\s*:\s*["'`]([\w]+)["'`]""")]
    private static partial Regex KnexClient();

    [GeneratedRegex("""type["']?\s*:\s*["'`](postgres|mysql|mariadb|sqlite|better-sqlite3|mssql|cockroachdb)["'`]""")]
    private static partial Regex TypeOrmType();

    [GeneratedRegex(@"(?m)^\s*engine\s*=\s*(\w+)")]
    private static partial Regex SqitchEngine();

    [GeneratedRegex(@"(postgres(?:ql)?|mysql|sqlite3?|sqlserver)://")]
    private static partial Regex UrlScheme();

    /// <summary>goose's driver: <c>GOOSE_DRIVER=postgres</c> in an env file, or <c>goose postgres "…"</c> / <c>goose -dir db mysql …</c> in a Makefile.</summary>
    [GeneratedRegex(@"(?:GOOSE_DRIVER\s*[=:]\s*[""']?|\bgoose\s+(?:-\S+\s+(?:\S+\s+)?)*)(postgres|pgx|mysql|sqlite3?|mssql|sqlserver|clickhouse|tidb)\b")]
    private static partial Regex GooseDriver();

    /// <summary>Diesel's backend: the <c>diesel</c> dependency's feature (<c>features = ["postgres"]</c>) or a <c>DATABASE_URL</c> scheme.</summary>
    [GeneratedRegex(@"(?:diesel\s*=\s*\{[^}]*features\s*=\s*\[[^\]]*[""']|DATABASE_URL\s*=\s*[""']?)(postgres(?:ql)?|mysql|sqlite)")]
    private static partial Regex DieselBackend();

    /// <summary>Ecto's adapter in the Repo module or config: <c>adapter: Ecto.Adapters.Postgres</c> (MyXQL is MySQL, Tds SQL Server).</summary>
    [GeneratedRegex(@"Ecto\.Adapters\.(Postgres|MyXQL|SQLite3|Tds)")]
    private static partial Regex EctoAdapter();

    /// <summary>A DbUp package reference and its database: <c>dbup-sqlserver</c>, <c>dbup-postgresql</c>, <c>dbup-mysql</c>, <c>dbup-sqlite</c>.</summary>
    [GeneratedRegex(@"Include=""dbup-(sqlserver|postgresql|mysql|sqlite|core)""", RegexOptions.IgnoreCase)]
    private static partial Regex DbUpPackage();

    /// <summary>Npgsql's Entity Framework 6 provider package: <c>EntityFramework6.Npgsql</c> (older: <c>Npgsql.EntityFramework</c>).</summary>
    [GeneratedRegex(@"[""']\s*(?:EntityFramework6\.Npgsql|Npgsql\.EntityFramework)\s*[""']")]
    private static partial Regex Ef6Npgsql();

    /// <summary>A Cargo.toml that depends on sqlx (<c>sqlx = …</c> or <c>[dependencies.sqlx]</c>).</summary>
    [GeneratedRegex(@"(?m)^\s*(?:sqlx\s*=|\[(?:workspace\.)?dependencies\.sqlx\])")]
    private static partial Regex SqlxDependency();

    /// <summary>sqlx's database: a feature of the dependency (<c>features = ["runtime-tokio", "postgres"]</c>) or a <c>DATABASE_URL</c> scheme.</summary>
    [GeneratedRegex(@"(?:sqlx\s*=\s*\{[^}]*features\s*=\s*\[[^\]]*[""']|DATABASE_URL\s*=\s*[""']?)(postgres(?:ql)?|mysql|sqlite)")]
    private static partial Regex SqlxBackend();

    /// <summary>MikroORM's driver: <c>driver: PostgreSqlDriver</c>, <c>@mikro-orm/mysql</c>, or the older <c>type: 'postgresql'</c>.</summary>
    [GeneratedRegex(@"(?:driver\s*:\s*|@mikro-orm/|type\s*:\s*[""'])(postgre(?:s|sql)|mysql|mariadb|sqlite|mssql)", RegexOptions.IgnoreCase)]
    private static partial Regex MikroOrmDriver();

    /// <summary>Laravel's <c>DB_CONNECTION=pgsql</c> (mysql, mariadb, sqlite, sqlsrv) in .env (phpunit.xml names the tests' database, not production's).</summary>
    [GeneratedRegex(@"(?m)^\s*DB_CONNECTION\s*=\s*[""']?(\w+)")]
    private static partial Regex LaravelConnection();

    /// <summary>Sequelize's <c>"dialect": "postgres"</c> in config/config.json (or <c>dialect: 'mysql'</c> in a .js config).</summary>
    [GeneratedRegex("""["']?dialect["']?\s*:\s*["'`](\w+)["'`]""")]
    private static partial Regex SequelizeDialect();

    /// <summary>FluentMigrator's runner package, which names the database: <c>FluentMigrator.Runner.Postgres</c>.</summary>
    [GeneratedRegex(@"FluentMigrator\.Runner\.(SqlServer|Postgres|MySql|SQLite)", RegexOptions.IgnoreCase)]
    private static partial Regex FluentMigratorRunner();

    /// <summary>Atlas's dev or target database in atlas.hcl: <c>dev = "docker://postgres/16/dev"</c>, <c>url = "mysql://…"</c>.</summary>
    [GeneratedRegex(@"(?:dev|url)\s*=\s*""(?:docker://)?(postgres(?:ql)?|mysql|mariadb|sqlite|sqlserver)")]
    private static partial Regex AtlasUrl();
}
