/**
 * What the model-based test files share: how many runs each property makes
 * and the fast-check parameters that read them from the environment, and the
 * table of typed numbers the models draw from.
 *
 * - `IOCURSOR_FC_RUNS=100000`: run more sequences per property.
 * - `IOCURSOR_FC_SEED=<seed>`: replay the run whose seed a failure printed.
 * - `IOCURSOR_FC_SHRINK=0`: report a failure without shrinking it (mutation
 *   runs).
 *
 * @module
 */

import type fc from "fast-check";
import { env } from "./_runtime_test_util.ts";

/** Sequences per property; `IOCURSOR_FC_RUNS` raises it (default 1,000). */
export const RUNS = Number(env("IOCURSOR_FC_RUNS") ?? 1000);
/** Replays one failing run when set to the seed a failure printed. */
const SEED = env("IOCURSOR_FC_SEED");
/** `IOCURSOR_FC_SHRINK=0` reports a failure without shrinking it (mutation runs). */
const SHRINK = env("IOCURSOR_FC_SHRINK") !== "0";

/** The fast-check parameters of every property: runs, seed, shrinking. */
export const params: fc.Parameters<unknown> = {
  numRuns: RUNS,
  endOnFailure: !SHRINK,
  ...(SEED === undefined ? {} : { seed: Number(SEED) }),
};

/** The typed numbers: size and DataView's accessors by name. */
export const NUMBER_KINDS = [
  ["Int8", 1],
  ["Uint8", 1],
  ["Int16", 2],
  ["Uint16", 2],
  ["Int32", 4],
  ["Uint32", 4],
  ["BigInt64", 8],
  ["BigUint64", 8],
  ["Float16", 2],
  ["Float32", 4],
  ["Float64", 8],
] as const;

/** Calls the method `name` of `target`: typed numbers are named at run time. */
export function invoke(
  target: object,
  name: string,
  ...args: unknown[]
): unknown {
  return (target as Record<string, (...a: unknown[]) => unknown>)[name]!(
    ...args,
  );
}
