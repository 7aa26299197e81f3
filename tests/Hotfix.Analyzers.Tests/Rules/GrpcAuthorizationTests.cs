using Microsoft.CodeAnalysis.Testing;
using Verify = Hotfix.Analyzers.Tests.Infrastructure.AnalyzerTest<Hotfix.Analyzers.Rules.AuthorizationBypassAnalyzer>;

namespace Hotfix.Analyzers.Tests.Rules;

/// <summary>HF3002 on gRPC services: every RPC is a POST, so only a body that may change state makes an anonymous RPC a finding.</summary>
public class GrpcAuthorizationTests
{
    /// <summary>What Grpc.Tools generates for a service and the health protocol, written by hand (the package is not referenced).</summary>
    private const string Generated = """

        namespace Grpc.Core
        {
            public abstract class ServerCallContext { }
            public interface IServerStreamWriter<T> { }
            [System.AttributeUsage(System.AttributeTargets.Class)]
            public class BindServiceMethodAttribute : System.Attribute { public BindServiceMethodAttribute(System.Type bindType, string bindMethodName) { } }
        }
        namespace Shop.Grpc
        {
            public class AccountRequest { public string Name { get; set; } = ""; public string Password { get; set; } = ""; }
            public class AccountReply { public string Token { get; set; } = ""; }
            public static partial class Accounts
            {
                [global::Grpc.Core.BindServiceMethod(typeof(Accounts), "BindService")]
                public abstract partial class AccountsBase
                {
                    public virtual Task<AccountReply> SayHello(AccountRequest request, global::Grpc.Core.ServerCallContext context) => throw null!;
                    public virtual Task<AccountReply> GetAccount(AccountRequest request, global::Grpc.Core.ServerCallContext context) => throw null!;
                    public virtual Task<AccountReply> DeleteAccount(AccountRequest request, global::Grpc.Core.ServerCallContext context) => throw null!;
                    public virtual Task<AccountReply> Login(AccountRequest request, global::Grpc.Core.ServerCallContext context) => throw null!;
                }
            }
        }
        namespace Grpc.Health.V1
        {
            public class HealthCheckRequest { }
            public class HealthCheckResponse { }
            public static partial class Health
            {
                [global::Grpc.Core.BindServiceMethod(typeof(Health), "BindService")]
                public abstract partial class HealthBase
                {
                    public virtual Task<HealthCheckResponse> Check(HealthCheckRequest request, global::Grpc.Core.ServerCallContext context) => throw null!;
                    public virtual Task Watch(HealthCheckRequest request, global::Grpc.Core.IServerStreamWriter<HealthCheckResponse> responseStream, global::Grpc.Core.ServerCallContext context) => throw null!;
                }
            }
        }
        """;

    private static Task Expect(string source, params DiagnosticResult[] expected) => Verify.VerifyAsync(Prelude + source + Generated, expected);

    private const string Prelude = """
        using System.Threading.Tasks;
        using Grpc.Core;
        using Microsoft.AspNetCore.Authorization;
        using Shop.Grpc;

        public interface IAccountStore { Task DeleteAsync(string name); Task<AccountReply> GetAsync(string name); string GenerateToken(string name); Task RecordProbeAsync(); }

        """;

    private static DiagnosticResult At(int location, string message) =>
        Verify.Diagnostic("HF3002").WithLocation(location).WithArguments(message, "").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    [Fact]
    public Task An_anonymous_RPC_that_changes_state_is_found_and_anonymous_reads_greetings_and_logins_are_not() => Expect("""
        [Authorize]
        public class AccountService(IAccountStore store) : Accounts.AccountsBase
        {
            [AllowAnonymous] public override Task<AccountReply> SayHello(AccountRequest request, ServerCallContext context) => Task.FromResult(new AccountReply { Token = "Hello " + request.Name });
            [AllowAnonymous] public override Task<AccountReply> GetAccount(AccountRequest request, ServerCallContext context) => store.GetAsync(request.Name);
            [{|#0:AllowAnonymous|}]
            public override async Task<AccountReply> DeleteAccount(AccountRequest request, ServerCallContext context)
            {
                await store.DeleteAsync(request.Name);
                return new AccountReply();
            }
            [AllowAnonymous] public override Task<AccountReply> Login(AccountRequest request, ServerCallContext context) => Task.FromResult(new AccountReply { Token = store.GenerateToken(request.Name) });
        }
        """,
        At(0, "[AllowAnonymous] makes the state-changing RPC 'AccountService.DeleteAccount' reachable without authentication"));

    [Fact]
    public Task Authorize_on_an_RPC_of_an_anonymous_service_is_overridden_and_a_health_service_is_left_alone() => Expect("""
        [AllowAnonymous]
        public class PublicAccounts : Accounts.AccountsBase
        {
            [{|#0:Authorize|}] public override Task<AccountReply> GetAccount(AccountRequest request, ServerCallContext context) => Task.FromResult(new AccountReply());
            public override Task<AccountReply> SayHello(AccountRequest request, ServerCallContext context) => Task.FromResult(new AccountReply());
        }
        [AllowAnonymous]
        public class HealthService(IAccountStore store) : Grpc.Health.V1.Health.HealthBase
        {
            public override async Task<Grpc.Health.V1.HealthCheckResponse> Check(Grpc.Health.V1.HealthCheckRequest request, ServerCallContext context)
            {
                await store.RecordProbeAsync();
                return new Grpc.Health.V1.HealthCheckResponse();
            }
        }
        """,
        At(0, "[Authorize] on the RPC 'GetAccount' has no effect: [AllowAnonymous] on 'PublicAccounts' overrides it"));

    [Fact]
    public Task An_RPCs_own_AllowAnonymous_under_an_Authorize_service_is_reported_on_the_lines_a_hotfix_changes()
    {
        var source = Prelude + """
            [Authorize]
            public class AccountService : Accounts.AccountsBase
            {
                [{|#0:AllowAnonymous|}] public override Task<AccountReply> GetAccount(AccountRequest request, ServerCallContext context) => Task.FromResult(new AccountReply());
            }
            """ + Generated;
        var line = source.Split('\n').ToList().FindIndex(l => l.Contains("GetAccount(AccountRequest request, ServerCallContext")) + 1;
        return Verify.VerifyHotfixAsync(
            source,
            Verify.ChangedLinesOf(line),
            new DiagnosticResult("HF3002", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0)
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("[AllowAnonymous] on 'GetAccount' overrides [Authorize] on 'AccountService': the endpoint is now reachable without authentication", " (on a line this hotfix changes)"));
    }
}
