#:package SkiaSharp
#:package SkiaSharp.NativeAssets.Linux.NoDependencies
// Draws the replay's pictures (ours, no third-party image): the portrait on hit180 52842 and the 北京通 screenshots and
// diagrams on the qq 出生医学证明 page. Run from this folder: dotnet run make-images.cs
// Formats are mixed on purpose: JPEG wider than the page (scaled at ingest), PNG, and WebP (transcoded for Word).
using SkiaSharp;

var sites = Path.GetFullPath(Path.Combine(Directory.GetCurrentDirectory(), "..", "sites"));
var qq = Path.Combine(sites, "inews.gtimg.com", "newsapp_bt", "0", "20210901A03Q6K00");
var hit = Path.Combine(sites, "www.hit180.com", "wp-content", "uploads", "2021", "08", "52842");
Directory.CreateDirectory(qq);
Directory.CreateDirectory(hit);

Save(Portrait(1200, 1500), Path.Combine(hit, "01.jpg"), SKEncodedImageFormat.Jpeg);
Save(Diagram(900, 520, new SKColor(0x1d, 0x4e, 0xd8), 4), Path.Combine(qq, "01.jpg"), SKEncodedImageFormat.Jpeg);
for (var step = 1; step <= 8; step++)
{
    var webp = step % 2 == 0;
    Save(Screenshot(540, 1170, step), Path.Combine(qq, $"s{step}.{(webp ? "webp" : "png")}"), webp ? SKEncodedImageFormat.Webp : SKEncodedImageFormat.Png);
}

Save(Screenshot(540, 1170, 9), Path.Combine(qq, "08.png"), SKEncodedImageFormat.Png);
Save(Screenshot(540, 1170, 10), Path.Combine(qq, "09.webp"), SKEncodedImageFormat.Webp);
Save(Screenshot(540, 1170, 11), Path.Combine(qq, "10.png"), SKEncodedImageFormat.Png);

static void Save(SKBitmap bitmap, string path, SKEncodedImageFormat format)
{
    using (bitmap)
    using (var data = bitmap.Encode(format, 80))
    {
        File.WriteAllBytes(path, data.ToArray());
        Console.WriteLine($"{path}: {bitmap.Width}x{bitmap.Height}, {data.Size} bytes");
    }
}

static SKBitmap Portrait(int w, int h)
{
    var bitmap = new SKBitmap(w, h);
    using var canvas = new SKCanvas(bitmap);
    using var background = new SKPaint { Shader = SKShader.CreateLinearGradient(new(0, 0), new(0, h), [new SKColor(0x9c, 0xb8, 0xd8), new SKColor(0xe8, 0xee, 0xf5)], SKShaderTileMode.Clamp) };
    canvas.DrawRect(0, 0, w, h, background);
    using var suit = new SKPaint { Color = new SKColor(0x1f, 0x29, 0x37), IsAntialias = true };
    canvas.DrawOval(new SKRect(w * 0.12f, h * 0.62f, w * 0.88f, h * 1.25f), suit);
    using var shirt = new SKPaint { Color = SKColors.White, IsAntialias = true };
    canvas.DrawVertices(SKVertexMode.Triangles, [new(w * 0.42f, h * 0.62f), new(w * 0.5f, h * 0.8f), new(w * 0.58f, h * 0.62f)], null, null, shirt);
    using var skin = new SKPaint { Color = new SKColor(0xe9, 0xc0, 0x9c), IsAntialias = true };
    canvas.DrawRect(w * 0.44f, h * 0.5f, w * 0.12f, h * 0.14f, skin);
    canvas.DrawOval(new SKRect(w * 0.33f, h * 0.2f, w * 0.67f, h * 0.56f), skin);
    using var hair = new SKPaint { Color = new SKColor(0x22, 0x22, 0x22), IsAntialias = true };
    canvas.DrawArc(new SKRect(w * 0.32f, h * 0.18f, w * 0.68f, h * 0.42f), 180, 180, true, hair);
    using var glasses = new SKPaint { Color = new SKColor(0x33, 0x33, 0x33), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 8 };
    canvas.DrawCircle(w * 0.43f, h * 0.37f, w * 0.05f, glasses);
    canvas.DrawCircle(w * 0.57f, h * 0.37f, w * 0.05f, glasses);
    canvas.DrawLine(w * 0.48f, h * 0.37f, w * 0.52f, h * 0.37f, glasses);
    return bitmap;
}

