using System.Diagnostics.CodeAnalysis;
using Hotfix.Policy.Changes;
using Hotfix.Policy.Checks;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Reporting;

namespace Hotfix.Policy.Tests.Checks;

/// <summary>A check cancelled while a step runs stops at the next step, not after the whole run.</summary>
public class CheckCancellationTests
{
    [Fact]
    public void Cancelling_while_the_change_set_is_read_stops_the_check_before_the_next_rule()
    {
        using var cancellation = new CancellationTokenSource();
        var reader = new CancellingReader(cancellation);
        var context = new CheckContext(HotfixPolicy.Runbook, new CheckSubject("hotfix/INC-2026-0042-fix-totals", new string('a', 40)), new CheckOptions(), new PortSet().Add<IChangeSetReader>(reader))
        {
            Cancellation = cancellation.Token,
        };

        Assert.ThrowsAny<OperationCanceledException>(() => CheckRunner.Run(context, CheckModules.Core, new ToolInfo("hotfix", "test")));
        Assert.Equal(1, reader.Reads);
        Assert.Equal(0, reader.FileLooks);
    }

    [Fact]
    public void The_same_check_without_cancellation_reads_the_change_set_once_and_reports()
    {
        using var never = new CancellationTokenSource();
        var reader = new CancellingReader(null);
        var context = new CheckContext(HotfixPolicy.Runbook, new CheckSubject("hotfix/INC-2026-0042-fix-totals", new string('a', 40)), new CheckOptions(), new PortSet().Add<IChangeSetReader>(reader))
        {
            Cancellation = never.Token,
        };

        var report = CheckRunner.Run(context, CheckModules.Core, new ToolInfo("hotfix", "test"));
        Assert.Equal(1, reader.Reads);
        Assert.NotEmpty(report.Sections);
    }

    /// <summary>A change set that cannot be read; the host cancels while it is being read.</summary>
    private sealed class CancellingReader(CancellationTokenSource? cancelWhileReading) : IChangeSetReader
    {
        public int Reads { get; private set; }

        public int FileLooks { get; private set; }

        public bool TryReadChangeSet(string baseBranch, string remote, string headCommit, [NotNullWhen(true)] out ChangeSet? changeSet, [NotNullWhen(false)] out string? unavailableReason)
        {
            Reads++;
            cancelWhileReading?.Cancel();
            changeSet = null;
            unavailableReason = "no change set in this test";
            return false;
        }

        public FileContent? ReadFile(string commit, string path)
        {
            FileLooks++;
            return null;
        }

        public IReadOnlyList<string> ListFiles(string commit)
        {
            FileLooks++;
            return [];
        }
    }
}
