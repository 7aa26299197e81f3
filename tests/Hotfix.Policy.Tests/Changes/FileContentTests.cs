using System.Text;
using Hotfix.Policy.Changes;

namespace Hotfix.Policy.Tests.Changes;

public class FileContentTests
{
    [Fact]
    public void Utf8_text_loses_its_bom()
    {
        var content = new FileContent([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("h\u00e9")]);
        Assert.Equal("h\u00e9", content.Text);
        Assert.True(content.IsUtf8);
        Assert.False(content.IsBinary);
    }

    [Fact]
    public void Invalid_utf8_falls_back_to_latin1()
    {
        var content = new FileContent(Encoding.Latin1.GetBytes("caf\u00e9"));
        Assert.Equal("caf\u00e9", content.Text);
        Assert.False(content.IsUtf8);
    }

    [Fact]
    public void A_nul_byte_in_the_first_8000_bytes_makes_it_binary()
    {
        Assert.True(new FileContent([1, 2, 0, 3]).IsBinary);
        Assert.Null(new FileContent([1, 2, 0, 3]).Text);
        var late = new byte[9000];
        Array.Fill(late, (byte)'a');
        late[8500] = 0;
        Assert.False(new FileContent(late).IsBinary);
    }
}
