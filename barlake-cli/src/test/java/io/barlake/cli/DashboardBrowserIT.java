package io.barlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in headless Chromium (Debian's chromium and chromium-driver; {@code ./mvnw verify
 * -Pbrowser}): the real jar fills a lake with {@code barlake run}, serves it with
 * {@code barlake serve}, and the browser reads the market panel, searches a symbol, sees its chart
 * drawn (hovers it, zooms it), reads the symbol's signal, runs a backtest and sees the equity
 * curve and the trades marked on the chart; a portfolio tear sheet and a single-symbol report (the
 * XLQ case: buy-and-hold line and excess return) open with every section and chart. Screenshots go
 * to {@code target/dashboard-screenshots/}.
 */
class DashboardBrowserIT {
    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots").toAbsolutePath();
    /** The lake's latest session is then the latest closed one: the status says fresh. */
    private static final String NOW = "2025-06-03T22:00:00Z";
    private static final String ZOOM_START =
            "return echarts.getInstanceByDom(document.getElementById('chart')).getOption().dataZoom[0].start";

    @TempDir
    Path folder;

    private Process server;
    private WebDriver browser;

    private ProcessBuilder barlake(String... args) {
        return barlakeOn(folder.resolve("lake"), args);
    }

    private ProcessBuilder barlakeOn(Path lake, String... args) {
        ProcessBuilder builder = new ProcessBuilder(PackagedJar.barlake(args)).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().put("BARLAKE_LAKE", lake.toString());
        builder.environment().put("BARLAKE_SYNTHETIC_SYMBOLS", "60");
        builder.environment().put("BARLAKE_NOW", NOW);
        builder.environment().remove("POLYGON_API_KEY");
        builder.environment().remove("MASSIVE_API_KEY");
        builder.environment().remove("BARLAKE_API_KEYS");
        return builder;
    }

