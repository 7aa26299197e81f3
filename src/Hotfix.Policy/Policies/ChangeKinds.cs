namespace Hotfix.Policy.Policies;

/// <summary>
/// The kinds of change the runbook's CONDITIONAL_TESTS and the review care about, and the path globs that recognise
/// them by default in common .NET, Node and Python layouts. Content signals (an <c>[Authorize]</c> attribute, a class
/// deriving from <c>Migration</c>) add to these where paths are not enough.
/// </summary>
internal static class ChangeKinds
{
    public const string Database = "database";
    public const string Api = "api";
    public const string Auth = "auth";
    public const string Performance = "performance";
    public const string Infrastructure = "infrastructure";
    public const string Frontend = "frontend";
    public const string Config = "config";

    /// <summary>The built-in kinds, in report order.</summary>
    public static IReadOnlyList<string> BuiltIn { get; } = [Database, Api, Auth, Performance, Infrastructure, Frontend, Config];

    /// <summary>
    /// Default globs per kind (policy <c>classification</c>). Performance has none: a performance fix is declared
    /// (<c>--kind performance</c>), because no path tells a faster query from a slower one.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> DefaultGlobs { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [Database] =
        [
            "**/Migrations/**", "**/migrations/**", "**/alembic/**", "**/db/migrate/**", "**/drizzle/**", "drizzle.config.*",
            "*.sql", "schema.prisma", "*DbContext.cs", "*DbContextModelSnapshot.cs", "**/models.py", "knexfile.*",
        ],
        [Api] =
        [
            "**/Controllers/**", "*Controller.cs", "**/Endpoints/**", "*Endpoints.cs", "*.proto", "*.graphql",
            "openapi*.{json,yaml,yml}", "swagger*.{json,yaml,yml}", "**/routes/**", "**/api/**", "**/views.py", "**/urls.py",
            "**/serializers.py", "**/Contracts/**",
        ],
        [Auth] =
        [
            "**/{Auth,Authentication,Authorization,Identity,auth,authentication,authorization}/**",
            "*{Authentication,Authorization,AuthHandler,AuthService,AuthMiddleware}*", "*{auth,Auth}.{ts,js,py}",
            "**/permissions.py", "**/middleware/auth*", "**/passport*",
        ],
        [Performance] = [],
        [Infrastructure] =
        [
            "Dockerfile", "*.Dockerfile", "Dockerfile.*", "docker-compose*.{yml,yaml}", "compose.{yml,yaml}", "**/k8s/**",
            "**/kubernetes/**", "**/helm/**", "**/charts/**", "*.tf", "*.tfvars", "*.bicep", "**/terraform/**",
            ".github/workflows/**", ".gitlab-ci.yml", "azure-pipelines*.yml", "Jenkinsfile", "**/deploy/**",
            "**/infrastructure/**", "**/infra/**",
        ],
        [Frontend] =
        [
            "*.{tsx,jsx,vue,svelte,css,scss,sass,less,html,cshtml,razor}", "**/wwwroot/**",
            "**/{frontend,web,ui,client,*-ui}/**", "**/static/**",
        ],
        [Config] =
        [
            "appsettings*.json", "web.config", "app.config", ".env", ".env.*", "*.env", "**/config/**", "config.*",
            "settings.py", "**/settings/**", "application*.{properties,yml,yaml}", "*.ini", "**/configmap*.{yml,yaml}",
        ],
    };
}
