using System.Text.Json.Serialization;

namespace Hotfix.Policy.Policies;

[JsonSerializable(typeof(string))]
internal sealed partial class PolicyProblemJsonContext : JsonSerializerContext;
