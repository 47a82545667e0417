/**
 * Real WebAssembly clients for the tests, given as bytes (no toolchain): a
 * module that exports its memory and functions that read, write and grow
 * it, so that a cursor and wasm code work on the same memory.
 *
 * The module, in the text format:
 *
 * ```wat
 * (module
 *   (memory (export "memory") 1 16)
 *   ;; The sum of `count` little-endian u32 from `at`, wrapping at 2^32.
 *   (func (export "sum") (param $at i32) (param $count i32) (result i32)
 *     (local $sum i32)
 *     (block (loop
 *       (br_if 1 (i32.eqz (local.get $count)))
 *       (local.set $sum (i32.add (local.get $sum) (i32.load (local.get $at))))
 *       (local.set $at (i32.add (local.get $at) (i32.const 4)))
 *       (local.set $count (i32.sub (local.get $count) (i32.const 1)))
 *       (br 0)))
 *     (local.get $sum))
 *   ;; Grows the memory by `pages`: the old size in pages, or -1.
 *   (func (export "grow") (param $pages i32) (result i32)
 *     (memory.grow (local.get $pages)))
 *   ;; Stores `value` as a little-endian u32 at `at`.
 *   (func (export "put") (param $at i32) (param $value i32)
 *     (i32.store (local.get $at) (local.get $value))))
 * ```
 *
 * @module
 */

/** A section: its id, its size as one LEB128 byte, its bytes. */
function section(id: number, bytes: number[]): number[] {
  if (bytes.length > 127) throw new Error("section too long for one byte");
  return [id, bytes.length, ...bytes];
}

/** A name: its length, then its UTF-8 bytes (ASCII here). */
function name(text: string): number[] {
  return [text.length, ...[...text].map((c) => c.charCodeAt(0))];
}

/** A function body: its size, then its bytes. */
function body(bytes: number[]): number[] {
  return [bytes.length, ...bytes];
}

const I32 = 0x7f;
const FUNC = 0x60;
const LOCAL_GET = 0x20;
const LOCAL_SET = 0x21;
const END = 0x0b;

/** The bytes of the module above. */
export const WASM_BYTES: Uint8Array<ArrayBuffer> = new Uint8Array([
  // Magic and version.
  0x00,
  0x61,
  0x73,
  0x6d,
  0x01,
  0x00,
  0x00,
  0x00,
  // Types: 0 (i32, i32) -> i32; 1 (i32) -> i32; 2 (i32, i32) -> ().
  ...section(1, [
    3,
    ...[FUNC, 2, I32, I32, 1, I32],
    ...[FUNC, 1, I32, 1, I32],
    ...[FUNC, 2, I32, I32, 0],
  ]),
  // Functions: sum, grow, put.
  ...section(3, [3, 0, 1, 2]),
  // Memory: at least 1 page, at most 16.
  ...section(5, [1, 0x01, 1, 16]),
  // Exports.
  ...section(7, [
    4,
    ...name("memory"),
    0x02,
    0,
    ...name("sum"),
    0x00,
    0,
    ...name("grow"),
    0x00,
    1,
    ...name("put"),
    0x00,
    2,
  ]),
  // Code.
  ...section(10, [
    3,
    ...body([
      // One local i32: the sum.
      1,
      1,
      I32,
      ...[0x02, 0x40], // block
      ...[0x03, 0x40], // loop
      ...[LOCAL_GET, 1, 0x45, 0x0d, 1], // br_if 1 (count == 0)
      ...[LOCAL_GET, 2, LOCAL_GET, 0, 0x28, 2, 0, 0x6a, LOCAL_SET, 2],
      ...[LOCAL_GET, 0, 0x41, 4, 0x6a, LOCAL_SET, 0],
      ...[LOCAL_GET, 1, 0x41, 1, 0x6b, LOCAL_SET, 1],
      ...[0x0c, 0], // br 0
      END,
      END,
      LOCAL_GET,
      2,
      END,
    ]),
    ...body([0, LOCAL_GET, 0, 0x40, 0, END]),
    ...body([0, LOCAL_GET, 0, LOCAL_GET, 1, 0x36, 2, 0, END]),
  ]),
]);

/** What the module exports. */
export interface WasmClient {
  memory: WebAssembly.Memory;
  sum(at: number, count: number): number;
  grow(pages: number): number;
  put(at: number, value: number): void;
}

/** A new instance of the module, with a memory of its own. */
export function wasmClient(): WasmClient {
  const module = new WebAssembly.Module(WASM_BYTES);
  return new WebAssembly.Instance(module).exports as unknown as WasmClient;
}

/** The size of a WebAssembly page: 64 KiB. */
export const PAGE = 65_536;

/** Why a case that needs `toResizableBuffer()` cannot run here. */
export const noResizableBuffer =
  typeof (WebAssembly.Memory.prototype as { toResizableBuffer?: unknown })
      .toResizableBuffer === "function"
    ? undefined
    : "this engine has no WebAssembly.Memory.prototype.toResizableBuffer()";

/** `memory.toResizableBuffer()`, typed. */
export function resizableOf(memory: WebAssembly.Memory): ArrayBuffer {
  return (memory as unknown as { toResizableBuffer(): ArrayBuffer })
    .toResizableBuffer();
}
