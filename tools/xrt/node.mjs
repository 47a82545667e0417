// Runs the bundled suite on node:test: one `test()` per `Deno.test`
// definition, as Deno's std does on Node, skipped ones with their reason.
// Run with `XRT_BUNDLE=<bundle> node --test --test-reporter=./summary.mjs node.mjs`.
import { test } from "node:test";
import { pathToFileURL } from "node:url";

const bundle = pathToFileURL(process.env.XRT_BUNDLE).href;
const { testDefinitions, skipReasons } = await import(bundle);
for (const { name, fn, ignore } of testDefinitions) {
  const skip = ignore ? skipReasons.get(name) ?? "ignored" : false;
  test(name, { skip }, () => fn());
}