static SKBitmap Diagram(int w, int h, SKColor accent, int boxes)
{
    var bitmap = new SKBitmap(w, h);
    using var canvas = new SKCanvas(bitmap);
    canvas.Clear(new SKColor(0xf8, 0xfa, 0xfc));
    using var box = new SKPaint { Color = accent, IsAntialias = true };
    using var line = new SKPaint { Color = new SKColor(0x64, 0x74, 0x8b), StrokeWidth = 6, IsAntialias = true };
    using var font = new SKFont(SKTypeface.Default, 48);
    using var white = new SKPaint { Color = SKColors.White, IsAntialias = true };
    var width = (w - 60f) / boxes;
    for (var i = 0; i < boxes; i++)
    {
        var left = 30 + i * width;
        canvas.DrawRoundRect(new SKRect(left + 12, h * 0.3f, left + width - 12, h * 0.7f), 18, 18, box);
        canvas.DrawText((i + 1).ToString(), left + width / 2, h * 0.55f, SKTextAlign.Center, font, white);
        if (i > 0)
        {
            canvas.DrawLine(left - 12, h * 0.5f, left + 12, h * 0.5f, line);
        }
    }

    return bitmap;
}

static SKBitmap Screenshot(int w, int h, int step)
{
    var bitmap = new SKBitmap(w, h);
    using var canvas = new SKCanvas(bitmap);
    canvas.Clear(new SKColor(0xf3, 0xf4, 0xf6));
    using var bar = new SKPaint { Color = new SKColor(0x25, 0x63, 0xeb) };
    canvas.DrawRect(0, 0, w, 150, bar);
    using var white = new SKPaint { Color = SKColors.White, IsAntialias = true };
    using var card = new SKPaint { Color = SKColors.White, IsAntialias = true };
    using var grey = new SKPaint { Color = new SKColor(0xd1, 0xd5, 0xdb), IsAntialias = true };
    using var accent = new SKPaint { Color = new SKColor(0xf5, 0x9e, 0x0b), IsAntialias = true };
    using var ring = new SKPaint { Color = new SKColor(0xdc, 0x26, 0x26), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 8 };
    using var title = new SKFont(SKTypeface.Default, 44);
    using var big = new SKFont(SKTypeface.Default, 120);
    canvas.DrawText($"STEP {step}", w / 2f, 100, SKTextAlign.Center, title, white);
    for (var row = 0; row < 6; row++)
    {
        var top = 190 + row * 140;
        canvas.DrawRoundRect(new SKRect(30, top, w - 30, top + 115), 16, 16, card);
        canvas.DrawRoundRect(new SKRect(60, top + 30, 60 + 55, top + 85), 10, 10, row == step % 6 ? accent : grey);
        canvas.DrawRoundRect(new SKRect(140, top + 38, w - 90 - row * 20, top + 58), 8, 8, grey);
        canvas.DrawRoundRect(new SKRect(140, top + 70, w - 190, top + 84), 7, 7, grey);
    }

    // The step's control, circled the way the article's screenshots point at it.
    var highlight = 190 + (step % 6) * 140;
    canvas.DrawRoundRect(new SKRect(22, highlight - 8, w - 22, highlight + 123), 22, 22, ring);
    using var number = new SKPaint { Color = new SKColor(0x25, 0x63, 0xeb, 0x30), IsAntialias = true };
    canvas.DrawText(step.ToString(), w / 2f, h - 120, SKTextAlign.Center, big, number);
    return bitmap;
}
