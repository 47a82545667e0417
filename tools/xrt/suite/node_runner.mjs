// Registers every case of the suite with `node:test`, for `node --test`.
// Run with `--test-reporter=./node_reporter.mjs` for the summary line.

import { test } from "node:test";
import { cases, runCase } from "./harness.mjs";
import "./suite.mjs";

for (const c of cases()) {
  test(c.name, async (t) => {
    const result = await runCase(c, []);
    if (result.outcome === "skip") t.skip(result.detail);
    else if (result.outcome === "fail") throw new Error(result.detail);
  });
}
