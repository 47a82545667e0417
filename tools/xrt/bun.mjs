// Runs the bundled suite on `bun test`: one `test()` per `Deno.test`
// definition, skipped ones with their reason printed first (bun:test has no
// place for one). Run with `XRT_BUNDLE=<bundle> bun test --dots ./bun.mjs`.
import { test } from "bun:test";
import { pathToFileURL } from "node:url";

const bundle = pathToFileURL(process.env.XRT_BUNDLE).href;
const { testDefinitions, skipReasons } = await import(bundle);
const skipped = new Map();
for (const { name, fn, ignore } of testDefinitions) {
  if (ignore) {
    const reason = skipReasons.get(name) ?? "ignored";
    skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
    test.skip(name, () => fn());
  } else {
    // Deno.test has no timeout; neither do these.
    test(name, () => fn(), { timeout: 0 });
  }
}
for (const [reason, count] of skipped) {
  console.log(`skipped ${count}: ${reason}`);
}
