/**
 * Checks the one list of shipped modules, deno.json's `publish.include`,
 * against what depends on it:
 *
 * - every module that mod.ts imports, directly or not, is shipped, and every
 *   shipped module is imported (a module left out would break the package;
 *   one left in would ship dead code);
 * - the score table under "## Mutation testing" in CONTRIBUTING.md has one
 *   row per shipped module, and no other.
 *
 * tools/mutation/stryker.config.mjs reads the list itself, so it cannot
 * drift. `deno task check` runs this file; it prints what differs and exits
 * 1, or prints one line and exits 0.
 *
 * @module
 */

const ROOT = new URL("../", import.meta.url);

/** The TypeScript modules of `publish.include`, in its order. */
export async function shippedModules(): Promise<string[]> {
  const config = JSON.parse(
    await Deno.readTextFile(new URL("deno.json", ROOT)),
  );
  const include: unknown = config.publish?.include;
  if (!Array.isArray(include)) {
    throw new Error("deno.json has no publish.include list");
  }
  return include.filter((path): path is string =>
    typeof path === "string" && path.endsWith(".ts")
  );
}

/** The relative modules that `module` imports or re-exports, as paths. */
async function importsOf(module: string): Promise<string[]> {
  const source = await Deno.readTextFile(new URL(module, ROOT));
  const found = source.matchAll(/\bfrom\s+"\.\/([^"]+\.ts)"/g);
  return [...new Set([...found].map((match) => match[1]!))];
}

/** Every module that `entry` reaches through relative imports, itself too. */
async function reachedFrom(entry: string): Promise<Set<string>> {
  const reached = new Set([entry]);
  for (const module of reached) {
    for (const imported of await importsOf(module)) reached.add(imported);
  }
  return reached;
}

/** The modules named in the first column of CONTRIBUTING's score table. */
async function scoreTableModules(): Promise<string[]> {
  const text = await Deno.readTextFile(new URL("CONTRIBUTING.md", ROOT));
  const section = text.split(/^## /m).find((part) =>
    part.startsWith("Mutation testing")
  );
  const lines = section?.split("\n") ?? [];
  const head = lines.findIndex((line) => /^\|\s*module\s*\|/.test(line));
  if (head === -1) {
    throw new Error(
      'CONTRIBUTING.md has no "| module |" table under "## Mutation testing"',
    );
  }
  const rows: string[] = [];
  for (const line of lines.slice(head + 2)) {
    if (!line.startsWith("|")) break;
    const name = /^\|\s*`([^`]+)`/.exec(line)?.[1];
    if (name === undefined) {
      throw new Error(`CONTRIBUTING.md: cannot read the score row ${line}`);
    }
    rows.push(name);
  }
  return rows;
}

/** What differs between the shipped list and what repeats it. */
export async function problems(): Promise<string[]> {
  const shipped = await shippedModules();
  const found: string[] = [];
  const reached = await reachedFrom("mod.ts");
  for (const module of reached) {
    if (!shipped.includes(module)) {
      found.push(`mod.ts imports ${module}, which publish.include leaves out`);
    }
  }
  for (const module of shipped) {
    if (!reached.has(module)) {
      found.push(`publish.include ships ${module}, which mod.ts never imports`);
    }
  }
  const rows = await scoreTableModules();
  for (const module of shipped) {
    const count = rows.filter((row) => row === module).length;
    if (count !== 1) {
      found.push(
        `CONTRIBUTING.md's score table has ${count} rows for ${module}, expected 1`,
      );
    }
  }
  for (const row of new Set(rows)) {
    if (!shipped.includes(row)) {
      found.push(
        `CONTRIBUTING.md's score table has a row for ${row}, which is not shipped`,
      );
    }
  }
  return found;
}

if (import.meta.main) {
  const found = await problems();
  if (found.length > 0) {
    console.error(
      "The shipped modules (deno.json publish.include) disagree with:",
    );
    for (const problem of found) console.error(`- ${problem}`);
    Deno.exit(1);
  }
  const count = (await shippedModules()).length;
  console.log(
    `shipped modules: the ${count} of publish.include, as mod.ts imports them and CONTRIBUTING.md scores them`,
  );
}
