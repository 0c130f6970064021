package dev.kconfig4j.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.conformance.GoldenCase;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.session.ConfigSession;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code kconfig4j web} in a real browser: Debian's headless Chromium, driven by Selenium through
 * Debian's chromium-driver, on the 6.12 x86 tree with Debian's amd64 config (navigate, search,
 * change and undo, help, enable a blocked symbol, save: the kernel's conf keeps the saved file),
 * and on the 7.3 tree reviewing Debian's 6.12 cloud config (in the upgrade report's order: HYPERV
 * among the roots that take options you chose, its fix applied with one click; values the
 * toolchain decides counted in their class). Screenshots of the main views go to {@code docs/}. Skipped, with a line, where Chromium
 * or its driver is not installed, except under CI=true.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    static WebDriver browser;
    static Path userData;

    /** A tree of a golden case, the session on a config in a scratch directory, and its server. */
    record Served(Kconfig tree, Map<String, String> env, Path out, ConfigSession session, WebServer server) {
        void close() throws Exception {
            server.close();
        }
    }

    static Served serve(String caseId, String config, String oldConfig) throws Exception {
        Path shared = GoldenCase.requireShared();
        GoldenCase c = GoldenCase.byId(shared, caseId);
        Path srctree = shared.resolve(c.tree()).toRealPath();
        Path out = Files.createTempDirectory("kconfig4j-web-");
        Map<String, String> env = c.environment(srctree, out);
        Kconfig tree = Kconfig.load(Kconfig.Options.of(srctree, "Kconfig", env, out), QUIET, QUIET);
        Path file = out.resolve(".config");
        String text = null;
        if (config != null) {
            Files.copy(shared.resolve(config), file);
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        }
        String old = oldConfig == null ? null : Files.readString(shared.resolve(oldConfig), StandardCharsets.ISO_8859_1);
        ConfigSession session = new ConfigSession(tree, file, text != null ? text : old);
        if (old != null) {
            session.reviewUpgradeOf(Path.of(oldConfig).getFileName().toString(), old, null);
        }
        WebServer server = new WebServer(session, out.resolve("defconfig"), "127.0.0.1", 0, Guard.newToken());
        server.start();
        return new Served(tree, env, out, session, server);
    }

    @BeforeAll
    static void browser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            String msg = "chromium or chromium-driver not installed (apt-get install chromium chromium-driver): "
                    + "the browser tests of kconfig4j web are skipped";
            System.out.println(msg);
            if ("true".equals(System.getenv("CI"))) {
                org.junit.jupiter.api.Assertions.fail(msg);
            }
            Assumptions.abort(msg);
        }
        GoldenCase.requireShared();
        userData = Files.createTempDirectory("kconfig4j-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,900", "--user-data-dir=" + userData);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    static WebDriverWait waiting(int seconds) {
        WebDriverWait w = new WebDriverWait(browser, Duration.ofSeconds(seconds));
        w.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return w;
    }

    static void open(Served s) {
        browser.get(s.server().address());
        waiting(60).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
    }

    static WebElement row(String symbol) {
        return waiting(30).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#entries li[data-symbol='" + symbol + "']")));
    }

    static WebElement rowByPrompt(String prompt) {
        return waiting(30).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//ul[@id='entries']/li[span[@class='prompt' and text()='" + prompt + "']]")));
    }

    /** Waits until the row of {@code symbol} shows {@code text} as its value. */
    static void waitValue(String symbol, String text) {
        waiting(30).until(d -> d.findElement(By.cssSelector("#entries li[data-symbol='" + symbol + "'] .value"))
                .getText().equals(text));
    }

    static void key(CharSequence... keys) {
        browser.switchTo().activeElement().sendKeys(keys);
    }

    static String statusText() {
        return browser.findElement(By.id("statusText")).getText();
    }

    static void waitStatus(String contains) {
        waiting(60).until(d -> statusText().contains(contains));
    }

    static void screenshot(String name) throws IOException {
        Path docs = Path.of("docs");
        Files.createDirectories(docs);
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(docs.resolve(name), png);
    }

    @Test
    @Order(1)
    void configuringDebiansConfigInTheBrowser() throws Exception {
        Served s = serve("6.12/x86/olddefconfig-debian-6.12-amd64", "corpus/configs/debian-6.12-amd64.config", null);
        try {
            long t0 = System.nanoTime();
            open(s);
            long firstPage = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("web: first page ready " + firstPage + " ms after the tree was loaded");
            assertThat(browser.findElement(By.id("title")).getText()).contains("Linux/x86");
            assertThat(browser.findElement(By.cssSelector("#entries li[data-symbol='64BIT'] .value")).getText())
                    .isEqualTo("[*]");

            // Navigate with the keyboard: the Device Drivers menu, then back.
            rowByPrompt("Device Drivers").click();
            key(Keys.ENTER);
            waiting(30).until(d -> d.findElement(By.id("crumbs")).getText().contains("Device Drivers"));
            browser.findElement(By.id("showNames")).click();
            screenshot("web-menu.png");
            key(Keys.ARROW_LEFT);
            waiting(30).until(d -> !d.findElement(By.id("crumbs")).getText().contains("Device Drivers"));

            // One search; jump to the entry, revealing its menu.
            WebElement search = browser.findElement(By.id("search"));
            search.click();
            search.sendKeys("usb mass storage", Keys.ENTER);
            waiting(30).until(d -> d.findElement(By.id("crumbs")).getText().startsWith("Search:"));
            WebElement hit = browser.findElement(By.cssSelector("#entries li.hit[data-symbol='USB_STORAGE']"));
            assertThat(hit.getText()).contains("USB Mass Storage support").contains("drivers/usb/storage/Kconfig");
            screenshot("web-search.png");
            hit.click();
            key(Keys.ENTER);
            waiting(30).until(d -> d.findElement(By.cssSelector("#entries li.selected")).getAttribute("data-symbol")
                    .equals("USB_STORAGE"));
            assertThat(browser.findElement(By.id("crumbs")).getText()).contains("USB support");

            // Change a value: what else changed is shown; undo brings everything back.
            waitValue("USB_STORAGE", "<M>");
            key("n");
            waitStatus("set USB_STORAGE=n");
            assertThat(statusText()).contains("other values changed");
            assertThat(browser.findElement(By.id("changes")).getText()).contains("USB_STORAGE: m → n")
                    .contains("USB_UAS: m → not set");
            waitValue("USB_STORAGE", "< >");
            key(Keys.chord(Keys.CONTROL, "z"));
            waitStatus("undo set USB_STORAGE=n");
            waitValue("USB_STORAGE", "<M>");
            assertThat(s.session().configuration().tristate(s.tree().symbols().find("USB_UAS"))).isEqualTo(Tristate.MOD);

            // Help that answers questions: where, why, what it builds.
            waiting(300).until(d -> d.findElement(By.id("panel")).getText().contains("usb-storage"));
            assertThat(browser.findElement(By.id("panel")).getText()).contains("CONFIG_USB_STORAGE")
                    .contains("drivers/usb/storage/Kconfig").contains("usb-storage");

            // Enable a blocked symbol: CMA_DEBUGFS is hidden while CMA is off.
            search = browser.findElement(By.id("search"));
            search.click();
            search.clear();
            search.sendKeys("CMA_DEBUGFS", Keys.ENTER);
            WebElement cma = waiting(30).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#entries li.hit[data-symbol='CMA_DEBUGFS']")));
            cma.click();
            key(Keys.ENTER);
            waiting(30).until(d -> d.findElement(By.id("showAll")).isSelected());
            waiting(30).until(d -> row("CMA_DEBUGFS").getText().contains("hidden:"));
            assertThat(row("CMA_DEBUGFS").getText()).contains("CMA");
            waiting(30).until(ExpectedConditions.presenceOfElementLocated(By.id("blockers")));
            assertThat(browser.findElement(By.id("blockers")).getText()).contains("CMA [=n]");
            key("y");
            waitStatus("CMA_DEBUGFS cannot be changed here");
            screenshot("web-help.png");
            browser.findElement(By.id("enableBtn")).click();
            WebElement lines = waiting(120).until(ExpectedConditions.presenceOfElementLocated(By.id("planLines")));
            assertThat(lines.getText()).contains("CONFIG_CMA=y").contains("CONFIG_CMA_DEBUGFS=y");
            screenshot("web-enable.png");
            browser.findElement(By.id("applyPlan")).click();
            waitStatus("enable CMA_DEBUGFS");
            assertThat(s.session().configuration().tristate(s.tree().symbols().find("CMA_DEBUGFS"))).isEqualTo(Tristate.YES);
            waitValue("CMA_DEBUGFS", "[*]");

            // Save: exactly what the kernel's conf writes for these values.
            browser.findElement(By.id("save")).click();
            waitStatus("Saved");
            assertThat(s.out().resolve(".config.old")).exists();
            assertThat(Files.readString(s.out().resolve(".config"))).contains("CONFIG_CMA_DEBUGFS=y\n");
            assertUnchangedByKernel(s, "conf-6.12");
        } finally {
            s.close();
        }
    }

    @Test
    @Order(2)
    void reviewingAnUpgradeAndApplyingTheFix() throws Exception {
        Served s = serve("7.3/x86/olddefconfig-debian-7.3-cloud-amd64", null, "corpus/configs/debian-6.12-cloud-amd64.config");
        try {
            open(s);
            assertThat(s.session().configuration().tristate(s.tree().symbols().find("HYPERV"))).isEqualTo(Tristate.NO);
            browser.findElement(By.id("upgradeBtn")).click();
            WebElement hyperv = waiting(600).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector(".finding.lost[data-symbol='HYPERV']")));
            assertThat(hyperv.getText()).contains("LOST", "HYPERV", "Takes 13 options you chose", "Apply fix (verified)");
            screenshot("web-upgrade.png");

            // The panel is the report's order: the roots that take options you chose, the largest
            // first (the new NETFILTER_XTABLES_LEGACY gate, then HYPERV), then the other values you
            // could set, then the rest in one block counted by class.
            var review = s.session().upgradeReview();
            assertThat(browser.findElements(By.cssSelector(".finding.lost")))
                    .extracting(e -> e.getAttribute("data-symbol"))
                    .containsExactlyElementsOf(review.lost().stream().map(r -> r.finding().symbol()).toList())
                    .startsWith("NETFILTER_XTABLES_LEGACY", "HYPERV");
            assertThat(browser.findElements(By.cssSelector(".finding.changed")))
                    .extracting(e -> e.getAttribute("data-symbol"))
                    .containsExactlyElementsOf(review.changed().stream().map(r -> r.finding().symbol()).toList());
            // What the toolchain decides is no lost option: it is counted in its class, listed on demand.
            assertThat(browser.findElements(By.cssSelector(".finding [data-symbol='GCC_ASM_GOTO_OUTPUT_BROKEN'],"
                    + " .finding[data-symbol='GCC_ASM_GOTO_OUTPUT_BROKEN']"))).isEmpty();
            WebElement toolchain = browser.findElement(By.cssSelector("#rest details[data-class='TOOLCHAIN']"));
            int counted = review.rest().stream().filter(c -> c.category().name().equals("TOOLCHAIN")).findFirst()
                    .orElseThrow().count();
            assertThat(toolchain.getText()).isEqualTo(counted + " derived from the toolchain (compiler, assembler, linker)");
            WebElement asmGoto = toolchain.findElement(By.cssSelector("li[data-symbol='GCC_ASM_GOTO_OUTPUT_BROKEN']"));
            assertThat(asmGoto.isDisplayed()).isFalse();
            toolchain.findElement(By.tagName("summary")).click();
            assertThat(asmGoto.isDisplayed()).isTrue();
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                    browser.findElement(By.id("rest")));
            screenshot("web-upgrade-rest.png");
            assertThat(browser.findElements(By.cssSelector("#rest details")))
                    .extracting(e -> e.getAttribute("data-class")).containsSubsequence("TOOLCHAIN", "HELPER", "NEW_DEFAULT");

            hyperv.findElement(By.cssSelector("button.fix")).click();
            waitStatus("fix HYPERV");
            assertThat(s.session().configuration().tristate(s.tree().symbols().find("HYPERV"))).isNotEqualTo(Tristate.NO);
            browser.findElement(By.id("save")).click();
            waitStatus("Saved");
            assertUnchangedByKernel(s, "conf-7.3");
        } finally {
            s.close();
        }
    }

    @Test
    @Order(3)
    void eachWarningIsShownWithItsPlaceAndBesideItsSymbol() throws Exception {
        Path dir = Files.createTempDirectory("kconfig4j-web-warnings-");
        Files.writeString(dir.resolve("Kconfig"), dev.kconfig4j.session.ConfigSessionTest.KCONFIG
                .replace("\tdefault \"box\"\n", "\tdefault \"box\"\n\tselect SCSI\n"), StandardCharsets.ISO_8859_1);
        Kconfig tree = Kconfig.load(Kconfig.Options.of(dir, "Kconfig", Map.of("PATH", "/usr/bin:/bin",
                "KERNELVERSION", "6.12"), dir), QUIET, QUIET);
        Path config = dir.resolve(".config");
        ConfigSession session = new ConfigSession(tree, config, "CONFIG_PCI=m\ngarbage\nCONFIG_NR=x\n");
        Served s = new Served(tree, Map.of(), dir, session,
                new WebServer(session, dir.resolve("defconfig"), "127.0.0.1", 0, Guard.newToken()));
        s.server().start();
        try {
            open(s);
            assertThat(statusText()).startsWith("4 warning(s): Kconfig:27:warning: config symbol 'NAME' uses select");
            assertThat(browser.findElement(By.id("warningsBtn")).getText()).isEqualTo("Warnings (4)");

            // Beside the symbol: on its row, and in its help with the config's file and line.
            rowByPrompt("Drivers").click();
            key(Keys.ENTER);
            assertThat(row("PCI").findElement(By.cssSelector(".warn")).getText())
                    .isEqualTo("⚠ symbol value 'm' invalid for PCI");
            assertThat(row("NAME").findElement(By.cssSelector(".warn")).getText())
                    .isEqualTo("⚠ config symbol 'NAME' uses select, but is not bool or tristate");
            assertThat(row("SCSI").findElements(By.cssSelector(".warn"))).isEmpty();
            row("PCI").click();
            WebElement mine = waiting(30).until(ExpectedConditions.presenceOfElementLocated(By.id("symbolWarnings")));
            assertThat(mine.getText()).isEqualTo(config + ":1: symbol value 'm' invalid for PCI");
            screenshot("web-warnings.png");

            // All of them, in order, each with its place; a symbol's name leads to its entry.
            browser.findElement(By.id("warningsBtn")).click();
            WebElement list = waiting(30).until(ExpectedConditions.presenceOfElementLocated(By.id("warningList")));
            assertThat(list.findElements(By.tagName("li"))).extracting(WebElement::getText).containsExactly(
                    "Kconfig:27: config symbol 'NAME' uses select, but is not bool or tristate NAME",
                    config + ":1: symbol value 'm' invalid for PCI PCI",
                    config + ":2: unexpected data: garbage",
                    config + ":3: symbol value 'x' invalid for NR NR");
            list.findElement(By.cssSelector("li[data-symbol='NR'] a")).click();
            waiting(30).until(d -> "NR".equals(d.findElement(By.cssSelector("#entries li.selected")).getAttribute("data-symbol")));
        } finally {
            s.close();
        }
    }

    static void assertUnchangedByKernel(Served s, String conf) throws Exception {
        dev.kconfig4j.session.DebianSessionTest.assertUnchangedByKernel(s.out(), s.env(), conf);
    }
}
