using System.Text;

namespace SupportBot.Testing.Images;

/// <summary>Greps a data folder (every file under it: databases with their WAL, screenshots, logs) for bytes, to prove
/// a refused screenshot left nothing behind: neither the secret's text nor any slice of the image.</summary>
public static class DataFolderSearch
{
    /// <summary>Whether any file under <paramref name="folder"/> contains <paramref name="needle"/>.</summary>
    public static bool Holds(string folder, ReadOnlySpan<byte> needle)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            byte[] content;
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var copy = new MemoryStream())
            {
                stream.CopyTo(copy);
                content = copy.ToArray();
            }

            if (content.AsSpan().IndexOf(needle) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Fails unless the folder holds neither <paramref name="secret"/> (UTF-8) nor any of four 64-byte slices
    /// of <paramref name="image"/>.</summary>
    public static void AssertNoTrace(string folder, string secret, byte[] image)
    {
        if (Holds(folder, Encoding.UTF8.GetBytes(secret)))
        {
            throw new Xunit.Sdk.XunitException("The secret's text is in the data folder " + folder);
        }

        foreach (var at in (int[])[0, image.Length / 3, image.Length / 2, image.Length - 64])
        {
            if (Holds(folder, image.AsSpan(at, 64)))
            {
                throw new Xunit.Sdk.XunitException($"Bytes of the image (offset {at}) are in the data folder " + folder);
            }
        }
    }
}
