using System.Runtime.InteropServices;
using SupportBot.Screenshots.Imaging;

namespace SupportBot.Screenshots.Ocr;

/// <summary>One Tesseract engine for one language set, loaded once and kept warm (loading a model costs more than
/// reading a screenshot). Not thread-safe: <see cref="OcrEngines"/> lends each engine to one run at a time.</summary>
internal sealed unsafe class TesseractEngine : IDisposable
{
    private readonly IntPtr _handle;
    private readonly IntPtr _monitor;

    // Native flag the cancel callback reads: set to 1 when the caller's token fires mid-run.
    private readonly int* _cancelFlag;
    private bool _disposed;

    private TesseractEngine(IntPtr handle, IntPtr monitor, int* cancelFlag)
    {
        _handle = handle;
        _monitor = monitor;
        _cancelFlag = cancelFlag;
    }

    /// <summary>The language set, e.g. "eng" or "chi_sim".</summary>
    public required string Languages { get; init; }

    /// <summary>Loads <paramref name="languages"/> from <paramref name="dataPath"/>; null when the library or the
    /// model is missing (the caller then marks images "not checked").</summary>
    public static TesseractEngine? TryCreate(string dataPath, string languages)
    {
        IntPtr handle;
        try
        {
            handle = TesseractNative.TessBaseAPICreate();
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }

        if (handle == IntPtr.Zero)
        {
            return null;
        }

        if (TesseractNative.TessBaseAPIInit3(handle, dataPath, languages) != 0)
        {
            TesseractNative.TessBaseAPIDelete(handle);
            return null;
        }

        TesseractNative.TessBaseAPISetPageSegMode(handle, TesseractNative.PageSegAuto);
        // Quiet: Tesseract otherwise prints "Estimating resolution" and the like to stderr for every image.
        TesseractNative.TessBaseAPISetVariable(handle, "debug_file", "/dev/null");
        var monitor = TesseractNative.TessMonitorCreate();
        var flag = (int*)NativeMemory.AllocZeroed(sizeof(int));
        TesseractNative.TessMonitorSetCancelFunc(monitor, &IsCancelled);
        TesseractNative.TessMonitorSetCancelThis(monitor, (IntPtr)flag);
        return new TesseractEngine(handle, monitor, flag) { Languages = languages };
    }

    /// <summary>Reads the text of <paramref name="image"/>; null when Tesseract failed, ran past
    /// <paramref name="deadline"/>, or <paramref name="cancellationToken"/> fired.</summary>
    public string? Read(GrayImage image, TimeSpan deadline, CancellationToken cancellationToken) =>
        Read(image, deadline, cancellationToken, out _);

    /// <summary>As <see cref="Read(GrayImage, TimeSpan, CancellationToken)"/>, with Tesseract's mean word confidence
    /// (0–100): low when the model does not fit the script on the page.</summary>
    public string? Read(GrayImage image, TimeSpan deadline, CancellationToken cancellationToken, out int confidence)
    {
        confidence = 0;
        ObjectDisposedException.ThrowIf(_disposed, this);
        Volatile.Write(ref *_cancelFlag, 0);
        using var cancel = cancellationToken.Register(static state => Volatile.Write(ref *(int*)(IntPtr)state!, 1), (IntPtr)_cancelFlag);
        try
        {
            fixed (byte* pixels = image.Pixels)
            {
                TesseractNative.TessBaseAPISetImage(_handle, pixels, image.Width, image.Height, 1, image.Width);
                // Screenshots are about 400 ppi on the phone; telling Tesseract a plausible figure skips its guess.
                TesseractNative.TessBaseAPISetSourceResolution(_handle, 300);
                TesseractNative.TessMonitorSetDeadlineMSecs(_monitor, (int)Math.Clamp(deadline.TotalMilliseconds, 1, int.MaxValue));
                var failed = TesseractNative.TessBaseAPIRecognize(_handle, _monitor) != 0;
                if (failed || Volatile.Read(ref *_cancelFlag) != 0 || cancellationToken.IsCancellationRequested)
                {
                    return null;
                }

                confidence = TesseractNative.TessBaseAPIMeanTextConf(_handle);
                var text = TesseractNative.TessBaseAPIGetUTF8Text(_handle);
                if (text == IntPtr.Zero)
                {
                    return null;
                }

                try
                {
                    return Marshal.PtrToStringUTF8(text) ?? "";
                }
                finally
                {
                    TesseractNative.TessDeleteText(text);
                }
            }
        }
        finally
        {
            // Drops Tesseract's copy of the pixels and its results: nothing of the image stays in the engine.
            TesseractNative.TessBaseAPIClear(_handle);
        }
    }

    /// <summary>Sets a Tesseract variable (the benchmark tries alternatives).</summary>
    public bool SetVariable(string name, string value) => TesseractNative.TessBaseAPISetVariable(_handle, name, value) != 0;

    /// <summary>Sets the page segmentation mode.</summary>
    public void SetPageSegMode(int mode) => TesseractNative.TessBaseAPISetPageSegMode(_handle, mode);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        TesseractNative.TessBaseAPIEnd(_handle);
        TesseractNative.TessBaseAPIDelete(_handle);
        TesseractNative.TessMonitorDelete(_monitor);
        NativeMemory.Free(_cancelFlag);
    }

    // Tesseract calls this between words; a non-zero answer stops the run (the deadline is checked beside it).
    [UnmanagedCallersOnly]
    private static byte IsCancelled(IntPtr cancelThis, int words) =>
        Volatile.Read(ref *(int*)cancelThis) != 0 ? (byte)1 : (byte)0;
}
