// Runs the suite in Deno or Bun (and any runtime with top-level await) and
// prints `<runtime>: N passed, N failed`; exits with 1 if a case failed or
// none ran.

import { run } from "./harness.mjs";
import "./suite.mjs";

const result = await run();
for (const line of result.lines) console.log(line);
if (result.failed > 0 || result.passed === 0) {
  /** @type {any} */ (globalThis).process.exitCode = 1;
}
