using System.Buffers;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace ZuoraJobFlows.Workflow.Csv;

/// <summary>
/// Strict UTF-8 validation that also refuses NUL bytes, and can say where the first bad byte is.
/// </summary>
/// <remarks>
/// NUL is valid UTF-8 but never CSV text: it is the mark of UTF-16 or UTF-32 saved without a byte-order mark, or of
/// a file that is not text at all, and readers downstream cut values at it. Checking for it here keeps it in the
/// one validation the preparer already runs over every byte.
/// </remarks>
internal static class Utf8Check
{
    private const int BlockBytes = 4 * 32;

    public static bool IsValid(ReadOnlySpan<byte> bytes)
    {
        var rest = bytes[AsciiWithoutNulLength(bytes)..];
        return rest.IsEmpty || (!rest.Contains((byte)0) && System.Text.Unicode.Utf8.IsValid(rest));
    }

    /// <summary>
    /// Offset of the first NUL byte or byte that does not start or continue a valid UTF-8 sequence; -1 when there
    /// is none. When <paramref name="isFinal"/> is false the bytes are cut off mid-input, so a sequence the end
    /// interrupts is not counted as invalid.
    /// </summary>
    public static int FirstInvalid(ReadOnlySpan<byte> bytes, bool isFinal = true)
    {
        var nul = bytes.IndexOf((byte)0);
        var limit = nul < 0 ? bytes.Length : nul;
        var offset = 0;

        while (offset < limit)
        {
            var status = Rune.DecodeFromUtf8(bytes[offset..limit], out _, out var consumed);
            if (status == OperationStatus.NeedMoreData && !isFinal && limit == bytes.Length)
            {
                return -1;
            }

            if (status != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return nul;
    }

    // Length of the leading whole blocks that hold only bytes 0x01 to 0x7F: ASCII without NUL, valid as it is.
    // One vectorised pass settles most CSV bytes, so the NUL search and the UTF-8 validation that follow run only
    // from the first block with a non-ASCII byte or a NUL; without it the NUL search would be a second full pass.
    private static int AsciiWithoutNulLength(ReadOnlySpan<byte> bytes)
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            return 0;
        }

        ref var start = ref MemoryMarshal.GetReference(bytes);
        var one = Vector256<byte>.One;
        var length = 0;

        for (; length + BlockBytes <= bytes.Length; length += BlockBytes)
        {
            var a = Vector256.LoadUnsafe(ref start, (nuint)length);
            var b = Vector256.LoadUnsafe(ref start, (nuint)length + 32);
            var c = Vector256.LoadUnsafe(ref start, (nuint)length + 64);
            var d = Vector256.LoadUnsafe(ref start, (nuint)length + 96);

            // (x - 1) | x has its high bit set exactly when x is 0 (the subtraction wraps) or x is 0x80 or more.
            var marks = ((a - one) | a) | ((b - one) | b) | ((c - one) | c) | ((d - one) | d);
            if (marks.ExtractMostSignificantBits() != 0)
            {
                break;
            }
        }

        return length;
    }
}
