using System.Text;

namespace Hotfix.Policy.Changes;

/// <summary>
/// The bytes of one version of a file, and its text when it is text. Binary means what git means: a NUL byte in the
/// first 8000 bytes. Text that is not valid UTF-8 is decoded as Latin-1 so text rules still see every line
/// (<see cref="IsUtf8"/> says which).
/// </summary>
internal sealed class FileContent
{
    private const int BinaryProbeLength = 8000;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private readonly Lazy<string?> text;

    public FileContent(byte[] bytes)
    {
        Bytes = bytes;
        IsBinary = bytes.AsSpan(0, Math.Min(bytes.Length, BinaryProbeLength)).IndexOf((byte)0) >= 0;
        HasBom = !IsBinary && bytes.AsSpan().StartsWith(Utf8Bom);
        text = new Lazy<string?>(Decode);
    }

    public byte[] Bytes { get; }

    public long Length => Bytes.LongLength;

    public bool IsBinary { get; }

    /// <summary>The text starts with a UTF-8 byte order mark (which <see cref="Text"/> leaves out).</summary>
    public bool HasBom { get; }

    /// <summary>True when the bytes are valid UTF-8 (with or without BOM); false for Latin-1 fallback and binary.</summary>
    public bool IsUtf8 { get; private set; }

    /// <summary>The text, without a UTF-8 BOM; null for binary content.</summary>
    public string? Text => text.Value;

    public static FileContent FromText(string text) => new(Encoding.UTF8.GetBytes(text));

    private string? Decode()
    {
        if (IsBinary)
        {
            return null;
        }

        var span = Bytes.AsSpan();
        if (HasBom)
        {
            span = span[3..];
        }

        try
        {
            var decoded = StrictUtf8.GetString(span);
            IsUtf8 = true;
            return decoded;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(span);
        }
    }
}
