using System.CommandLine;
using Hotfix.Cli.Infrastructure;

namespace Hotfix.Cli.Commands;

/// <summary>
/// <c>hotfix completion bash|zsh|pwsh</c>: a shell script that asks hotfix itself what can come next (System.CommandLine's
/// <c>[suggest:POSITION]</c> directive answers from the command tree, so new commands and options complete at once).
/// </summary>
internal static class CompletionCommand
{
    private const string Bash = """
        # bash completion for hotfix. Load it with:  source <(hotfix completion bash)
        # or install it:  hotfix completion bash > /etc/bash_completion.d/hotfix
        _hotfix_completions()
        {
            local words=("${COMP_WORDS[@]:0:COMP_CWORD+1}")
            local line="${words[*]}"
            local IFS=$'\n'
            COMPREPLY=($(compgen -W "$(hotfix "[suggest:${#line}]" "$line" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -o default -F _hotfix_completions hotfix

        """;

    private const string Zsh = """
        #compdef hotfix
        # zsh completion for hotfix. Load it with:  source <(hotfix completion zsh)
        # or install it as _hotfix in a folder of your $fpath.
        _hotfix() {
          local line="${(j: :)words[1,CURRENT]}"
          local -a completions
          completions=("${(@f)$(hotfix "[suggest:${#line}]" "$line" 2>/dev/null)}")
          compadd -a completions
        }
        compdef _hotfix hotfix

        """;

    private const string Pwsh = """
        # PowerShell completion for hotfix. Load it with:  hotfix completion pwsh | Out-String | Invoke-Expression
        # or add that line to your $PROFILE.
        Register-ArgumentCompleter -Native -CommandName hotfix -ScriptBlock {
            param($wordToComplete, $commandAst, $cursorPosition)
            $line = $commandAst.Extent.Text
            $position = $cursorPosition - $commandAst.Extent.StartOffset
            if ($line.Length -lt $position) { $line = $line + (' ' * ($position - $line.Length)) }
            hotfix "[suggest:$position]" "$line" 2>$null | ForEach-Object {
                [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
            }
        }

        """;

    public static Command Create()
    {
        var shell = new Argument<string>("shell") { Description = "bash, zsh or pwsh." };
        shell.AcceptOnlyFromAmong("bash", "zsh", "pwsh");
        var command = new Command("completion", "Print the shell completion script for bash, zsh or PowerShell (commands, options and their values complete from hotfix itself).") { shell };
        CommandExamples.Attach(
            command,
            ("Complete hotfix commands and options in this bash session", "source <(hotfix completion bash)"),
            ("Install it for every zsh session", "hotfix completion zsh > \"${fpath[1]}/_hotfix\""),
            ("PowerShell", "hotfix completion pwsh | Out-String | Invoke-Expression"));
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.Write(parse.GetValue(shell) switch
            {
                "bash" => Bash,
                "zsh" => Zsh,
                _ => Pwsh,
            });
            return ExitCodes.Success;
        });
        return command;
    }
}
