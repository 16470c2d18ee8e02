using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace HealthItFunctions.Core.Bulletins.Rendering;

/// <summary>
/// Inline pictures for the Word bulletin: each one an image part, centred in its own paragraph at its size at 96 dpi,
/// shrunk to the text column and to <see cref="MaxHeightEmu"/> so that a phone screenshot does not fill a page; its
/// caption follows in the Caption style, kept on the same page.
/// </summary>
internal sealed class DocxPictures(MainDocumentPart main)
{
    private const long EmuPerPixel = 9525;
    private const long EmuPerTwip = 635;

    /// <summary>10 cm: eight screenshots in a row stay readable at two or three a page.</summary>
    private const long MaxHeightEmu = 3_600_000;

    private readonly long _maxWidthEmu = DocxBulletinRenderer.TextWidthTwips * EmuPerTwip;
    private uint _nextId = 1;

    public IEnumerable<Paragraph> Render(BulletinPicture picture)
    {
        var part = main.AddImagePart(picture.ContentType == "image/png" ? ImagePartType.Png : ImagePartType.Jpeg);
        using (var stream = new MemoryStream(picture.Content, writable: false))
        {
            part.FeedData(stream);
        }

        var (cx, cy) = Size(picture.Width, picture.Height);
        var caption = BulletinWording.PictureCaption(picture);
        var id = _nextId++;
        yield return new Paragraph(
            new ParagraphProperties(
                new KeepNext(),
                new SpacingBetweenLines { Before = "120", After = caption.Length > 0 ? "0" : "120", Line = "240", LineRule = LineSpacingRuleValues.Auto },
                new Justification { Val = JustificationValues.Center }),
            new Run(new Drawing(Inline(main.GetIdOfPart(part), id, picture.FileName, caption, cx, cy))));
        if (caption.Length > 0)
        {
            yield return new Paragraph(
                new ParagraphProperties(new ParagraphStyleId { Val = DocxParts.CaptionStyle }),
                new Run(new WordText(caption) { Space = SpaceProcessingModeValues.Preserve }));
        }
    }

    private (long Cx, long Cy) Size(int width, int height)
    {
        double cx = Math.Max(width, 1) * EmuPerPixel, cy = Math.Max(height, 1) * EmuPerPixel;
        var scale = Math.Min(1, Math.Min(_maxWidthEmu / cx, MaxHeightEmu / cy));
        return ((long)(cx * scale), (long)(cy * scale));
    }

    private static DW.Inline Inline(string relationshipId, uint id, string name, string description, long cx, long cy) =>
        new(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = $"Picture {id}", Description = description },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(
                        new PIC.NonVisualDrawingProperties { Id = 0U, Name = name },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            {
                Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture",
            }))
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        };
}
