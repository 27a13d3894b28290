using System.Text;
using ZuoraJobFlows.Workflow.Csv;

namespace ZuoraJobFlows.Workflow.Tests.Csv;

/// <summary>
/// The validation every record goes through: a NUL or a bad UTF-8 byte is found wherever it falls, in the
/// vectorised blocks or the tail after them, and valid text of any length passes.
/// </summary>
public class Utf8CheckTests
{
    [Theory]
    [InlineData(0x00)]
    [InlineData(0x80)]
    [InlineData(0xE9)]
    [InlineData(0xFF)]
    public void IsValid_BadByteAtAnyPosition_FalseAndFirstInvalidNamesIt(byte bad)
    {
        var text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("id,Volvo,XC40\r\n", 40)));

        for (var position = 0; position < text.Length; position++)
        {
            var bytes = (byte[])text.Clone();
            bytes[position] = bad;

            var valid = Utf8Check.IsValid(bytes);
            var first = Utf8Check.FirstInvalid(bytes);

            Assert.False(valid, $"byte 0x{bad:X2} at {position}");
            Assert.Equal(position, first);
        }
    }

    [Fact]
    public void IsValid_EveryPrefixOfMixedText_AgreesWithFirstInvalid()
    {
        // ASCII blocks first, so the vectorised part ends at different places; then multi-byte characters, so
        // many prefixes end inside a character and are invalid.
        var text = Encoding.UTF8.GetBytes(
            new string('a', 300) + string.Concat(Enumerable.Repeat("Citroën,Škoda,日本,😀\n", 20)));

        var disagreements = Enumerable.Range(0, text.Length + 1)
            .Where(length => Utf8Check.IsValid(text.AsSpan(0, length))
                != Utf8Check.FirstInvalid(text.AsSpan(0, length)) < 0)
            .ToList();

        Assert.Empty(disagreements);
        Assert.True(Utf8Check.IsValid(text));
        Assert.False(Utf8Check.IsValid(text.AsSpan(0, text.Length - 2)));
    }

    [Fact]
    public void FirstInvalid_SequenceCutAtEndOfUnfinishedInput_NotInvalid()
    {
        byte[] bytes = [.. "Citro"u8, 0xC3];

        var unfinished = Utf8Check.FirstInvalid(bytes, isFinal: false);
        var final = Utf8Check.FirstInvalid(bytes, isFinal: true);

        Assert.Equal(-1, unfinished);
        Assert.Equal(5, final);
    }
}