    @BeforeEach
    void fillAndServe() throws Exception {
        Process run = barlake("run", "--history", "300").redirectOutput(folder.resolve("run.log").toFile()).start();
        assertThat(run.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(Files.readString(folder.resolve("run.log"))).isZero();
        server = barlake("serve", "--port", "0").start();

        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        // Headless as root on a closed network: no sandbox, no GPU, none of Chromium's own traffic.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1600", "--user-data-dir=" + folder.resolve("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aQuantSearchesASymbolSeesItsChartAndBacktestsIt() throws Exception {
        try {
            searchChartAndBacktest();
        } catch (RuntimeException | AssertionError e) {
            save("failure.png");
            throw new AssertionError("The page said: '" + browser.findElement(By.id("error")).getText() + "'; see "
                    + SCREENSHOTS.resolve("failure.png"), e);
        }
    }

    @Test
    void aPortfolioTearSheetShowsEverySectionWithItsChartsInTheBrowser() throws Exception {
        Path report = folder.resolve("tear-sheet.html");
        Process backtest = barlake("backtest", "--universe", "all", "--strategy", "rsi-momentum", "--max-positions", "5",
                "--costs", "share:0.005,min:1,slippage-bps:5,borrow:300", "--direction", "long-short", "--report", report.toString())
                .redirectOutput(folder.resolve("backtest.log").toFile()).start();
        assertThat(backtest.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(backtest.exitValue()).as(Files.readString(folder.resolve("backtest.log"))).isZero();

        browser.get(report.toUri().toString());
        for (String section : List.of("data-warning", "settings", "metrics", "equity", "drawdown", "monthly", "yearly", "rolling",
                "distribution", "worst-drawdowns", "trades")) {
            assertThat(browser.findElement(By.id(section)).isDisplayed()).as(section).isTrue();
        }
        JavascriptExecutor script = (JavascriptExecutor) browser;
        assertThat(((Number) script.executeScript("return document.images.length")).intValue()).isEqualTo(6);
        assertThat(script.executeScript("return Array.from(document.images).every(i => i.complete && i.naturalWidth > 900)"))
                .as("every chart decoded").isEqualTo(true);
        assertThat(browser.findElement(By.id("metrics")).getText()).contains("Benchmark (equal-weight universe)", "Excess return",
                "Alpha", "Beta");
        assertThat(browser.findElements(By.cssSelector("#monthly td[style]"))).as("monthly heatmap cells").isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#trades tr"))).hasSizeGreaterThan(2);
        assertThat(browser.findElement(By.id("trades")).getText()).contains(" long ", " short ");
        assertThat(browser.findElement(By.id("settings")).getText()).contains("borrow 300 bps a year", "long and short",
                "dividends reinvested");
        save("tear-sheet.png");
    }

    /**
     * The complaint: a golden cross on XLQ "made 23.5 %" while XLQ itself rose 121.6 %, and
     * the report never said so. XLQ here is a made-up rising series with two deep corrections that
     * rises exactly 121.6 % over five years; the report must show the buy-and-hold line beside the
     * strategy's and state the excess, as the CLI's JSON computes it.
     */
    @Test
    void theXlqCaseShowsTheBuyAndHoldLineAndTheExcessReturnInTheBrowser() throws Exception {
        Path lake = folder.resolve("xlq-lake");
        writeXlq(lake);
        Process json = barlakeOn(lake, "backtest", "--symbol", "XLQ", "--strategy", "golden-cross", "--json")
                .redirectErrorStream(false).redirectOutput(folder.resolve("xlq.json").toFile()).start();
        assertThat(json.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(json.exitValue()).isZero();
        com.fasterxml.jackson.databind.JsonNode document = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(folder.resolve("xlq.json").toFile());
        double hold = document.get("buy_and_hold_return").asDouble();
        double total = document.get("metrics").get("total_return").asDouble();
        assertThat(hold).isCloseTo(1.216, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(document.get("excess_return").asDouble()).isCloseTo(total - hold, org.assertj.core.api.Assertions.within(1e-12))
                .isLessThan(-0.5);

        Path report = folder.resolve("xlq.html");
        Process html = barlakeOn(lake, "backtest", "--symbol", "XLQ", "--strategy", "golden-cross", "--report", report.toString())
                .redirectOutput(folder.resolve("xlq.log").toFile()).start();
        assertThat(html.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(html.exitValue()).as(Files.readString(folder.resolve("xlq.log"))).isZero();
        browser.get(report.toUri().toString());
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).contains("Total return " + String.format(java.util.Locale.ROOT, "%.2f%%", total * 100),
                "Buy and hold XLQ 121.60%", "Excess over buy and hold " + String.format(java.util.Locale.ROOT, "%.2f%%", (total - hold) * 100),
                "Equity against buy and hold");
        // Both lines are drawn: pixels of the strategy's blue and of the buy-and-hold grey in the decoded chart.
        JavascriptExecutor script = (JavascriptExecutor) browser;
        String count = "const img = Array.from(document.images).find(i => i.alt === 'Equity curve against buy and hold');"
                + "const c = document.createElement('canvas'); c.width = img.naturalWidth; c.height = img.naturalHeight;"
                + "const g = c.getContext('2d'); g.drawImage(img, 0, 0);"
                + "const d = g.getImageData(0, 0, c.width, c.height).data; let n = 0;"
                + "for (let i = 0; i < d.length; i += 4) { if (d[i] === arguments[0] && d[i + 1] === arguments[1] && d[i + 2] === arguments[2]) n++; }"
                + "return n;";
        long grey = ((Number) script.executeScript(count, 0x8c, 0x95, 0x9f)).longValue();
        long blue = ((Number) script.executeScript(count, 0x09, 0x69, 0xda)).longValue();
        assertThat(grey).as("buy-and-hold pixels").isGreaterThan(500);
        assertThat(blue).as("strategy pixels").isGreaterThan(500);
        save("xlq.png");
    }

    /** Five years of XLQ: a rising path with two V-shaped 20 % corrections, scaled to end 121.6 % above its first close. */
    private static void writeXlq(Path lake) {
        io.barlake.lake.calendar.TradingCalendar calendar = io.barlake.lake.calendar.TradingCalendar.nyse();
        List<java.time.LocalDate> days = calendar.sessionsBetween(java.time.LocalDate.of(2020, 6, 1), java.time.LocalDate.of(2025, 5, 30));
        int n = days.size();
        double[] log = new double[n];
        for (int t = 0; t < n; t++) {
            double dip = 0;
            for (int start : new int[] {n / 3, 5 * n / 7}) {
                if (t >= start && t < start + 60) {
                    dip -= 0.2 * (t - start) / 60.0;
                } else if (t >= start + 60 && t < start + 120) {
                    dip -= 0.2 * (1 - (t - start - 60) / 60.0);
                }
            }
            log[t] = (double) t / n * Math.log(2.6) + dip + 0.015 * Math.sin(t / 7.0);
        }
        double scale = Math.log(2.216) / (log[n - 1] - log[0]);
        List<io.barlake.lake.model.DailyBar> bars = new java.util.ArrayList<>();
        java.util.Map<java.time.LocalDate, io.barlake.lake.state.DailyCheckpoint.Session> sessions = new java.util.TreeMap<>();
        double previous = 50;
        for (int t = 0; t < n; t++) {
            double close = 50 * Math.exp((log[t] - log[0]) * scale);
            double open = previous;
            bars.add(new io.barlake.lake.model.DailyBar("XLQ", days.get(t), open, Math.max(open, close) * 1.004,
                    Math.min(open, close) * 0.996, close, 2_000_000, null, null, "synthetic", java.time.Instant.parse("2025-06-01T00:00:00Z")));
            sessions.put(days.get(t), new io.barlake.lake.state.DailyCheckpoint.Session("x", 1, 1, 1, 1, 0, "polygon"));
            previous = close;
        }
        try (io.barlake.lake.store.LocalObjectStore store = new io.barlake.lake.store.LocalObjectStore(lake)) {
            for (int year = 2020; year <= 2025; year++) {
                int y = year;
                io.barlake.lake.parquet.ParquetCodec.DAILY.write(store, io.barlake.lake.layout.LakeLayout.silverDaily(year),
                        bars.stream().filter(b -> b.date().getYear() == y).toList());
            }
            new io.barlake.lake.state.StateStore(store, CliRun.CLOCK).saveCheckpoint(io.barlake.lake.state.DailyCheckpoint.NAME,
                    new io.barlake.lake.state.DailyCheckpoint(sessions, java.util.Map.of()));
        }
    }

    private void searchChartAndBacktest() throws Exception {
        String first = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(first).matches("Serving .* on http://127\\.0\\.0\\.1:\\d+/");
        browser.get(first.substring(first.indexOf("http://")));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        wait.until(page -> page.findElement(By.id("freshness")).getText().startsWith("fresh"));
        assertThat(browser.findElement(By.id("status")).getText()).contains("daily bars are fresh", "bronze-bars", "SUCCEEDED");
        WebElement banner = browser.findElement(By.id("synthetic-banner"));
        assertThat(banner.isDisplayed()).as("the synthetic market's banner").isTrue();
        assertThat(banner.getText()).startsWith("Synthetic data: this lake holds Barlake's generated market");
        wait.until(page -> !page.findElements(By.cssSelector("#signals tbody tr")).isEmpty());

        // The market panel: the session's narrative, breadth, movers and anomalies, from gold.
        wait.until(page -> page.findElement(By.id("market-date")).getText().startsWith("for 2025-06-03"));
        assertThat(browser.findElement(By.id("market-narrative")).getText()).startsWith("On 2025-06-03, ").contains(" symbols rose");
        assertThat(browser.findElement(By.id("breadth")).getText()).contains("up ", "down ", "new highs ", "above SMA 50 ", "mood ");
        assertThat(browser.findElements(By.cssSelector("#gainers tr[data-symbol]"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#most-active tr[data-symbol]"))).isNotEmpty();
        assertThat(browser.findElement(By.id("anomaly-counts")).getText()).matches("\\d+ volume spikes, \\d+ moves over 5 %, \\d+ gaps over 5 %");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("anomaly-filter"))).selectByValue("big_move");
        wait.until(page -> "big_move".equals(page.findElement(By.id("anomalies")).getAttribute("data-filter")));
        for (WebElement change : browser.findElements(By.cssSelector("#anomalies tbody tr[data-symbol] td:nth-child(3)"))) {
            assertThat(Math.abs(Double.parseDouble(change.getText().replace(" %", "").replace("+", "")))).isGreaterThan(5);
        }
        assertThat(browser.findElement(By.id("market-report")).isDisplayed()).isTrue();
        save("market.png");

        WebElement symbol = browser.findElement(By.id("symbol"));
        symbol.sendKeys("A");
        wait.until(page -> !page.findElements(By.cssSelector("#symbol-list option")).isEmpty());
        String picked = browser.findElement(By.cssSelector("#symbol-list option")).getAttribute("value");
        symbol.clear();
        symbol.sendKeys(picked);
        browser.findElement(By.cssSelector("#chart-form button")).click();
        wait.until(page -> page.findElement(By.id("chart")).getAttribute("data-bars") != null);
        assertThat(Integer.parseInt(browser.findElement(By.id("chart")).getAttribute("data-bars"))).isGreaterThan(200);
        assertThat(browser.findElement(By.id("chart-caption")).getText()).startsWith(picked + " 1d, ").contains("split-adjusted");
        // A financial chart: candles, the SMA overlay and volume on a date axis, drawn by ECharts from the jar.
        WebElement chart = browser.findElement(By.id("chart"));
        assertThat(chart.getAttribute("data-series")).isEqualTo("candlestick,line,bar");
        JavascriptExecutor script = (JavascriptExecutor) browser;
        assertThat(script.executeScript("return echarts.version")).isEqualTo("5.3.1");
        assertThat(script.executeScript("return echarts.getInstanceByDom(document.getElementById('chart')).getOption().xAxis[0].data[0]"))
                .asString().matches("\\d{4}-\\d{2}-\\d{2}");
        // The crosshair: hovering a candle shows its date, prices and volume.
        new Actions(browser).moveToElement(chart, 200, -60).perform();
        wait.until(page -> page.findElements(By.cssSelector(".chart-tooltip")).stream().anyMatch(WebElement::isDisplayed));
        String tip = browser.findElements(By.cssSelector(".chart-tooltip")).stream().filter(WebElement::isDisplayed).findFirst()
                .orElseThrow().getText();
        assertThat(tip).startsWith(picked + " 20").contains("O ", " H ", " L ", " C ", "Volume ", "sma_20 ");
        // Zoom: the wheel over the chart narrows the window of bars shown.
        Number before = (Number) script.executeScript(ZOOM_START);
        new Actions(browser).scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(chart), 0, -400).perform();
        wait.until(page -> ((Number) script.executeScript(ZOOM_START)).doubleValue() > before.doubleValue());
        save("chart.png");

        // Any catalogue indicator by spec: the field suggests what /v1/indicators lists; SuperTrend's line is
        // drawn over the candles and its direction (+1/-1) on the axis at the right.
        WebElement indicator = browser.findElement(By.id("indicator"));
        assertThat(browser.findElement(By.id("indicator-list")).getAttribute("data-count"))
                .isEqualTo(String.valueOf(io.barlake.analytics.strategy.CatalogListing.entries().size()));
        assertThat(browser.findElements(By.cssSelector("#indicator-list option"))).extracting(o -> o.getAttribute("value"))
                .contains("cdlengulfing", "supertrend", "ichimoku", "kama", "rsi").hasSize(
                        io.barlake.analytics.strategy.IndicatorCatalog.names().size());
        indicator.sendKeys("supertrend");
        browser.findElement(By.cssSelector("#chart-form button")).click();
        wait.until(page -> "candlestick,line,line,line,bar".equals(page.findElement(By.id("chart")).getAttribute("data-series")));
        assertThat(browser.findElement(By.id("chart")).getAttribute("data-separate")).isEqualTo("supertrend_10_3_direction");
        save("indicators.png");
        indicator.clear();

        // The signal panel: every strategy's call on the symbol, in each timeframe, with one overall call.
        wait.until(page -> page.findElement(By.id("signal-caption")).getText().startsWith(picked + " on 2025-06-03"));
        assertThat(browser.findElement(By.id("signal-overall")).getText()).matches("Overall (BUY|HOLD|SELL), confidence \\d+ % .*");
        assertThat(browser.findElements(By.cssSelector("#signal-table tbody tr"))).hasSize(6);
        assertThat(browser.findElements(By.cssSelector("#signal-table thead th"))).extracting(WebElement::getText)
                .containsExactly("Strategy", "Signal", "Score", "1d", "3d", "5d", "8d", "13d", "21d", "34d");

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("strategy"))).selectByVisibleText("macd-crossover");
        browser.findElement(By.cssSelector("#backtest-form button")).click();
        wait.until(page -> !page.findElements(By.id("metrics-table")).isEmpty());
        String metrics = browser.findElement(By.id("metrics")).getText();
        assertThat(metrics).contains("macd-crossover on " + picked, "Total return", "Sharpe");
        assertThat(metrics).containsPattern(", [1-9]\\d* trades");
        assertThat(Integer.parseInt(browser.findElement(By.id("equity")).getAttribute("data-points"))).isGreaterThan(200);
        assertThat(browser.findElement(By.id("error")).getText()).isEmpty();
        // The backtest's trades are marked on the chart of the same symbol and timeframe.
        wait.until(page -> Integer.parseInt(page.findElement(By.id("chart")).getAttribute("data-markers")) > 0);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('backtest-panel').scrollIntoView()");
        save("backtest.png");
    }

    private void save(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name), png);
    }
}
