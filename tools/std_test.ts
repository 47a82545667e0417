/**
 * Runs (`test`) or checks (`check`: format, lint, type-check) the std interop
 * suite, `std_interop_test.ts`, against the real Deno standard library:
 *
 * 1. the unmodified copy in `../shared/std` next to the project, when there
 *    is one (its `import_map.json` is merged into a generated config);
 * 2. otherwise JSR, through the `@std/*` imports of deno.json, when the
 *    packages can be cached;
 * 3. otherwise it prints one line saying the suite was skipped, and exits 0.
 *
 * deno.json excludes the suite from `deno test`, `deno check .`, `deno fmt`
 * and `deno lint`, so that those never try to reach JSR; this tool hands the
 * suite to the same commands with a config of its own (deno.json's compiler
 * options and lint rules, and the imports chosen above) written to a
 * temporary folder.
 *
 * Run it with `deno task test:std` or `deno task check:std`.
 *
 * @module
 */

const SUITE = "std_interop_test.ts";
const ROOT = new URL("../", import.meta.url);
const SHARED = new URL("../shared/std/", ROOT);
const MODES = ["test", "check"] as const;
type Mode = typeof MODES[number];

/** The config of deno.json, as far as this tool reads it. */
interface Config {
  compilerOptions?: unknown;
  lint?: unknown;
  imports?: Record<string, string>;
}

/** Where the @std packages come from, and the imports that point there. */
interface Source {
  label: string;
  imports: Record<string, string>;
}

async function exists(url: URL): Promise<boolean> {
  try {
    await Deno.stat(url);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}

/**
 * deno.json's imports without its `@std/*` ones, plus every entry of the
 * shared import map made absolute (its paths are relative to the map).
 */
async function sharedImports(config: Config): Promise<Record<string, string>> {
  const mapUrl = new URL("import_map.json", SHARED);
  const map: { imports: Record<string, string> } = JSON.parse(
    await Deno.readTextFile(mapUrl),
  );
  const imports: Record<string, string> = {};
  for (const [name, target] of Object.entries(config.imports ?? {})) {
    if (!name.startsWith("@std/")) imports[name] = target;
  }
  for (const [name, target] of Object.entries(map.imports)) {
    imports[name] = new URL(target, mapUrl).href;
  }
  return imports;
}

/** Runs `deno ...args`; its output goes to ours unless `quiet`. */
async function deno(
  args: string[],
  quiet = false,
): Promise<{ success: boolean; stderr: string }> {
  const output = await new Deno.Command(Deno.execPath(), {
    args,
    cwd: ROOT,
    stdout: quiet ? "null" : "inherit",
    stderr: quiet ? "piped" : "inherit",
  }).output();
  return {
    success: output.success,
    stderr: quiet ? new TextDecoder().decode(output.stderr) : "",
  };
}

/** The `error:` line of Deno's output (else its first line), uncoloured. */
function reason(text: string): string {
  // deno-lint-ignore no-control-regex -- strips ANSI colour codes
  const lines = text.replace(/\x1b\[[0-9;]*m/g, "").split("\n")
    .map((line) => line.trim()).filter((line) => line !== "");
  return lines.find((line) => line.startsWith("error:")) ?? lines[0] ??
    "no message";
}

async function main(mode: Mode): Promise<number> {
  const config: Config = JSON.parse(
    await Deno.readTextFile(new URL("deno.json", ROOT)),
  );
  const folder = await Deno.makeTempDir({ prefix: "std_test_" });
  const generated = `${folder}/deno.json`;
  const write = (source: Source) =>
    Deno.writeTextFile(
      generated,
      JSON.stringify({
        compilerOptions: config.compilerOptions,
        lint: config.lint,
        imports: source.imports,
      }),
    );
  try {
    let source: Source;
    if (await exists(new URL("import_map.json", SHARED))) {
      source = { label: "../shared/std", imports: await sharedImports(config) };
      await write(source);
    } else {
      source = { label: "JSR", imports: config.imports ?? {} };
      await write(source);
      const cached = await deno(
        ["cache", "--config", generated, "--no-lock", SUITE],
        true,
      );
      if (!cached.success) {
        console.log(
          `std interop suite skipped: ../shared/std does not exist and the ` +
            `@std packages could not be loaded from JSR (${
              reason(cached.stderr)
            })`,
        );
        return 0;
      }
    }
    console.log(`std interop suite (${mode}) against ${source.label}`);
    const common = ["--config", generated, "--no-lock"];
    const steps = mode === "test"
      ? [["test", "--allow-read", ...common, SUITE]]
      : [
        ["fmt", "--check", "--config", generated, SUITE],
        ["lint", "--config", generated, SUITE],
        ["check", ...common, SUITE],
      ];
    for (const args of steps) {
      if (!(await deno(args)).success) return 1;
    }
    return 0;
  } finally {
    await Deno.remove(folder, { recursive: true });
  }
}

if (import.meta.main) {
  const mode = Deno.args[0] as Mode;
  if (Deno.args.length !== 1 || !MODES.includes(mode)) {
    console.error(
      `Cannot run the std interop suite: expected one argument, "test" or ` +
        `"check", received ${JSON.stringify(Deno.args)}`,
    );
    Deno.exit(2);
  }
  Deno.exit(await main(mode));
}
