using Hotfix.Policy.Reporting;
using Hotfix.Policy.Reporting.Renderers;
using Hotfix.Policy.Workflow;

namespace Hotfix.Cli.Infrastructure;

/// <summary>How start and finish talk: plans as numbered steps with the git commands, warnings on standard error.</summary>
internal static class WorkflowOutput
{
    public static void Plan(CliEnvironment environment, string heading, IReadOnlyList<PlanStep> steps)
    {
        var blocks = new List<ReportBlock>();
        var number = 0;
        foreach (var step in steps)
        {
            number++;
            blocks.Add(new ParagraphBlock($"{number}. {(step.Done ? "[done] " : string.Empty)}{step.Description}"));
            if (step.Commands.Count > 0)
            {
                blocks.Add(new CommandsBlock(step.Commands));
            }
        }

        environment.Out.WriteLine(heading);
        TextBlockWriter.Write(blocks, environment.Out);
    }

    public static void Commands(CliEnvironment environment, string heading, IReadOnlyList<string> commands)
    {
        environment.Out.WriteLine(heading);
        TextBlockWriter.Write([new CommandsBlock(commands)], environment.Out);
    }

    public static void Warnings(CliEnvironment environment, IEnumerable<string> warnings)
    {
        foreach (var warning in warnings)
        {
            environment.Error.WriteLine($"hotfix: warning: {warning}");
        }
    }

    public static void Notes(CliEnvironment environment, IEnumerable<string> notes)
    {
        foreach (var note in notes)
        {
            environment.Out.WriteLine($"note: {note}");
        }
    }
}
