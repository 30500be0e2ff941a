// Opens dateline reports in headless Chromium (Debian's `chromium`) as file:// pages and
// checks what a reader would: no console error or page error (a CSP refusal is one), every
// chart drew (a non-empty SVG, or a canvas with pixels), tables sort, the term search shows
// KWIC lines, and nothing from the corpus ran (`window.pwned`, which every payload of the
// hostile corpus sets, stays undefined). Then opens each again with scripts disabled, on
// screen and as printed: the static charts and the tables still show, the parts that need a
// script stay hidden. Saves full-page screenshots of each (NAME.png, NAME-print.png).
//
//   node report.test.mjs NAME=REPORT.html [NAME=REPORT.html ...] [--hostile NAME] [--shots DIR]
//
// run.sh builds the reports and calls this; see its header.
import { chromium } from "playwright-core";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const reports = [];
let hostile = new Set();
let shots = "target/report-screenshots";
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--hostile") hostile.add(args[++i]);
  else if (args[i] === "--shots") shots = args[++i];
  else {
    const at = args[i].indexOf("=");
    if (at < 1) throw new Error(`expected NAME=REPORT.html, not ${args[i]}`);
    reports.push([args[i].slice(0, at), resolve(args[i].slice(at + 1))]);
  }
}
if (!reports.length) throw new Error("no report to open");
mkdirSync(shots, { recursive: true });

const profile = mkdtempSync(join(tmpdir(), "dateline-report-chromium-"));
// A fresh profile each run (playwright passes it as --user-data-dir); without the
// background-networking flags Chromium's own connections fail on a closed network.
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});

const failures = [];
function check(name, ok, what) {
  if (!ok) failures.push(`${name}: ${what}`);
}

try {
  for (const [name, path] of reports) {
    const page = await browser.newPage();
    const errors = [];
    const requests = [];
    page.on("console", (msg) => { if (msg.type() === "error") errors.push(msg.text()); });
    page.on("pageerror", (err) => errors.push(String(err)));
    page.on("request", (req) => { if (!req.url().startsWith("file:") && !req.url().startsWith("data:")) requests.push(req.url()); });
    await page.goto(pathToFileURL(path).href, { waitUntil: "load" });

    // Every chart: an SVG with shapes and a size, or a canvas with pixels drawn.
    const charts = await page.evaluate(() =>
      Array.from(document.querySelectorAll(".chart-box, .plot")).map((box) => {
        const svg = box.querySelector("svg");
        const canvas = box.querySelector("canvas");
        let drawn = false;
        if (svg) {
          const r = svg.getBoundingClientRect();
          drawn = r.width > 0 && r.height > 0 && svg.querySelectorAll("rect, polyline, polygon, circle, line").length > 0;
        }
        if (!drawn && canvas && canvas.width > 0 && canvas.height > 0) {
          const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
          for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) { drawn = true; break; }
        }
        return { id: box.id || box.parentElement.id, drawn, empty: !svg && !canvas };
      }));
    check(name, charts.length > 0, "no chart at all");
    for (const chart of charts) check(name, chart.drawn, `the chart ${chart.id} did not draw`);
    check(name, await page.locator("#term-plot canvas").count() > 0, "the term picker drew no uPlot chart");

    // A click sorts a table.
    const table = page.locator("#terms-table");
    if (await table.locator("tbody tr").count() > 1) {
      await table.locator("th").nth(1).click();
      const sorted = await table.locator("th").nth(1).getAttribute("aria-sort");
      check(name, sorted === "descending", `the terms table did not sort (${sorted})`);
    }

    // The search box: the first sampled term with lines shows them.
    const term = await page.evaluate(() => {
      const kwic = JSON.parse(document.getElementById("report-data").textContent).kwic;
      return Object.keys(kwic).find((k) => kwic[k].length > 0) || null;
    });
    check(name, term !== null, "no KWIC line in the sample");
    if (term !== null) {
      await page.fill("#kwic-query", term);
      const lines = await page.locator("#kwic-table tbody tr").count();
      check(name, lines > 0 && await page.locator("#kwic-table").isVisible(), `typing ${term} showed no KWIC line`);
    }

    check(name, await page.evaluate(() => typeof window.pwned) === "undefined", "a payload from the corpus ran");
    if (hostile.has(name)) {
      // The corpus's markup shows as the text it is.
      const text = await page.evaluate(() => document.body.innerText);
      for (const shown of ["</script><script>window.pwned=3</script>", "javascript:window.pwned=4"]) {
        check(name, text.includes(shown), `the hostile text ${shown} does not show as written`);
      }
      // And in the KWIC lines the script writes.
      for (const [query, shown] of [["corridor", "</script><!--"], ["moscow", "${window.pwned=7}"]]) {
        await page.fill("#kwic-query", query);
        const rows = await page.locator("#kwic-table tbody").innerText().catch(() => "");
        check(name, rows.includes(shown), `the KWIC lines of ${query} do not show ${shown}: ${JSON.stringify(rows)}`);
      }
      check(name, await page.evaluate(() => typeof window.pwned) === "undefined", "a payload ran after the search");
    }

    check(name, errors.length === 0, `console or page errors: ${errors.join(" | ")}`);
    check(name, requests.length === 0, `requests outside the file: ${requests.join(" ")}`);
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
    console.log(`${name}: ${charts.filter((c) => c.drawn).length} of ${charts.length} charts drawn, ${errors.length} errors, screenshot ${join(shots, `${name}.png`)}`);
    await page.close();

    // Without JavaScript (progressive enhancement): the static charts and tables still show,
    // and the parts that need a script stay hidden. Then the same page as printed.
    const bare = await browser.newPage();
    const cdp = await bare.context().newCDPSession(bare);
    await cdp.send("Emulation.setScriptExecutionDisabled", { value: true });
    await bare.goto(pathToFileURL(path).href, { waitUntil: "load" });
    for (const media of ["screen", "print"]) {
      await bare.emulateMedia({ media });
      const state = await bare.evaluate(() => ({
        drawn: Array.from(document.querySelectorAll(".chart-box")).map((box) => {
          const svg = box.querySelector("svg");
          const r = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
          return { id: box.id || box.parentElement.id, drawn: r.width > 0 && r.height > 0 };
        }),
        rows: Array.from(document.querySelectorAll("table")).filter((t) => t.offsetParent !== null).length,
        picker: document.getElementById("term-picker")?.hidden ?? true,
        scriptRan: typeof window.uPlot !== "undefined",
      }));
      check(name, !state.scriptRan, `a script ran with scripts disabled (${media})`);
      check(name, state.drawn.length > 0, `no static chart without JavaScript (${media})`);
      for (const chart of state.drawn) check(name, chart.drawn, `the chart ${chart.id} does not show without JavaScript (${media})`);
      check(name, state.rows > 0, `no table shows without JavaScript (${media})`);
      check(name, state.picker, `the term picker shows without JavaScript (${media})`);
    }
    await bare.screenshot({ path: join(shots, `${name}-print.png`), fullPage: true });
    await bare.close();
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}

if (failures.length) {
  console.error(failures.map((f) => `FAIL ${f}`).join("\n"));
  process.exit(1);
}
console.log("browser test: ok");
