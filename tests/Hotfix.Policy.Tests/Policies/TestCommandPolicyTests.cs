using Hotfix.Policy.Policies;

namespace Hotfix.Policy.Tests.Policies;

/// <summary>
/// <c>tests.commands</c>: an argument vector or a string split without a shell; what a shell would read differently
/// is refused, and so is a placeholder that would land in a shell script.
/// </summary>
public class TestCommandPolicyTests
{
    private static PolicyLoadResult Parse(string commands) => PolicyParser.Parse($$"""{ "tests": { "commands": {{commands}} } }""", "hotfix.json");

    private static TestCommand Smoke(string commands)
    {
        var result = Parse(commands);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Policy!.Tests.Commands["smoke"];
    }

    private static PolicyProblem Problem(string commands)
    {
        var result = Parse(commands);
        Assert.False(result.IsValid, "expected the policy to be rejected");
        return Assert.Single(result.Problems);
    }

    [Fact]
    public void An_array_is_taken_word_for_word_and_shown_quoted_for_a_shell()
    {
        var command = Smoke("""{ "smoke": ["npm", "run", "test", "--", "--grep", "{feature}", "--bail"] }""");
        Assert.Equal(["npm", "run", "test", "--", "--grep", "{feature}", "--bail"], command.Arguments);
        Assert.Null(command.Text);
        Assert.Equal("npm run test -- --grep \"{feature}\" --bail", command.Display);
        Assert.True(command.Uses(TestCommand.FeaturePlaceholder));
        Assert.False(command.Uses(TestCommand.EnvironmentPlaceholder));
    }

    [Theory]
    [InlineData("npm run test -- --grep \\\"{feature}\\\" --bail", new[] { "npm", "run", "test", "--", "--grep", "{feature}", "--bail" })]
    [InlineData("  ./run.sh   'two words'\\t{env} ", new[] { "./run.sh", "two words", "{env}" })]
    [InlineData("run --name=\\\"a b\\\"c ''", new[] { "run", "--name=a bc", "" })]
    [InlineData("run 'it''s' \\\"a'b\\\"", new[] { "run", "its", "a'b" })]
    public void A_string_splits_at_unquoted_spaces_and_quotes_only_group(string text, string[] words)
    {
        var command = Smoke($$"""{ "smoke": "{{text}}" }""");
        Assert.Equal(words, command.Arguments);
    }

    [Fact]
    public void Double_quoted_dollar_is_refused_because_a_shell_would_expand_it()
    {
        var problem = Problem("""{ "smoke": "run \"$HOME\"" }""");
        Assert.Equal("$.tests.commands.smoke", problem.Path);
        Assert.Contains("'$' inside double quotes", problem.Found);
    }

    [Theory]
    [InlineData("npm test | tee log", "'|' at character 10 is shell syntax")]
    [InlineData("npm test && echo ok", "'&' at character 10 is shell syntax")]
    [InlineData("npm test; rm -rf x", "';' at character 9 is shell syntax")]
    [InlineData("npm test > out", "'>' at character 10 is shell syntax")]
    [InlineData("npm test $(date)", "'$' at character 10 is shell syntax")]
    [InlineData("npm test src/*.js", "'*' at character 14 is shell syntax")]
    [InlineData("npm test 'open", "the single quote at character 10 is never closed")]
    [InlineData("   ", "no program to run")]
    public void Shell_syntax_in_a_string_is_refused_with_the_rule(string text, string found)
    {
        var problem = Problem($$"""{ "smoke": "{{text}}" }""");
        Assert.Equal("$.tests.commands.smoke", problem.Path);
        Assert.Contains(found, problem.Found);
        Assert.Equal(TestCommandLine.Rule, problem.Expected);
    }

    [Theory]
    [InlineData("""["sh", "-c", "npm test -- --grep {feature}"]""", "'sh -c'")]
    [InlineData("""["/bin/bash", "-ec", "run {env}"]""", "'bash -c'")]
    [InlineData("""["env", "FOO=1", "sh", "-c", "x {incident}"]""", "'sh -c'")]
    public void A_placeholder_in_a_shell_script_is_refused(string command, string shell)
    {
        var problem = Problem($$"""{ "smoke": {{command}} }""");
        Assert.Contains(shell, problem.Found);
        Assert.Contains("$HOTFIX_TEST_FEATURE", problem.Expected);
    }

    [Fact]
    public void A_shell_script_that_reads_the_variables_is_fine()
    {
        var command = Smoke("""{ "smoke": ["sh", "-c", "npm test -- --grep \"$HOTFIX_TEST_FEATURE\""] }""");
        Assert.Equal("sh", command.Arguments[0]);
    }

    [Theory]
    [InlineData("""{ "smoke": 42 }""", "$.tests.commands.smoke", "42")]
    [InlineData("""{ "smoke": ["npm", 1] }""", "$.tests.commands.smoke", "an array")]
    [InlineData("""{ "smoke": [] }""", "$.tests.commands.smoke", "no words")]
    [InlineData("""{ "smoke": ["npm", "{feature_name}"] }""", "$.tests.commands.smoke", "the placeholder {feature_name}")]
    [InlineData("""{ "smoke": ["npm", "{suite}"] }""", "$.tests.commands.smoke", "the placeholder {suite}")]
    public void Other_malformed_commands_name_the_key(string commands, string path, string found)
    {
        var problem = Problem(commands);
        Assert.Equal(path, problem.Path);
        Assert.Contains(found, problem.Found);
    }

    [Fact]
    public void Expanding_fills_placeholders_inside_words_and_never_splits_a_value()
    {
        var command = Smoke("""{ "smoke": "run --grep={feature} '{env}' {incident}" }""");
        var words = command.Expand(new Dictionary<string, string>
        {
            [TestCommand.FeaturePlaceholder] = "a b; touch pwned",
            [TestCommand.EnvironmentPlaceholder] = "$(id)",
            [TestCommand.IncidentPlaceholder] = "INC-2026-0042",
        });
        Assert.Equal(["run", "--grep=a b; touch pwned", "$(id)", "INC-2026-0042"], words);
    }

    [Fact]
    public void A_command_is_shown_by_policy_show_as_it_was_written()
    {
        var result = PolicyParser.Parse("""{ "tests": { "commands": { "smoke": "npm run smoke", "regression": ["npm", "run", "reg"] } } }""", "hotfix.json");
        var json = PolicyParser.ToJson(result.Policy!);
        Assert.Contains("\"smoke\": \"npm run smoke\"", json);
        Assert.Contains("\"regression\": [", json);
        Assert.True(PolicyParser.Parse(json, "shown").IsValid);
    }

    [Theory]
    [InlineData("""[ { "name": "Staging" } ]""", "$.environments[0].name", "\"Staging\"")]
    [InlineData("""[ { "name": "dev" }, { "name": "dev" } ]""", "$.environments[1].name", "\"dev\" again")]
    [InlineData("""[ { "name": "dev", "prod": true } ]""", "$.environments[0].prod", "unknown key 'prod'")]
    public void Environments_are_named_once_each(string environments, string path, string found)
    {
        var result = PolicyParser.Parse($$"""{ "environments": {{environments}} }""", "hotfix.json");
        var problem = Assert.Single(result.Problems);
        Assert.Equal(path, problem.Path);
        Assert.Contains(found, problem.Found);
    }
}
