// The latent explorer page in a real headless Chromium (Debian's chromium + chromium-driver, driven by Selenium):
// the grid image decodes, tiles pick exemplars, the slider walks, the strip and the arithmetic result change.
// If the browser cannot start, the test fails with the reason: it never passes without having run.
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Dcgan.Hosting.Tests.Web;

public sealed class ExplorerPageTests
{
    private const string Chromium = "/usr/bin/chromium";
    private const string DriverFolder = "/usr/bin";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60); // a deadline against hanging, not a speed claim

    [Fact]
    public void The_page_shows_the_grid_picks_exemplars_walks_with_the_slider_and_does_arithmetic()
    {
        using var factory = new ExplorerFactory(TestCheckpoints.Trained);
        factory.UseKestrel(0);
        factory.StartServer();
        using ChromeDriver browser = StartBrowser();
        browser.Navigate().GoToUrl(factory.ListeningAddress);

        // The indexed grid: an 8x8 PNG that decoded, with one tile button per image.
        WaitForLoads(browser, "grid", 1);
        Script<long>(browser, "return document.getElementById('grid').naturalWidth").Should().Be(8 * 30 + 2);
        browser.FindElements(By.CssSelector(".tile")).Should().HaveCount(64);
        WaitForLoads(browser, "walk", 1); // the page starts with a walk from tile 0 to tile 1

        // Pick the walk's endpoints by clicking tiles: the strip is redrawn for them.
        long stripLoads = Loads(browser, "strip");
        browser.FindElement(By.Id("slot-from")).Click();
        Tile(browser, 3).Click();
        browser.FindElement(By.Id("slot-to")).Click();
        Tile(browser, 12).Click();
        WaitForLoads(browser, "strip", stripLoads + 2);
        browser.FindElement(By.Id("from-pick")).Text.Should().Be("3");
        browser.FindElement(By.Id("to-pick")).Text.Should().Be("12");
        Tile(browser, 3).GetAttribute("class").Should().Contain("from");
        Script<long>(browser, "return document.getElementById('strip').naturalWidth").Should().Be(9 * 30 + 2);

        // Move the slider with the keyboard: the frame along the walk changes.
        WaitForLoads(browser, "walk", 3);
        string before = PixelsOf(browser, "walk");
        long walkLoads = Loads(browser, "walk");
        IWebElement slider = browser.FindElement(By.Id("slider"));
        slider.SendKeys(Keys.End);
        WaitForLoads(browser, "walk", walkLoads + 1);
        browser.FindElement(By.Id("t-label")).Text.Should().Be("t = 1.00");
        PixelsOf(browser, "walk").Should().NotBe(before, "t = 1 shows tile 12, t = 0 tile 3");

        // Switch to slerp: the strip changes.
        string lerpStrip = PixelsOf(browser, "strip");
        stripLoads = Loads(browser, "strip");
        browser.FindElement(By.CssSelector("#mode option[value=slerp]")).Click();
        WaitForLoads(browser, "strip", stripLoads + 1);
        PixelsOf(browser, "strip").Should().NotBe(lerpStrip);

        // A - B + C with three exemplars each.
        foreach ((string slot, int[] tiles) in new[] { ("a", new[] { 5, 6, 7 }), ("b", new[] { 20, 21, 22 }), ("c", new[] { 40, 41, 42 }) })
        {
            browser.FindElement(By.Id("slot-" + slot)).Click();
            foreach (int tile in tiles)
            {
                Tile(browser, tile).Click();
            }
        }

        WaitForLoads(browser, "arith", 1);
        browser.FindElement(By.Id("c-pick")).Text.Should().Be("40,41,42");
        WaitUntil(browser, "the arithmetic for A, B and C with 3 exemplars each", () =>
            Script<long>(browser, "return document.getElementById('arith').naturalWidth") == (4 + 4) * 30 + 2);
        browser.FindElement(By.Id("error")).Text.Should().BeEmpty();
    }

    private static ChromeDriver StartBrowser()
    {
        if (!File.Exists(Chromium) || !File.Exists(Path.Combine(DriverFolder, "chromedriver")))
        {
            throw new InvalidOperationException(
                $"The browser test needs Debian's chromium and chromium-driver ({Chromium}, {DriverFolder}/chromedriver): apt-get install chromium chromium-driver (.ci/run does).");
        }

        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,1400");
        ChromeDriverService service = ChromeDriverService.CreateDefaultService(DriverFolder, "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    private static IWebElement Tile(ChromeDriver browser, int index) => browser.FindElement(By.CssSelector($".tile[data-index='{index}']"));

    private static long Loads(ChromeDriver browser, string id) => long.Parse(browser.FindElement(By.Id(id)).GetAttribute("data-loads")!);

    private static void WaitForLoads(ChromeDriver browser, string id, long atLeast) =>
        WaitUntil(browser, $"#{id} to have loaded {atLeast} image(s)", () =>
            Loads(browser, id) >= atLeast && Script<long>(browser, $"return document.getElementById('{id}').naturalWidth") > 0);

    private static void WaitUntil(ChromeDriver browser, string what, Func<bool> condition)
    {
        DateTime deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {Patience.TotalSeconds} s for {what}; the page says: '{browser.FindElement(By.Id("error")).Text}'.");
            }

            Thread.Sleep(50);
        }
    }

    /// <summary>The image's decoded pixels as a PNG data URL (drawn on a canvas): equal URLs mean equal pictures.</summary>
    private static string PixelsOf(ChromeDriver browser, string id) => Script<string>(browser,
        $"const i = document.getElementById('{id}'); const c = document.createElement('canvas'); c.width = i.naturalWidth; c.height = i.naturalHeight; " +
        "c.getContext('2d').drawImage(i, 0, 0); return c.toDataURL();");

    private static T Script<T>(ChromeDriver browser, string script) => (T)browser.ExecuteScript(script)!;
}
