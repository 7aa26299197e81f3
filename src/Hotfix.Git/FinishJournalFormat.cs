using System.Globalization;
using System.Text;
using System.Text.Json;
using Hotfix.Policy.Ports;

namespace Hotfix.Git;

/// <summary>
/// The journal's JSON: the entry, its owner process and when its step was recorded (to tell the owner's own lock
/// files from older ones). Written and read with the JSON reader and writer directly, which needs no reflection under AOT.
/// </summary>
internal static class FinishJournalFormat
{
    internal sealed record Stored(FinishJournalEntry Entry, OwnerProcess Owner, DateTimeOffset StepRecorded);

    public static byte[] Write(FinishJournalEntry entry, OwnerProcess owner, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteNumber("pid", owner.Pid);
            json.WriteString("processStart", owner.Start);
            json.WriteString("step", entry.Step.ToString());
            json.WriteString("stepRecorded", now.ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("branch", entry.Branch);
            json.WriteString("branchTip", entry.BranchTip);
            json.WriteBoolean("deleteBranch", entry.DeleteBranch);
            json.WriteString("fromCommit", entry.FromCommit);
            WriteMerge(json, "main", entry.Main);
            WriteMerge(json, "backMergeTarget", entry.Target);
            if (entry.Push is { } push)
            {
                json.WriteStartArray("push");
                foreach (var command in push)
                {
                    json.WriteStringValue(command);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>The stored journal; null when the text is not one (a file someone else wrote or truncated).</summary>
    public static Stored? Read(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var entry = new FinishJournalEntry(
                root.GetProperty("branch").GetString()!,
                root.GetProperty("branchTip").GetString()!,
                root.GetProperty("deleteBranch").GetBoolean(),
                root.GetProperty("fromCommit").GetString()!,
                ReadMerge(root.GetProperty("main")),
                ReadMerge(root.GetProperty("backMergeTarget")),
                Enum.Parse<FinishStep>(root.GetProperty("step").GetString()!),
                root.TryGetProperty("push", out var push) ? [.. push.EnumerateArray().Select(c => c.GetString()!)] : null);
            var owner = new OwnerProcess(root.GetProperty("pid").GetInt32(), root.GetProperty("processStart").GetString()!);
            var recorded = DateTimeOffset.Parse(root.GetProperty("stepRecorded").GetString()!, CultureInfo.InvariantCulture);
            return new Stored(entry, owner, recorded);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException or FormatException)
        {
            return null;
        }
    }

    public static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    private static void WriteMerge(Utf8JsonWriter json, string name, JournalMerge merge)
    {
        json.WriteStartObject(name);
        json.WriteString("branch", merge.Branch);
        json.WriteString("before", merge.Before);
        json.WriteString("merge", merge.Merge);
        json.WriteString("message", merge.Message);
        json.WriteEndObject();
    }

    private static JournalMerge ReadMerge(JsonElement element) =>
        new(
            element.GetProperty("branch").GetString()!,
            element.GetProperty("before").GetString()!,
            element.GetProperty("merge").GetString(),
            element.GetProperty("message").GetString()!);
}
