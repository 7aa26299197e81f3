// A chat-ops console: reads "sender: message" lines (one chat message each) from standard input and prints the bot's
// Markdown replies, the way an incident chat bot would post them.
//   dotnet run --project samples/ChatOps -- [POLICY_FILE] [RECORDS_FOLDER] < samples/ChatOps/conversation.txt
using ChatOps;
using Hotfix;

// The same policy and record the hotfix command would use: a policy file (else the runbook) and JSON-lines records.
var folder = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "chatops-incidents");
var builder = HotfixEngine.CreateBuilder().UseJsonLinesRecords(folder);
if (args.Length > 0)
{
    builder.UsePolicyJson(File.ReadAllText(args[0]), args[0]);
}

HotfixEngine hotfix;
try
{
    hotfix = builder.Build();
}
catch (HotfixInputException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var bot = new HotfixBot(hotfix);
var replies = 0;
while (Console.ReadLine() is { } line)
{
    var colon = line.IndexOf(':', StringComparison.Ordinal);
    if (line.StartsWith('#') || colon < 0)
    {
        continue;
    }

    var sender = line[..colon].Trim();
    var message = line[(colon + 1)..].Trim();
    Console.WriteLine($"> **{sender}:** {message}");
    Console.WriteLine();
    Console.WriteLine(bot.Handle(sender, message));
    Console.WriteLine("---");
    replies++;
}

return replies > 0 ? 0 : 1;
