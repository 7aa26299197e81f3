using System.Text.RegularExpressions;

namespace Hotfix.Migrations.Detection;

/// <summary>
/// The EF Core provider of one migration, found the way MSBuild finds it: the project that holds the migration, then
/// the projects it references (<c>ProjectReference</c>, transitively). Layered solutions keep migrations in an
/// Infrastructure or Migrations project whose provider package sits one or two references away, and a repository
/// with many projects (or several providers) cannot be judged by the first project file that names one.
/// </summary>
internal static partial class EfProjectGraph
{
    private const int MaxProjects = 32;

    public static MigrationDatabase ProviderOf(string migrationPath, RepositoryFiles files)
    {
        var start = OwningProject(migrationPath, files);
        if (start is null)
        {
            return MigrationDatabase.Unknown;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var queue = new Queue<string>([start]);
        while (queue.Count > 0 && seen.Count <= MaxProjects)
        {
            var project = queue.Dequeue();
            var text = files.ReadHead(project);
            if (MigrationSettings.EfProvider(text) is var database and not MigrationDatabase.Unknown)
            {
                return database;
            }

            foreach (Match reference in ProjectReference().Matches(text ?? string.Empty))
            {
                var path = RepoPath.Combine(RepoPath.Directory(project), reference.Groups["path"].Value);
                if (seen.Add(path) && files.ExistsAtHead(path))
                {
                    queue.Enqueue(path);
                }
            }
        }

        return MigrationDatabase.Unknown;
    }

    /// <summary>The .csproj in the migration's folder or the nearest folder above it.</summary>
    private static string? OwningProject(string path, RepositoryFiles files)
    {
        for (var directory = RepoPath.Directory(path); ; directory = RepoPath.Directory(directory))
        {
            if (files.FilesIn(directory).FirstOrDefault(p => p.EndsWith(".csproj", StringComparison.Ordinal)) is { } project)
            {
                return project;
            }

            if (directory.Length == 0)
            {
                return null;
            }
        }
    }

    [GeneratedRegex("""<ProjectReference\s+Include\s*=\s*["'](?<path>[^"']+)["']""")]
    private static partial Regex ProjectReference();
}
