using Hotfix.Policy.Policies;

namespace Hotfix.Policy.Tests.Policies;

public class PolicyParserTests
{
    private static PolicyLoadResult Parse(string json) => PolicyParser.Parse(json, "hotfix.json");

    private static PolicyProblem SingleProblem(string json)
    {
        var result = Parse(json);
        Assert.False(result.IsValid, "expected the policy to be rejected");
        return Assert.Single(result.Problems);
    }

    [Fact]
    public void An_empty_object_is_the_runbook()
    {
        var policy = Parse("{}").Policy!;
        Assert.Equal("main", policy.Branches.Main);
        Assert.Equal("develop", policy.Branches.BackMergeTarget);
        Assert.Equal("hotfix/", policy.Branches.Prefix);
        Assert.Equal(15, policy.Review.Severities["SEV1"].TimeboxMinutes);
        Assert.Equal(30, policy.Review.Severities["SEV2"].TimeboxMinutes);
        Assert.Equal(ReviewProcess.Normal, policy.Review.Severities["SEV3"].Process);
        Assert.Equal(["smoke", "regression", "integration"], policy.Tests.Mandatory);
        Assert.Equal(24, policy.StabilityWindow.Hours);
        Assert.Equal(7, policy.Review.FollowUpDays);
        Assert.Equal(120, policy.Deployment.RolloutTimeoutSeconds);
        Assert.Equal(PolicyParser.ToJson(HotfixPolicy.Runbook), PolicyParser.ToJson(policy));
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed()
    {
        var result = Parse("""
            // The company's policy
            {
              /* production */ "branches": { "main": "master", },
            }
            """);
        Assert.True(result.IsValid);
        Assert.Equal("master", result.Policy!.Branches.Main);
    }

    [Fact]
    public void Objects_merge_key_by_key_over_the_defaults()
    {
        var policy = Parse("""{ "review": { "severities": { "SEV1": { "process": "expedited", "reviewers": 1, "timeboxMinutes": 10 } } } }""").Policy!;
        Assert.Equal(10, policy.Review.Severities["SEV1"].TimeboxMinutes);
        Assert.Equal(30, policy.Review.Severities["SEV2"].TimeboxMinutes);
        Assert.Equal(7, policy.Review.FollowUpDays);
        Assert.Equal("main", policy.Branches.Main);
    }

    [Fact]
    public void Arrays_replace_the_default()
    {
        var policy = Parse("""{ "tests": { "mandatory": ["smoke", "contract"] } }""").Policy!;
        Assert.Equal(["smoke", "contract"], policy.Tests.Mandatory);
    }

    [Fact]
    public void An_unknown_key_is_an_error_with_its_path_and_a_suggestion()
    {
        var problem = SingleProblem("""{ "branches": { "mian": "master" } }""");
        Assert.Equal("$.branches.mian", problem.Path);
        Assert.Equal("unknown key 'mian'", problem.Found);
        Assert.Contains("did you mean 'main'?", problem.Expected);
        Assert.Contains("backMergeTarget", problem.Expected);
    }

    [Fact]
    public void An_unknown_top_level_key_is_an_error()
    {
        var problem = SingleProblem("""{ "rulez": {} }""");
        Assert.Equal("$.rulez", problem.Path);
        Assert.Contains("did you mean 'rules'?", problem.Expected);
    }

    [Theory]
    [InlineData("""{ "branches": { "maxLength": "63" } }""", "$.branches.maxLength", "\"63\"", "a whole number")]
    [InlineData("""{ "branches": { "maxLength": 6.5 } }""", "$.branches.maxLength", "6.5", "a whole number")]
    [InlineData("""{ "branches": "main" }""", "$.branches", "\"main\"", "an object")]
    [InlineData("""{ "tests": { "mandatory": "smoke" } }""", "$.tests.mandatory", "\"smoke\"", "an array")]
    [InlineData("""{ "tests": { "mandatory": ["smoke", 3] } }""", "$.tests.mandatory[1]", "3", "a string")]
    [InlineData("""{ "branches": { "main": null } }""", "$.branches.main", "null", "a string")]
    [InlineData("""{ "review": { "severities": { "SEV1": { "duringPrCreation": "yes" } } } }""", "$.review.severities.SEV1.duringPrCreation", "\"yes\"", "true or false")]
    public void A_wrong_type_names_path_value_and_expected_form(string json, string path, string found, string expected)
    {
        var problem = SingleProblem(json);
        Assert.Equal(path, problem.Path);
        Assert.Equal(found, problem.Found);
        Assert.Equal(expected, problem.Expected);
    }

    [Fact]
    public void Nullable_values_accept_null()
    {
        Assert.True(Parse("""{ "people": { "incidentCommander": null }, "helpBaseUri": null }""").IsValid);
    }

    [Theory]
    [InlineData("{ \"branches\": { \"main\": \"main\" ", "malformed JSON")]
    [InlineData("[]", "an array")]
    [InlineData("\"text\"", "\"text\"")]
    [InlineData("", "malformed JSON")]
    public void Malformed_documents_are_rejected_with_a_position(string json, string found)
    {
        var problem = SingleProblem(json);
        Assert.Contains(found, problem.Found);
    }

    [Theory]
    [InlineData("{ \"branches\": {}, \"branches\": {} }", "$.branches (line 1)", "first on line 1")]
    [InlineData("{\n  \"review\": {\n    \"followUpDays\": 5,\n    // the team's\n    \"followUpDays\": 3\n  }\n}", "$.review.followUpDays (line 5)", "first on line 3")]
    [InlineData("{ \"components\": [ { \"name\": \"a\", \"paths\": [\"a/\"] }, { \"name\": \"b\",\r\n \"name\": \"c\", \"paths\": [\"c/\"] } ] }", "$.components[1].name (line 2)", "first on line 1")]
    [InlineData("{ \"rules\": { \"HF0101\": \"off\", \"HF0101\": \"error\" } }", "$.rules.HF0101 (line 1)", "first on line 1")]
    public void A_key_given_twice_is_named_with_its_path_and_lines(string json, string path, string first)
    {
        var problem = SingleProblem(json);
        Assert.Equal(path, problem.Path);
        Assert.Equal($"the key a second time ({first})", problem.Found);
        Assert.StartsWith("each key once", problem.Expected);
    }

    [Fact]
    public void Every_key_given_twice_is_reported_and_the_same_key_in_sibling_objects_is_not_one()
    {
        var result = Parse("""{ "review": { "followUpDays": 5, "followUpDays": 3 }, "branches": { "main": "a", "main": "b" }, "deployment": { "monitorMinutes": 5 }, "decisions": { "forwardFixMaxMinutes": 5 } }""");
        Assert.Equal(["$.review.followUpDays (line 1)", "$.branches.main (line 1)"], result.Problems.Select(p => p.Path));
        Assert.True(Parse("""{ "components": [ { "name": "a", "paths": ["a/"] }, { "name": "b", "paths": ["b/"] } ] }""").IsValid);
    }

    [Fact]
    public void A_key_given_twice_does_not_hide_a_wrong_type_later_in_the_file()
    {
        var result = Parse("{\n  \"review\": { \"followUpDays\": 5, \"followUpDays\": 3 },\n  \"branches\": { \"maxLength\": \"long\" }\n}");
        Assert.Equal(["$.review.followUpDays (line 2)", "$.branches.maxLength"], result.Problems.Select(p => p.Path));
        Assert.Equal("each key once in an object (the other checks read its last value)", result.Problems[0].Expected);
    }

    [Theory]
    [InlineData("""{ "review": { "followUpDays": 8, "followUpDays": 3 } }""", new[] { "$.review.followUpDays (line 1)" })]
    [InlineData("""{ "review": { "followUpDays": 3, "followUpDays": 8 } }""", new[] { "$.review.followUpDays (line 1)", "$.review.followUpDays" })]
    public void The_last_value_of_a_key_given_twice_is_the_one_checked(string json, string[] paths)
    {
        // The message says the last value counts: a bad first value is not reported, a bad last one is.
        Assert.Equal(paths, Parse(json).Problems.Select(p => p.Path));
    }

    [Fact]
    public void A_key_given_twice_and_a_later_syntax_error_are_both_reported()
    {
        var result = Parse("{\n  \"review\": { \"followUpDays\": 5, \"followUpDays\": 3 },\n  \"branches\": { \"main\": main }\n}");
        Assert.Equal(["$.review.followUpDays (line 2)", "line 3, column 25"], result.Problems.Select(p => p.Path));
    }

    [Fact]
    public void A_syntax_error_gives_line_and_column()
    {
        var problem = SingleProblem("{\n  \"branches\": {\n    \"main\": main\n  }\n}");
        Assert.Equal("line 3, column 13", problem.Path);
    }

    [Theory]
    [InlineData("""{ "review": { "followUpDays": 8 } }""", "$.review.followUpDays", "8", "within 1 week")]
    [InlineData("""{ "branches": { "backMergeTarget": "main" } }""", "$.branches.backMergeTarget", "\"main\"", "a branch other than main")]
    [InlineData("""{ "branches": { "main": "ma in" } }""", "$.branches.main", "\"ma in\"", "a git branch name")]
    [InlineData("""{ "branches": { "prefix": "hotfix" } }""", "$.branches.prefix", "\"hotfix\"", "ending with '/'")]
    [InlineData("""{ "branches": { "maxLength": 20 } }""", "$.branches.maxLength", "20", "from 29")]
    [InlineData("""{ "rules": { "HF0110": "off" } }""", "$.rules.HF0110", "unknown rule id 'HF0110'", "did you mean 'HF0101'?")]
    [InlineData("""{ "rules": { "HF0101": "fatal" } }""", "$.rules.HF0101", "\"fatal\"", "one of error, warning, info, off")]
    [InlineData("""{ "tests": { "mandatory": ["regression"] } }""", "$.tests.mandatory", "[\"regression\"]", "always run it")]
    [InlineData("""{ "tests": { "skippableOnSev1": ["smoke"] } }""", "$.tests.skippableOnSev1", "\"smoke\", which is also mandatory", "not in $.tests.mandatory")]
    [InlineData("""{ "review": { "severities": { "SEV5": { "process": "normal" } } } }""", "$.review.severities.SEV5", "key 'SEV5'", "SEV1, SEV2, SEV3, SEV4")]
    [InlineData("""{ "review": { "severities": { "SEV3": { "process": "expedited", "reviewers": 1, "timeboxMinutes": 5 } } } }""", "$.review.severities.SEV3.process", "\"expedited\"", "normal review process")]
    [InlineData("""{ "review": { "severities": { "SEV1": { "process": "expedited", "reviewers": 0, "timeboxMinutes": 15 } } } }""", "$.review.severities.SEV1.reviewers", "0", "MUST still be reviewed")]
    [InlineData("""{ "components": [ { "name": "api", "paths": ["src\\api"] } ] }""", "$.components[0].paths[0]", "\"src\\api\" (use '/' as the path separator)", "a path glob")]
    [InlineData("""{ "components": [ { "name": "api", "paths": [] } ] }""", "$.components[0].paths", "an empty array", "at least one path glob")]
    [InlineData("""{ "components": [ { "name": "api", "paths": ["a/"], "workload": "pod/api" } ] }""", "$.components[0].workload", "\"pod/api\"", "deployment, statefulset or daemonset")]
    [InlineData("""{ "stabilityWindow": { "hours": 12 } }""", "$.stabilityWindow.checkpoints.h24", "key 'h24'", "within the 12-hour window")]
    [InlineData("""{ "deployment": { "namespace": "Prod" } }""", "$.deployment.namespace", "\"Prod\"", "Kubernetes namespace")]
    [InlineData("""{ "helpBaseUri": "docs/rules" }""", "$.helpBaseUri", "\"docs/rules\"", "absolute http(s) URI")]
    public void Values_out_of_range_are_explained(string json, string path, string found, string expected)
    {
        var result = Parse(json);
        Assert.False(result.IsValid);
        var problem = Assert.Single(result.Problems, p => p.Path == path);
        Assert.Equal(found, problem.Found);
        Assert.Contains(expected, problem.Expected);
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        var result = Parse("""{ "branches": { "mian": "x", "prefx": "y" }, "review": { "folowUpDays": 3 } }""");
        Assert.Equal(["$.branches.mian", "$.branches.prefx", "$.review.folowUpDays"], result.Problems.Select(p => p.Path).Order());
    }

    [Fact]
    public void An_unknown_key_or_a_wrong_type_does_not_hide_the_values_out_of_range()
    {
        var result = Parse("""{ "branches": { "mian": "main", "maxLength": 500 }, "review": { "followUpDays": "7", "approvers": [] }, "tests": { "mandatory": ["regression"] } }""");
        Assert.Equal(
            ["$.branches.mian", "$.review.followUpDays", "$.branches.maxLength", "$.review.approvers", "$.tests.mandatory"],
            result.Problems.Select(p => p.Path));
        Assert.Equal("\"7\"", result.Problems[1].Found);
        Assert.Equal("a whole number", result.Problems[1].Expected);
    }

    [Theory]
    [InlineData("""{ "branches": { "backMergeTarget": 5, "main": "develop" } }""", "$.branches.backMergeTarget")]
    [InlineData("""{ "scope": { "budgets": { "SEV1": { "files": "50", "lines": 50 } } } }""", "$.scope.budgets.SEV1.files")]
    [InlineData("""{ "review": { "severities": { "SEV1": { "reviewers": "one" } } } }""", "$.review.severities.SEV1.reviewers")]
    public void A_value_of_the_wrong_type_is_reported_once_not_judged_again_by_its_default(string json, string path)
    {
        var problem = SingleProblem(json);
        Assert.Equal(path, problem.Path);
    }

    [Fact]
    public void A_value_of_the_wrong_type_does_not_hide_a_bad_value_beside_it()
    {
        var result = Parse("""{ "scope": { "budgets": { "SEV1": { "files": "5", "lines": 100000000 } } } }""");
        Assert.Equal(["$.scope.budgets.SEV1.files", "$.scope.budgets.SEV1.lines"], result.Problems.Select(p => p.Path));
    }

    [Theory]
    [InlineData("""{ "scope": { "budgets": { "SEV1": { "files": 99999999999999999999 } } } }""", "$.scope.budgets.SEV1.files", "99999999999999999999", "1 to 100000 changed files")]
    [InlineData("""{ "scope": { "budgets": { "SEV1": { "files": -99999999999999999999 } } } }""", "$.scope.budgets.SEV1.files", "-99999999999999999999", "1 to 100000 changed files")]
    [InlineData("""{ "review": { "followUpDays": 1e300 } }""", "$.review.followUpDays", "1e300", "1 to 7 days")]
    public void A_whole_number_too_large_for_its_type_is_given_the_range_of_its_key(string json, string path, string found, string expected)
    {
        var problem = SingleProblem(json);
        Assert.Equal(path, problem.Path);
        Assert.Equal(found, problem.Found);
        Assert.StartsWith(expected, problem.Expected);
    }

    [Fact]
    public void Keys_with_odd_characters_are_quoted_in_paths()
    {
        var problem = SingleProblem("""{ "branches": { "main branch": "x" } }""");
        Assert.Equal("$.branches[\"main branch\"]", problem.Path);
    }

    [Fact]
    public void The_sample_company_policy_is_valid()
    {
        var path = TestSupport.SourceTree.PathOf("samples", "policies", "hotfix.json");
        var result = PolicyParser.Parse(File.ReadAllText(path), path);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal("mira", result.Policy!.People.IncidentCommander);
        Assert.Equal(["admin-ui", "executor", "ge-orchestrator"], result.Policy.Components.Select(c => c.Name).Order());
    }
}
