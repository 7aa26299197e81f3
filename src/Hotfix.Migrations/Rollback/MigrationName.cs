namespace Hotfix.Migrations.Rollback;

/// <summary>
/// A name the rollback plan takes from the repository (the next migration number, the migration before one):
/// <paramref name="Value"/> is null when the repository cannot answer — the plan keeps its placeholder — and
/// <paramref name="Note"/> says where the value came from or why there is none, because the on-call engineer pastes
/// what the plan prints and must be able to check it. <paramref name="After"/> is the migration a new one names as
/// its parent where the framework chains them (Alembic's <c>down_revision</c>).
/// </summary>
internal sealed record MigrationName(string? Value, string Note, string? After = null);
