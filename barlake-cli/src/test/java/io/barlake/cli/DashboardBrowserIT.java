package io.barlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in headless Chromium (Debian's chromium and chromium-driver; {@code ./mvnw verify
 * -Pbrowser}): the real jar fills a lake with {@code barlake run}, serves it with
 * {@code barlake serve}, and the browser searches a symbol, sees its chart drawn, runs a backtest
 * and sees the equity curve. Screenshots go to {@code target/dashboard-screenshots/}.
 */
class DashboardBrowserIT {
    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots").toAbsolutePath();
    /** The lake's latest session is then the latest closed one: the status says fresh. */
    private static final String NOW = "2025-06-03T22:00:00Z";

    @TempDir
    Path folder;

    private Process server;
    private WebDriver browser;

    private ProcessBuilder barlake(String... args) {
        ProcessBuilder builder = new ProcessBuilder(PackagedJar.barlake(args)).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().put("BARLAKE_LAKE", folder.resolve("lake").toString());
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
        save("chart.png");

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("strategy"))).selectByVisibleText("macd-crossover");
        browser.findElement(By.cssSelector("#backtest-form button")).click();
        wait.until(page -> !page.findElements(By.id("metrics-table")).isEmpty());
        String metrics = browser.findElement(By.id("metrics")).getText();
        assertThat(metrics).contains("macd-crossover on " + picked, "Total return", "Sharpe");
        assertThat(metrics).containsPattern(", [1-9]\\d* trades");
        assertThat(Integer.parseInt(browser.findElement(By.id("equity")).getAttribute("data-points"))).isGreaterThan(200);
        assertThat(browser.findElement(By.id("error")).getText()).isEmpty();
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
