namespace Hotfix.Records;

/// <summary>
/// The one way a line is added to a JSON-lines log (the incident record, the CLI's rollback log): if a crash tore the
/// last line, it is first ended with a line break, so the torn fragment stays a readable problem on its own line and
/// the new entry is intact instead of glued to it. Nothing before the end is ever rewritten. The line is written in
/// one write and flushed to disk before this returns.
/// </summary>
internal static class JsonLinesAppend
{
    /// <param name="stream">The log, opened for reading and writing (the last byte is read to find a torn line).</param>
    /// <param name="line">One entry, ending with a line break.</param>
    public static void Append(FileStream stream, ReadOnlySpan<byte> line)
    {
        var torn = false;
        if (stream.Length > 0)
        {
            stream.Seek(-1, SeekOrigin.End);
            torn = stream.ReadByte() != '\n';
        }

        stream.Seek(0, SeekOrigin.End);
        if (torn)
        {
            // One write, so a reader never sees the repair without the entry that follows it.
            var repaired = new byte[line.Length + 1];
            repaired[0] = (byte)'\n';
            line.CopyTo(repaired.AsSpan(1));
            stream.Write(repaired);
        }
        else
        {
            stream.Write(line);
        }

        stream.Flush(flushToDisk: true);
    }
}
