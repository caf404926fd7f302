package dev.cove.cli;

import dev.cove.cli.exec.Executables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through its chromedriver with Selenium: opens a page, reads its DOM as the
 * browser built it, and takes screenshots. Nothing is downloaded: both programs come from the machine (Debian's
 * {@code chromium} and {@code chromium-driver} packages, which {@code .ci/run} installs), and Chromium runs with a
 * fresh profile and its background networking off. Without them, {@link #start} fails and says how to install them.
 */
final class HeadlessChromium implements AutoCloseable {

    /** Where Debian puts the browser (the {@code chromium} on PATH is a shell script that starts it). */
    private static final List<String> BROWSERS = List.of("/usr/lib/chromium/chromium", "chromium", "chromium-browser");
    private static final String INSTALL = "the report's browser test needs Debian's chromium and chromium-driver:"
            + " apt-get install -y chromium chromium-driver (as root), or run .ci/run, which installs them";

    /** Selenium looks for a DevTools binding of this Chromium's version, which the tests do not use. */
    private static final Logger SELENIUM = Logger.getLogger("org.openqa.selenium");

    static {
        SELENIUM.setLevel(Level.SEVERE);
    }

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Starts the browser.
     *
     * @param width the window's width in CSS pixels
     * @return the browser
     * @throws IOException when the profile directory cannot be made
     * @throws AssertionError when chromium or chromedriver is missing, naming the packages to install
     */
    static HeadlessChromium start(int width) throws IOException {
        String path = System.getenv("PATH");
        Path browser = BROWSERS.stream().map(name -> Executables.locate(name, path)).flatMap(Optional::stream)
                .findFirst().orElseThrow(() -> new AssertionError("chromium not found; " + INSTALL));
        Path chromedriver = Executables.locate("chromedriver", path)
                .orElseThrow(() -> new AssertionError("chromedriver not found; " + INSTALL));
        Path profile = Files.createTempDirectory("cove-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--user-data-dir=" + profile, "--window-size=" + width + ",1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    /**
     * Takes a screenshot of a page, e.g. of a report for the documentation.
     *
     * @param args the HTML file, the PNG to write, and optionally the window's width (default 1280)
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        try (HeadlessChromium browser = start(args.length > 2 ? Integer.parseInt(args[2]) : 1280)) {
            browser.open(Path.of(args[0]).toAbsolutePath());
            browser.screenshot(Path.of(args[1]));
        }
    }

    /**
     * Opens a file, and waits until it is loaded.
     *
     * @param file an HTML file
     */
    void open(Path file) {
        driver.get(file.toUri().toString());
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebElement one(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<String> texts(String css) {
        return all(css).stream().map(WebElement::getText).toList();
    }

    List<String> attributes(String css, String attribute) {
        return all(css).stream().map(element -> element.getDomAttribute(attribute)).toList();
    }

    Object script(String javascript) {
        return ((JavascriptExecutor) driver).executeScript(javascript);
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    /**
     * Takes a screenshot of the whole page, however long, by growing the window to the page's height.
     *
     * @param file where to write the PNG
     * @throws IOException when it cannot be written
     */
    void screenshot(Path file) throws IOException {
        Dimension size = driver.manage().window().getSize();
        long height = (Long) script("return Math.ceil(document.documentElement.scrollHeight)");
        int window = (int) Math.min(height, 16_000);
        driver.manage().window().setSize(new Dimension(size.getWidth(), window));
        long viewport = (Long) script("return window.innerHeight");
        if (viewport < window) {
            driver.manage().window().setSize(new Dimension(size.getWidth(), (int) (2 * window - viewport)));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(size);
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }
}
