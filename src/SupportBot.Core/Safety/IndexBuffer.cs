using System.Runtime.CompilerServices;

namespace SupportBot.Core.Safety;

/// <summary>24 integers inline (the longest mnemonic), so that collecting a candidate phrase allocates nothing.</summary>
[InlineArray(Length)]
internal struct IndexBuffer
{
    /// <summary>Capacity.</summary>
    public const int Length = 24;

    private int _element0;
}
