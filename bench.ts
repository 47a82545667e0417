/**
 * The benchmarks, one module per subject in bench/: `deno bench` finds this
 * file and runs every group they register, in this order.
 *
 * - bench/cursor.ts: wrapping, reads, writes, typed numbers, seeks, drains;
 * - bench/views.ts: views and typed numbers next to @hazae41/cursor;
 * - bench/text.ts: lines and strings;
 * - bench/streams.ts: Web Streams, `writeTo`/`readFrom`, @std/io's `copy`;
 * - bench/varints.ts: LEB128 varints next to protobufjs and bytebuffer;
 * - bench/growth.ts: 1 MiB written from empty memory, against growing peers.
 *
 * bench/memory.ts (the memory of many wraps) runs in a process of its own;
 * bench/_util.ts is what they share. Run everything with `deno task bench`,
 * one group with `deno bench --allow-read --allow-write --filter <name>
 * bench.ts`; `deno task bench:report` writes BENCHMARKS.md.
 *
 * @module
 */

import "./bench/cursor.ts";
import "./bench/views.ts";
import "./bench/text.ts";
import "./bench/streams.ts";
import "./bench/varints.ts";
// Last: its rows resize buffers hundreds of thousands of times.
import "./bench/growth.ts";
