/**
 * V8 settings for a `norway-policy` process, applied by the CLI's entry point before the CLI loads
 * (never by the library: the synth-time guard and jest run inside other people's processes).
 *
 * A check makes one pass over its inputs. V8's default tiering, made for pages and servers that run for
 * hours, sends every function that has run a few thousand times to the optimising compiler; in a single
 * pass most of those compilations never pay back, and they run on a background thread, so they cost CPU
 * time (what a CI runner bills) without saving wall time. A larger interrupt budget optimises only what is
 * really hot: on a 10k-resource plan it halved the compilations and cut the check's CPU time by about a
 * fifth, and on a 50k-resource plan, where more code is hot long enough to pay back, it still helped
 * (docs/performance.md, sixth round). What is optimised is compiled with less inlining, for the same reason.
 */
import { setFlagsFromString } from 'node:v8';

/** Four times V8's default (67,584 bytes of bytecode executed between tier-up decisions). */
export const INTERRUPT_BUDGET = 4 * 67_584;

/**
 * The largest function (bytes of bytecode) the optimising compiler inlines into another; V8's default is
 * 460. The walks over every value of every resource (data flow, masking, the duplicate-key tally) call
 * many small helpers, and with the default each was compiled as one large graph: on a 10k-resource plan
 * compilation took ~290 ms of background CPU, more than a third of the check beyond the parse. At 60 it
 * takes ~175 ms, and the check's CPU time falls by 5–9 % on both plan shapes (docs/performance.md, eighth
 * round); smaller limits gained nothing more.
 */
export const MAX_INLINED_BYTECODE_SIZE = 60;

export const CLI_V8_FLAGS: readonly string[] = [
  `--interrupt-budget=${INTERRUPT_BUDGET}`,
  `--max-inlined-bytecode-size=${MAX_INLINED_BYTECODE_SIZE}`,
];

/** Apply `CLI_V8_FLAGS` to this process. */
export function tuneForOneRun(): void {
  for (const flag of CLI_V8_FLAGS) setFlagsFromString(flag);
}
