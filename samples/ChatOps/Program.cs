// A chat-ops console: reads "sender: message" lines (one chat message each) from standard input and prints the bot's
// Markdown replies, the way an incident chat bot would post them.
//   dotnet run --project samples/ChatOps -- [POLICY_FILE] [RECORDS_FOLDER] < samples/ChatOps/conversation.txt
using ChatOps;
using Hotfix.Policy.Policies;
using Hotfix.Records;

var loaded = args.Length > 0 ? PolicyParser.Parse(File.ReadAllText(args[0]), args[0]) : PolicyParser.Defaults();
if (loaded.Policy is null)
{
    foreach (var problem in loaded.Problems)
    {
        Console.Error.WriteLine($"{loaded.Source}: {problem}");
    }

    return 2;
}

var folder = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "chatops-incidents");
var bot = new HotfixBot(loaded.Policy, new JsonLinesIncidentRecordStore(folder), () => DateTimeOffset.Now);
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
