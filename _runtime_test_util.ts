/**
 * Test helper: what the runtime running the suite lacks, and how a case says
 * so. The same `*_test.ts` files run on Deno, and (bundled, through
 * `@deno/shim-deno-test`) on Node, Bun and Chromium; a case that needs
 * something a runtime lacks is skipped there with its reason recorded in
 * {@linkcode skipReasons}, which each runtime's summary prints.
 */

import { Buffer } from "node:buffer";
import { Readable } from "node:stream";
import vm from "node:vm";

/** Why each skipped case was skipped on this runtime, by test name. */
export const skipReasons: Map<string, string> = new Map();

/**
 * Evaluates JavaScript in another realm, with its own `Uint8Array`,
 * `ArrayBuffer` and the rest: a `node:vm` context where the runtime has one
 * (Deno, Node, Bun), an iframe in a browser; `undefined` where neither is.
 */
export const otherRealm: ((code: string) => unknown) | undefined = makeRealm();

function makeRealm(): ((code: string) => unknown) | undefined {
  if (typeof vm?.createContext === "function") {
    const context = vm.createContext({});
    return (code) => vm.runInContext(code, context);
  }
  const { document } = globalThis as {
    document?: {
      body: { append(node: unknown): void };
      createElement(tag: "iframe"): {
        contentWindow: { eval(code: string): unknown } | null;
      };
    };
  };
  if (document === undefined) return undefined;
  const frame = document.createElement("iframe");
  document.body.append(frame);
  const realm = frame.contentWindow!;
  return (code) => realm.eval(code);
}

/** Why this runtime cannot run a kind of case; `undefined` where it can. */
export const missing = {
  /** Deno's own APIs: `Deno.FsFile`, `Deno.SeekMode`, `Deno.permissions`. */
  deno: typeof Deno.FsFile === "function"
    ? undefined
    : "needs Deno's own APIs (Deno.FsFile, Deno.SeekMode, Deno.permissions)",
  /** Float16 (`DataView.prototype.getFloat16`), new in JavaScript engines. */
  float16: typeof DataView.prototype.getFloat16 === "function"
    ? undefined
    : "this engine has no Float16 (DataView.prototype.getFloat16)",
  /** `ArrayBuffer.prototype.transfer()` and `detached` (ES2024). */
  transfer: typeof ArrayBuffer.prototype.transfer === "function"
    ? undefined
    : "this engine has no ArrayBuffer.prototype.transfer() or .detached",
  /** `ReadableStream.from()`, which Chromium lacks. */
  streamFrom: typeof ReadableStream.from === "function"
    ? undefined
    : "this engine has no ReadableStream.from()",
  /** Node's `Buffer` (the browser bundle maps `node:buffer` to nothing). */
  nodeBuffer: typeof Buffer === "function"
    ? undefined
    : "a browser has no Node Buffer",
  /** A `Uint8Array` longer than 2 GiB (allocated lazily where it can be). */
  hugeMemory: canAllocate(2 ** 31 + 64)
    ? undefined
    : "this engine cannot allocate a Uint8Array of 2 GiB",
  /** A `WebAssembly.Memory` of 32,769 pages: 2 GiB and 64 KiB. */
  hugeWasmMemory: canAllocateWasm(32_769)
    ? undefined
    : "this engine cannot make a WebAssembly memory of 2 GiB",
  /** A resizable `ArrayBuffer` that grows past 2 GiB. */
  hugeResizable: canResize(2 ** 31 + 64)
    ? undefined
    : "this engine cannot grow a resizable ArrayBuffer past 2 GiB",
  /** Another realm: a `node:vm` context, or an iframe in a browser. */
  otherRealm: otherRealm !== undefined
    ? undefined
    : "this runtime has neither node:vm nor a document for an iframe",
  /** Node's streams (the browser bundle maps `node:stream` to nothing). */
  nodeStreams: typeof Readable === "function"
    ? undefined
    : "a browser has no Node streams (node:stream)",
} as const;

/** Whether a `WebAssembly.Memory` of `pages` pages can be made here. */
function canAllocateWasm(pages: number): boolean {
  try {
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    return memory.buffer.byteLength === pages * 65_536;
  } catch {
    return false;
  }
}

/** Whether a resizable `ArrayBuffer` can grow to `length` bytes here. */
function canResize(length: number): boolean {
  try {
    const buffer = new ArrayBuffer(0, { maxByteLength: length });
    buffer.resize(length);
    return buffer.byteLength === length;
  } catch {
    return false;
  }
}

/** Whether a `Uint8Array` of `length` bytes can be made here. */
function canAllocate(length: number): boolean {
  try {
    return new Uint8Array(length).byteLength === length;
  } catch {
    return false;
  }
}

/**
 * Marks a `Deno.test` definition as skipped, recording why, when `reason` is
 * set (one of {@linkcode missing}); otherwise returns it unchanged.
 *
 * @example `Deno.test(requires(missing.float16, { name, fn }))`
 * @param reason Why the case cannot run here, or `undefined`.
 * @param definition The test.
 * @returns The test, ignored when `reason` is set.
 */
export function requires(
  reason: string | undefined,
  definition: Deno.TestDefinition,
): Deno.TestDefinition {
  if (reason === undefined) return definition;
  skipReasons.set(definition.name, reason);
  return { ...definition, ignore: true };
}

/**
 * A stream of `chunks`, like `ReadableStream.from(chunks)` on every runtime
 * (Chromium has no `ReadableStream.from()`).
 *
 * @param chunks What the stream yields, in order.
 * @returns The stream.
 */
export function streamOf<T>(chunks: Iterable<T>): ReadableStream<T> {
  const iterator = chunks[Symbol.iterator]();
  return new ReadableStream({
    pull(controller) {
      const next = iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  });
}

/**
 * Reads an environment variable on any runtime: through `Deno.env` where the
 * permission is granted, `process.env` on Node and Bun, and the `process.env`
 * that the browser page sets up.
 *
 * @param name The variable.
 * @returns Its value, or `undefined`.
 */
export function env(name: string): string | undefined {
  if (missing.deno === undefined) {
    const query = { name: "env", variable: name } as const;
    const granted = Deno.permissions.querySync(query).state === "granted";
    return granted ? Deno.env.get(name) : undefined;
  }
  const { process } = globalThis as {
    process?: { env: Record<string, string | undefined> };
  };
  return process?.env[name];
}
