// The runtime-neutral test harness of the cross-runtime suite: case
// registration, skipping by feature, assertions and the summary line. It uses
// only the language and no runtime API, so Deno, Node, Bun and a browser page
// run it unchanged.

/** @type {{ name: string, fn: () => unknown }[]} */
const registered = [];

/** Thrown by {@linkcode requires} to mark a case skipped on this runtime. */
export class Skip extends Error {
  /** @param {string} reason Why the case cannot run here. */
  constructor(reason) {
    super(reason);
    this.name = "Skip";
  }
}

/**
 * Registers a case. Names say symbol and behaviour, as in the Deno tests.
 *
 * @param {string} name The case's name.
 * @param {() => unknown} fn The body; may return a promise.
 */
export function test(name, fn) {
  if (registered.some((c) => c.name === name)) {
    throw new Error(`Duplicate case name: ${name}`);
  }
  registered.push({ name, fn });
}

/** @returns {readonly { name: string, fn: () => unknown }[]} Every case. */
export function cases() {
  return registered;
}

/** What this runtime has; cases that need a feature call `requires`. */
export const features = {
  sharedArrayBuffer: typeof SharedArrayBuffer === "function",
  resizableArrayBuffer: typeof ArrayBuffer.prototype.resize === "function",
  growableSharedArrayBuffer: typeof SharedArrayBuffer === "function" &&
    typeof SharedArrayBuffer.prototype.grow === "function",
  nodeBuffer: typeof globalThis.Buffer === "function",
  symbolDispose: typeof Symbol.dispose === "symbol",
  transfer: typeof structuredClone === "function",
  float16: typeof DataView.prototype.getFloat16 === "function",
};

/**
 * Skips the calling case unless the runtime has `feature`.
 *
 * @param {keyof typeof features} feature The feature the case needs.
 */
export function requires(feature) {
  if (!features[feature]) throw new Skip(`no ${feature}`);
}

/** @returns {string} The runtime and its version, e.g. `node v20.20.2`. */
export function runtime() {
  const g = /** @type {any} */ (globalThis);
  if (g.Deno?.version) return `deno ${g.Deno.version.deno}`;
  if (g.Bun?.version) return `bun ${g.Bun.version}`;
  if (g.process?.versions?.node) return `node ${g.process.version}`;
  const ua = g.navigator?.userAgent ?? "unknown";
  return `browser ${
    /(?:HeadlessChrome|Chrome|Firefox|Version)\/[\d.]+/.exec(ua)?.[0] ?? ua
  }`;
}

/**
 * Runs one case and classifies its outcome. A case skipped for a feature
 * that is not in `allowedSkips` fails instead: the pinned runtimes must have
 * every feature, so a skip there would hide a broken setup.
 *
 * @param {{ name: string, fn: () => unknown }} c The case.
 * @param {readonly string[]} allowedSkips Skip reasons this runtime may give.
 * @returns {Promise<{ name: string, outcome: "pass" | "fail" | "skip", detail: string }>}
 */
export async function runCase(c, allowedSkips) {
  try {
    await c.fn();
    return { name: c.name, outcome: "pass", detail: "" };
  } catch (error) {
    if (error instanceof Skip) {
      if (allowedSkips.includes(error.message)) {
        return { name: c.name, outcome: "skip", detail: error.message };
      }
      const detail = `skipped for "${error.message}", which this runtime ` +
        `must not lack (allowed skips: ${allowedSkips.join(", ") || "none"})`;
      return { name: c.name, outcome: "fail", detail };
    }
    const e = /** @type {any} */ (error);
    return { name: c.name, outcome: "fail", detail: e?.stack ?? String(e) };
  }
}

/**
 * Runs every case in registration order, one at a time.
 *
 * @param {readonly string[]} [allowedSkips] Skip reasons this runtime may
 * give, such as `"no nodeBuffer"` in a browser; any other skip fails.
 * @returns {Promise<{ passed: number, failed: number, skipped: number, lines: string[] }>}
 * The counts and the lines to print: one per failure or skip reason, then
 * `<runtime>: N passed, N failed`.
 */
