using System.Text;

namespace ZuoraJobFlows.Workflow.Csv;

/// <summary>Strict UTF-8 validation that can say where the first bad byte is.</summary>
internal static class Utf8Check
{
    public static bool IsValid(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    /// <summary>Offset of the first byte that does not start or continue a valid UTF-8 sequence.</summary>
    public static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return -1;
    }
}
