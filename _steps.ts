/**
 * The step runner behind `writeTo()` and `readFrom()`: a copy is written once
 * as a generator of views, and run either synchronously or awaiting each
 * call.
 *
 * @module
 */

/** The steps of a copy: yields views, takes counts, returns the total. */
export type Steps = Generator<Uint8Array, number, unknown>;

/**
 * Runs the steps of a copy, answering each view it yields with `io(view)`.
 * If `io` throws, the steps are ended first so their cleanup runs.
 */
export function runSync(
  steps: Steps,
  io: (p: Uint8Array) => unknown,
): number {
  let step = steps.next();
  while (!step.done) {
    let answer: unknown;
    try {
      answer = io(step.value);
    } catch (error) {
      steps.return(0);
      throw error;
    }
    step = steps.next(answer);
  }
  return step.value;
}

/** The asynchronous form of {@linkcode runSync}: awaits each `io(view)`. */
export async function run(
  steps: Steps,
  io: (p: Uint8Array) => Promise<unknown>,
): Promise<number> {
  let step = steps.next();
  while (!step.done) {
    let answer: unknown;
    try {
      answer = await io(step.value);
    } catch (error) {
      steps.return(0);
      throw error;
    }
    step = steps.next(answer);
  }
  return step.value;
}