export async function run(allowedSkips = []) {
  const counts = { pass: 0, fail: 0, skip: 0 };
  /** @type {string[]} */
  const lines = [];
  /** @type {Map<string, number>} */
  const skips = new Map();
  for (const c of registered) {
    const result = await runCase(c, allowedSkips);
    counts[result.outcome]++;
    if (result.outcome === "fail") {
      lines.push(`FAIL ${result.name}\n  ${result.detail}`);
    } else if (result.outcome === "skip") {
      skips.set(result.detail, (skips.get(result.detail) ?? 0) + 1);
    }
  }
  for (const [reason, n] of skips) lines.push(`skipped ${n}: ${reason}`);
  lines.push(summary(runtime(), counts.pass, counts.fail, counts.skip));
  return {
    passed: counts.pass,
    failed: counts.fail,
    skipped: counts.skip,
    lines,
  };
}

/**
 * The one line each runtime prints.
 *
 * @param {string} name The runtime.
 * @param {number} passed Cases that passed.
 * @param {number} failed Cases that failed.
 * @param {number} skipped Cases skipped for a missing feature.
 * @returns {string} `<name>: N passed, N failed[, N skipped]`.
 */
export function summary(name, passed, failed, skipped) {
  const skip = skipped > 0 ? `, ${skipped} skipped` : "";
  return `${name}: ${passed} passed, ${failed} failed${skip}`;
}

// ---- Assertions (node:assert is not available in a browser) ----

/**
 * @param {unknown} value A value for a failure message.
 * @returns {string} The value, readable.
 */
function show(value) {
  if (typeof value === "bigint") return `${value}n`;
  if (ArrayBuffer.isView(value)) {
    const bytes = new Uint8Array(
      value.buffer,
      value.byteOffset,
      value.byteLength,
    );
    return `${value.constructor.name} [${bytes.join(", ")}]`;
  }
  if (typeof value === "string") return JSON.stringify(value);
  return String(value);
}

/**
 * Asserts `Object.is(actual, expected)`.
 *
 * @param {unknown} actual The value found.
 * @param {unknown} expected The value wanted.
 * @param {string} [what] What is compared, for the message.
 */
export function equal(actual, expected, what = "value") {
  if (!Object.is(actual, expected)) {
    throw new Error(`${what}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

/**
 * Asserts that a view holds exactly `expected` as bytes.
 *
 * @param {ArrayBufferView} actual The memory to read.
 * @param {ArrayLike<number>} expected The bytes wanted.
 * @param {string} [what] What is compared, for the message.
 */
export function bytes(actual, expected, what = "bytes") {
  const got = new Uint8Array(
    actual.buffer,
    actual.byteOffset,
    actual.byteLength,
  );
  const want = Uint8Array.from(expected);
  if (got.length !== want.length || got.some((b, i) => b !== want[i])) {
    throw new Error(`${what}: expected ${show(want)}, got ${show(got)}`);
  }
}

/**
 * Asserts that `error` is exactly of class `Class` (not a subclass, unless
 * `Class` is that subclass) with `message`.
 *
 * @param {unknown} error The error caught.
 * @param {Function} Class The error's exact class.
 * @param {string} message The exact message.
 */
function assertError(error, Class, message) {
  if (!(error instanceof Error)) {
    throw new Error(`expected ${Class.name}, got non-error ${show(error)}`);
  }
  if (Object.getPrototypeOf(error) !== Class.prototype) {
    throw new Error(
      `expected ${Class.name}, got ${error.constructor.name}: ${error.message}`,
    );
  }
  equal(error.message, message, `${Class.name} message`);
}

/**
 * Asserts that `fn` throws synchronously an error of exactly class `Class`
 * with `message`.
 *
 * @param {() => unknown} fn The call expected to throw.
 * @param {Function} Class The error's exact class.
 * @param {string} message The exact message.
 * @returns {any} The error, for further checks.
 */
export function throws(fn, Class, message) {
  try {
    fn();
  } catch (error) {
    assertError(error, Class, message);
    return error;
  }
  throw new Error(`expected ${Class.name} "${message}", nothing was thrown`);
}

/**
 * Asserts that `call` returns a promise (without throwing) that rejects with
 * an error of exactly class `Class` with `message`.
 *
 * @param {() => unknown} call The async call expected to reject.
 * @param {Function} Class The error's exact class.
 * @param {string} message The exact message.
 * @returns {Promise<any>} The error, for further checks.
 */
export async function rejects(call, Class, message) {
  let promise;
  try {
    promise = call();
  } catch (error) {
    throw new Error(
      `expected a rejected promise, got a synchronous throw: ${error}`,
    );
  }
  if (!(promise instanceof Promise)) {
    throw new Error(`expected a promise, got ${show(promise)}`);
  }
  try {
    await promise;
  } catch (error) {
    assertError(error, Class, message);
    return error;
  }
  throw new Error(`expected ${Class.name} "${message}", the promise fulfilled`);
}
