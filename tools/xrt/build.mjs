// Bundles every `*_test.ts` file at the repository root into one ES module per
// target, with esbuild: Node 20 cannot load TypeScript, and a browser cannot
// resolve bare or `node:` imports. The package is never bundled from source:
// `@iocursor/cursor` stays an import of the installed tarball (Node, Bun) or
// is bundled from it (browser).
//
// The entry first installs `@deno/shim-deno-test` as `globalThis.Deno` (as
// Deno's std does to run its tests on Node), in a module of its own so that
// it runs before the test files: each `Deno.test()` call then adds its
// definition to `testDefinitions`, which the entry exports with the reasons
// for skipped cases; node.mjs, bun.mjs and browser.mjs run that list.
//
// Usage: node tools/xrt/build.mjs <dir with node_modules/@iocursor/cursor>
// Writes <dir>/node_test.js and <dir>/browser_test.js.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

// The tools are pinned in deps/ (package.json + package-lock.json).
const { build } = createRequire(join(import.meta.dirname, "deps/"))("esbuild");

const root = resolve(import.meta.dirname, "../..");
const out = resolve(process.argv[2] ?? ".");
// The files `deno test` runs: deno.json's `exclude` leaves out the std interop
// suite, which needs the real @std packages and stays Deno's own.
const { exclude = [] } = JSON.parse(
  readFileSync(join(root, "deno.json"), "utf8"),
);
const tests = readdirSync(root)
  .filter((name) => name.endsWith("_test.ts") && !exclude.includes(name))
  .sort();
const entry = [
  `import "xrt:shim";`,
  ...tests.map((name) => `import "./${name}";`),
  `export { testDefinitions } from "@deno/shim-deno-test";`,
  `export { skipReasons } from "./_runtime_test_util.ts";`,
].join("\n");

// A browser has no `node:` modules: assertions come from the npm `assert`
// package (Node's assert ported to browsers); Buffer and streams resolve to
// `undefined`, so the cases that need them are skipped (see
// _runtime_test_util.ts) rather than failing to load.
const SHIM = `import { Deno } from "@deno/shim-deno-test";
globalThis.Deno ??= Deno;`;
const shim = {
  name: "shim",
  setup(build) {
    build.onResolve({ filter: /^xrt:shim$/ }, ({ path }) => ({
      path,
      namespace: "shim",
    }));
    build.onLoad({ filter: /.*/, namespace: "shim" }, () => ({
      contents: SHIM,
      resolveDir: import.meta.dirname,
    }));
  },
};

const BROWSER_MODULES = {
  "node:assert/strict": `export { strict as default } from "assert";`,
  "node:buffer": `export const Buffer = undefined;`,
  "node:stream": `export const Readable = undefined, Writable = undefined;`,
  "node:stream/promises": `export const pipeline = undefined;`,
  // Another realm comes from an iframe instead (see _runtime_test_util.ts).
  "node:vm": `export default undefined;`,
};
const browserModules = {
  name: "browser-modules",
  setup(build) {
    build.onResolve({ filter: /^node:/ }, ({ path }) => {
      if (!(path in BROWSER_MODULES)) {
        return { errors: [{ text: `no browser mapping for ${path}` }] };
      }
      return { path, namespace: "browser-modules" };
    });
    build.onLoad(
      { filter: /.*/, namespace: "browser-modules" },
      ({ path }) => ({
        contents: BROWSER_MODULES[path],
        resolveDir: import.meta.dirname,
      }),
    );
  },
};

const common = {
  stdin: { contents: entry, resolveDir: root, sourcefile: "all_tests.js" },
  bundle: true,
  format: "esm",
  // Failures on Node and Bun then point at the *_test.ts lines.
  sourcemap: "inline",
  target: "es2022",
  // Test files import npm packages by bare name (deno.json maps them for
  // Deno); here they come from this tool's own pinned node_modules.
  nodePaths: [join(import.meta.dirname, "deps/node_modules")],
  plugins: [shim],
  logLevel: "warning",
};
await build({
  ...common,
  platform: "node",
  external: ["@iocursor/cursor"],
  outfile: join(out, "node_test.js"),
});
await build({
  ...common,
  platform: "browser",
  nodePaths: [join(out, "node_modules"), ...common.nodePaths],
  plugins: [shim, browserModules],
  outfile: join(out, "browser_test.js"),
});
console.log(`bundled ${tests.length} test files for node, bun and browser`);
