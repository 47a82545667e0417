// Stryker configuration for @iocursor/cursor; run from the repository root
// with `deno task mutation`. Stryker copies the repository into a sandbox and
// runs the whole `deno test` suite once per mutant.
import { tmpdir } from "node:os";
import { join } from "node:path";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "command",
  commandRunner: {
    // Skip shrinking in the fast-check suites and stop at the first failing
    // test: a killed mutant needs one failure, not a minimal one.
    command: "IOCURSOR_FC_SHRINK=0 deno test --fail-fast --no-check " +
      "--allow-read --allow-write --allow-env --doc",
  },
  mutate: [
    "cursor.ts",
    "seeker.ts",
    "errors.ts",
    "types.ts",
    "_bytes.ts",
    "_checks.ts",
    "_growth.ts",
    "_position.ts",
    "_steps.ts",
    "_text.ts",
  ],
  ignorePatterns: ["tools", ".coverage", "docs"],
  coverageAnalysis: "off",
  concurrency: 2,
  timeoutMS: 20000,
  reporters: ["clear-text", "progress", "json"],
  jsonReporter: { fileName: "tools/mutation/reports/mutation.json" },
  // Outside the repository: Deno reads every deno.json above the working
  // directory, so a sandbox inside the repo would depend on the live one.
  tempDirName: join(tmpdir(), "iocursor-stryker"),
  cleanTempDir: "always",
};
