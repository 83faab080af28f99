using System.Runtime.InteropServices;

namespace SupportBot.Screenshots.Ocr;

/// <summary>libgomp, which Debian's libtesseract is built with: without a limit each OCR run would spread over every
/// core and starve the conversation turns. The limit is per calling thread, so it is set before each run.</summary>
internal static partial class OpenMpNative
{
    [LibraryImport("libgomp.so.1")]
    private static partial void omp_set_num_threads(int threads);

    /// <summary>Limits OpenMP on this thread to <paramref name="threads"/>; false when libgomp is absent (a
    /// Tesseract built without OpenMP, which is single-threaded anyway).</summary>
    public static bool TryLimitThreads(int threads)
    {
        try
        {
            omp_set_num_threads(threads);
            return true;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }
}
