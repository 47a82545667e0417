// Stryker configuration for @iocursor/cursor; run from the repository root
// with `deno task mutation`. Stryker copies the repository into a sandbox and
// runs the whole `deno test` suite once per mutant.
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// The modules to mutate are the ones the package ships: deno.json's
// `publish.include` is the one list of them (tools/shipped.ts checks that
// CONTRIBUTING.md's score table names the same).
const { publish } = JSON.parse(
  readFileSync(new URL("../../deno.json", import.meta.url), "utf8"),
);

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "command",
  commandRunner: {
    // Skip shrinking in the fast-check suites and stop at the first failing
    // test: a killed mutant needs one failure, not a minimal one.
    command: "IOCURSOR_FC_SHRINK=0 deno test --fail-fast --no-check " +
      "--allow-read --allow-write --allow-env --doc",
  },
  mutate: publish.include.filter((path) => path.endsWith(".ts")),
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
