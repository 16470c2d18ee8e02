using HealthItFunctions.Core.Articles;
using Microsoft.Playwright;

namespace HealthItFunctions.Cli.Tests.Review;

/// <summary>
/// The review page in Debian's Chromium, driven by Playwright against the real host: an editor's month of work,
/// checked in the preview and in storage, with screenshots at desktop and phone width.
/// </summary>
[Collection(ReviewHostCollection.Name)]
public sealed class ReviewPageBrowserTests(ReviewHostFixture host)
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Hostile = "<img src=x onerror=alert(1)>北京<b>互联网医院</b>";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReviewPage_ExcludeReorderEditSummaryPreview_PreviewAndStoreChange()
    {
        Assert.SkipUnless(File.Exists(Chromium), $"{Chromium} is missing; install it with: apt-get install -y chromium fonts-noto-cjk");
        var month = ReviewHostFixture.NewMonth();
        var dropped = await host.SeedAsync(month, "甲：北京智慧医院建设推进会", day: 1);
        var second = await host.SeedAsync(month, "乙：北京市互联网诊疗监管平台上线", day: 2);
        var third = await host.SeedAsync(month, "丙：北京健康码完成升级", day: 3);
        await host.SeedAsync(month, Hostile, day: 4);
        await host.SeedAsync(month, "丁：外省新闻", Core.Relevance.RelevanceBand.Exclude, score: 0.05);
        const string summary = "编辑改写的摘要：互联网诊疗全程留痕。";

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        // 1. Open the month (token in the fragment, as `healthit review` prints it).
        await page.GotoAsync(new Uri(host.Address, $"/api/review#month={month}&token={ReviewHostFixture.Token}").AbsoluteUri);
        var list = page.Locator("#candidates > li");
        await Assertions.Expect(list).ToHaveCountAsync(5);
        Assert.DoesNotContain("token", page.Url, StringComparison.Ordinal);

        // The hostile title is text: the characters show, no element is made of them.
        var hostileCard = Card(page, (await host.Articles.ListMonthAsync(month, Ct)).Single(a => a.Title == Hostile).Id);
        Assert.Equal(Hostile, await hostileCard.Locator("h3").InnerTextAsync());
        Assert.Equal(0, await page.Locator("#candidates img, #candidates h3 b").CountAsync());
        Assert.True(await hostileCard.Locator("h3 mark").CountAsync() >= 1, "the matched term 互联网医院 is highlighted");

        // 2. Exclude an item, by keyboard.
        await Card(page, dropped.Id).Locator("button.toggle").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Excluded");
        await Assertions.Expect(Card(page, dropped.Id).Locator("button.toggle")).ToHaveAttributeAsync("aria-pressed", "false");

        // 3. Reorder two: 丙 above 乙.
        await Card(page, third.Id).GetByRole(AriaRole.Button, new() { NameRegex = new("^上移") }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Moved up");

        // 4. Edit a summary inline.
        var secondCard = Card(page, second.Id);
        // The card has two disclosures: the summary's and the header fields' (媒体 · 日期 · 来源).
        await secondCard.Locator("details > summary", new() { HasTextRegex = new("^摘要") }).ClickAsync();
        await secondCard.GetByLabel("摘要 Summary of", new() { Exact = false }).FillAsync(summary);
        await secondCard.GetByRole(AriaRole.Button, new() { Name = "保存摘要 Save summary" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Summary saved");

        // 5. Preview.
        await page.GetByRole(AriaRole.Button, new() { Name = "刷新 Refresh" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Preview refreshed");
        var preview = await page.FrameLocator("#preview-frame").Locator("body").InnerTextAsync();

        // 6. The preview and the stored state both changed.
        Assert.Contains(summary, preview, StringComparison.Ordinal);
        Assert.DoesNotContain("智慧医院建设推进会", preview, StringComparison.Ordinal);
        Assert.True(preview.IndexOf("健康码完成升级", StringComparison.Ordinal) < preview.IndexOf("互联网诊疗监管平台上线", StringComparison.Ordinal), preview);
        Assert.Contains(Hostile, preview, StringComparison.Ordinal);
        var stored = (await host.Articles.ListMonthAsync(month, Ct)).ToDictionary(a => a.Id);
        Assert.Equal(EditorDecision.Exclude, stored[dropped.Id].Decision);
        Assert.Equal((1, 2), (stored[third.Id].Order, stored[second.Id].Order));
        Assert.Equal(summary, stored[second.Id].EditedSummary);
        Assert.Equal(0, dialogs);

        // 7. Screenshots: desktop, then phone width with nothing wider than the screen.
        var output = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        var desktop = Path.Combine(output.FullName, "review-desktop.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = desktop, FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(page.Locator("#status")).ToBeVisibleAsync();
        Assert.Contains(summary, await page.FrameLocator("#preview-frame").Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        // A full-page capture leaves the preview frame below the first screen unpainted, so grow the viewport to the
        // whole page instead (twice: the preview's height follows the viewport's up to its maximum).
        for (var pass = 0; pass < 2; pass++)
        {
            await page.SetViewportSizeAsync(390, await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight"));
        }

        var phone = Path.Combine(output.FullName, "review-phone.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = phone });
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than a 390px phone");
        CopyForTheLead(desktop, phone);
    }

    [Fact]
    public async Task ReviewPage_ApproveFromTheDialog_ShowsReadersMailsOnceAndAsksBeforeResending()
    {
        Assert.SkipUnless(File.Exists(Chromium), $"{Chromium} is missing; install it with: apt-get install -y chromium fonts-noto-cjk");
        var month = ReviewHostFixture.NewMonth();
        const string title = "北京市电子健康档案向居民开放";
        await host.SeedAsync(month, title);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync(new Uri(host.Address, $"/api/review#month={month}&token={ReviewHostFixture.Token}").AbsoluteUri);
        await Assertions.Expect(page.Locator("#candidates > li")).ToHaveCountAsync(1);
        int Mailed() => host.Mail.Received.Count(m => (m.TextBody ?? "").Contains(title, StringComparison.Ordinal));

        await page.GetByRole(AriaRole.Button, new() { Name = "批准… Approve…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("reader@healthit.local");
        await Assertions.Expect(dialog).ToContainTextAsync("草稿 draft");
        await Assertions.Expect(dialog.Locator("#publish-items")).ToContainTextAsync(title);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "批准并发送 Approve & send" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("mail Sent");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("sent version 1 by " + ReviewHostFixture.EditorName);
        Assert.Equal(1, Mailed());

        await page.GetByRole(AriaRole.Button, new() { Name = "批准… Approve…" }).ClickAsync();
        await Assertions.Expect(dialog.Locator("#publish-warning")).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "批准并发送 Approve & send" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Not sent");
        Assert.Equal(1, Mailed());
    }

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        // Debian's chromium, never a downloaded one.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    private static ILocator Card(IPage page, string id) => page.Locator($"#candidates > li[data-id='{id}']");

    // The closing note shows both widths; the lead collects them from this shared folder when it exists.
    private static void CopyForTheLead(params string[] files)
    {
        var artifacts = new DirectoryInfo("/work/wt/artifacts");
        if (!artifacts.Parent!.Exists)
        {
            return;
        }

        artifacts.Create();
        foreach (var file in files)
        {
            File.Copy(file, Path.Combine(artifacts.FullName, Path.GetFileName(file)), overwrite: true);
        }
    }
}
