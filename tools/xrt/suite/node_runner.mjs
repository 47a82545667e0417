// Registers every case of the suite with `node:test`, for `node --test`.
// Run with `--test-reporter=./node_reporter.mjs` for the summary line.

import { test } from "node:test";
import { cases, runCase } from "./harness.mjs";
import "./suite.mjs";

/**
 * The pinned Node 20 (V8 11.3) has no `DataView.prototype.getFloat16`; every
 * other feature must be there. Deno and Bun (main.mjs) may skip nothing.
 */
const ALLOWED_SKIPS = ["no float16"];

for (const c of cases()) {
  test(c.name, async (t) => {
    const result = await runCase(c, ALLOWED_SKIPS);
    if (result.outcome === "skip") t.skip(result.detail);
    else if (result.outcome === "fail") throw new Error(result.detail);
  });
}
