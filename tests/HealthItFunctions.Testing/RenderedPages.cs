using SkiaSharp;

namespace HealthItFunctions.Testing;

/// <summary>
/// A .docx as LibreOffice lays it out: converted to PDF headless, each page rasterized by pdftoppm, and the pictures
/// on a page counted as the large, solid non-white regions (text breaks into glyph-sized specks at low resolution).
/// </summary>
public static class RenderedPages
{
    /// <summary>Why the tools are missing, for Assert.SkipWhen; null when both are on PATH.</summary>
    public static string? MissingTools =>
        ExternalTool.Find("soffice", "libreoffice") is null || ExternalTool.Find("pdftoppm") is null
            ? "LibreOffice (soffice) and pdftoppm are needed; install them with: apt-get install -y libreoffice-writer fonts-noto-cjk poppler-utils"
            : null;

    /// <summary>PNG files of the pages, in order, written into <paramref name="directory"/>.</summary>
    public static async Task<IReadOnlyList<string>> RenderAsync(string docx, string directory, int dpi)
    {
        var profile = Path.Combine(Path.GetTempPath(), $"lo-{Guid.NewGuid():N}");
        try
        {
            var (exit, output) = await ExternalTool.RunAsync(
                ExternalTool.Find("soffice", "libreoffice")!,
                [$"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir", directory, docx],
                TimeSpan.FromMinutes(3));
            var pdf = Path.Combine(directory, Path.GetFileNameWithoutExtension(docx) + ".pdf");
            if (exit != 0 || !File.Exists(pdf))
            {
                throw new InvalidOperationException($"soffice exited {exit} without a PDF:\n{output}");
            }

            var prefix = Path.Combine(directory, "page");
            var (rasterExit, rasterOutput) = await ExternalTool.RunAsync(
                ExternalTool.Find("pdftoppm")!, ["-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-png", pdf, prefix], TimeSpan.FromMinutes(2));
            if (rasterExit != 0)
            {
                throw new InvalidOperationException($"pdftoppm exited {rasterExit}:\n{rasterOutput}");
            }

            return Directory.GetFiles(directory, "page-*.png").Order(StringComparer.Ordinal).ToList();
        }
        finally
        {
            if (Directory.Exists(profile))
            {
                Directory.Delete(profile, recursive: true);
            }
        }
    }

    /// <summary>
    /// Regions of non-white pixels at least <paramref name="minSide"/> pixels wide and high whose rows span most of
    /// their bounding box: pictures. A picture may hold white (a screenshot's cards), so each row counts from its
    /// leftmost to its rightmost non-white pixel. Text never qualifies: at low resolution its glyphs are specks and a
    /// line of them is far lower than <paramref name="minSide"/>.
    /// </summary>
    public static int CountPictureRegions(string png, int minSide, double minFill = 0.85)
    {
        using var bitmap = SKBitmap.Decode(png) ?? throw new InvalidDataException($"{png} is not a PNG");
        int width = bitmap.Width, height = bitmap.Height;
        var ink = new bool[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                ink[y * width + x] = Math.Min(c.Red, Math.Min(c.Green, c.Blue)) < 250;
            }
        }

        var seen = new bool[ink.Length];
        var rowMin = new int[height];
        var rowMax = new int[height];
        var stack = new Stack<int>();
        var regions = 0;
        for (var start = 0; start < ink.Length; start++)
        {
            if (!ink[start] || seen[start])
            {
                continue;
            }

            int left = width, right = 0, top = height, bottom = 0;
            Array.Fill(rowMin, int.MaxValue);
            Array.Fill(rowMax, -1);
            seen[start] = true;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var at = stack.Pop();
                int x = at % width, y = at / width;
                (left, right, top, bottom) = (Math.Min(left, x), Math.Max(right, x), Math.Min(top, y), Math.Max(bottom, y));
                (rowMin[y], rowMax[y]) = (Math.Min(rowMin[y], x), Math.Max(rowMax[y], x));
                foreach (var next in (ReadOnlySpan<int>)[x > 0 ? at - 1 : -1, x < width - 1 ? at + 1 : -1, y > 0 ? at - width : -1, y < height - 1 ? at + width : -1])
                {
                    if (next >= 0 && ink[next] && !seen[next])
                    {
                        seen[next] = true;
                        stack.Push(next);
                    }
                }
            }

            int w = right - left + 1, h = bottom - top + 1;
            if (w < minSide || h < minSide)
            {
                continue;
            }

            long covered = 0;
            for (var y = top; y <= bottom; y++)
            {
                covered += rowMax[y] >= rowMin[y] ? rowMax[y] - rowMin[y] + 1 : 0;
            }

            if (covered >= minFill * w * h)
            {
                regions++;
            }
        }

        return regions;
    }
}
