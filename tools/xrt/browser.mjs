// Runs the browser bundle of the suite in headless Chromium, driven by
// playwright-core (no browser download: it starts the system's chromium).
// The page is served through Playwright's request routing with the headers
// that make it cross-origin isolated, so SharedArrayBuffer exists there.
// The page runs the `Deno.test` list in order, as Deno does, and hands back
// the counts; a browser has no test runner to feed, and the list is flat
// (the suite uses no steps), so a loop is all it takes.
//
// Usage: node browser.mjs <browser bundle>; CHROMIUM names the binary.
// Prints a dot per case, failures in full, skip reasons and
// `chromium: N passed, N failed, N skipped`; exits 1 unless all passed.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";

const { chromium } = createRequire(join(import.meta.dirname, "deps/"))(
  "playwright-core",
);
const ORIGIN = "http://localhost"; // a secure context, as isolation needs
const HEADERS = {
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-embedder-policy": "require-corp",
};
const bundle = await readFile(process.argv[2]);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  chromiumSandbox: false,
  args: [
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
let failed = 1;
try {
  const page = await browser.newPage();
  await page.route(`${ORIGIN}/**`, (route) => {
    const { pathname } = new URL(route.request().url());
    return pathname === "/suite.js"
      ? route.fulfill({
        body: bundle,
        contentType: "text/javascript",
        headers: HEADERS,
      })
      : route.fulfill({
        body: "<!doctype html>",
        contentType: "text/html",
        headers: HEADERS,
      });
  });
  page.on("console", (message) => process.stdout.write(message.text()));
  page.on("pageerror", (error) => console.log(`page error: ${error.stack}`));
  await page.goto(`${ORIGIN}/`);
  const env = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (name.startsWith("IOCURSOR_")) env[name] = value;
  }
  const result = await page.evaluate(async (env) => {
    // The suite reads IOCURSOR_FC_RUNS from process.env; npm assert's `util`
    // dependency reads process.env too.
    globalThis.process = { env };
    const { testDefinitions, skipReasons } = await import("/suite.js");
    let passed = 0;
    const failures = [];
    const skipped = {};
    for (const { name, fn, ignore } of testDefinitions) {
      if (ignore) {
        const reason = skipReasons.get(name) ?? "ignored";
        skipped[reason] = (skipped[reason] ?? 0) + 1;
        console.log("-");
        continue;
      }
      try {
        await fn();
        passed++;
        console.log(".");
      } catch (error) {
        failures.push(`FAILED ${name}\n${error?.stack ?? error}\n`);
        console.log("x");
      }
    }
    return {
      passed,
      failures,
      skipped,
      crossOriginIsolated,
      userAgent: navigator.userAgent,
    };
  }, env);
  console.log(
    `\n${result.userAgent}, crossOriginIsolated: ${result.crossOriginIsolated}`,
  );
  for (const failure of result.failures) console.log(failure);
  let skipped = 0;
  for (const [reason, count] of Object.entries(result.skipped)) {
    console.log(`skipped ${count}: ${reason}`);
    skipped += count;
  }
  failed = result.failures.length;
  console.log(
    `chromium: ${result.passed} passed, ${failed} failed, ${skipped} skipped`,
  );
  if (result.passed === 0) failed = 1;
} finally {
  await browser.close();
}
process.exitCode = failed === 0 ? 0 : 1;
