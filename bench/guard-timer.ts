/**
 * Preloaded into the synth processes (`NODE_OPTIONS=--require dist/bench/guard-timer.js`) to measure,
 * from inside the cdktf app, how long the synth-time policy guard and `app.synth()` take, without
 * changing the project's code. Wraps `PolicyGuard.prototype.visit` and `check` and `App.prototype.synth`
 * the first time a module exporting them is loaded; on exit, appends one JSON line per app process to
 * `BENCH_GUARD_OUT`.
 */
import { appendFileSync } from 'node:fs';
import Module from 'node:module';
import { performance } from 'node:perf_hooks';

interface Timings {
  guardMs: number;
  guardVisits: number;
  synthMs: number;
  sawApp: boolean;
}

const out = process.env.BENCH_GUARD_OUT;
const timings: Timings = { guardMs: 0, guardVisits: 0, synthMs: 0, sawApp: false };
const startedAt = performance.now();
const wrapped = new WeakSet<object>();

type Method = (this: unknown, ...args: unknown[]) => unknown;

function wrap(proto: Record<string, unknown>, method: string, record: (ms: number) => void): void {
  const original = proto[method] as Method;
  if (typeof original !== 'function' || wrapped.has(original)) return;
  const timed: Method = function (this: unknown, ...args: unknown[]) {
    const t0 = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      record(performance.now() - t0);
    }
  };
  wrapped.add(timed);
  proto[method] = timed;
}

function instrument(exports: unknown): void {
  if (typeof exports !== 'object' && typeof exports !== 'function') return;
  if (exports === null) return;
  const e = exports as Record<string, { prototype?: Record<string, unknown> } | undefined>;
  const guard = e.PolicyGuard?.prototype;
  if (guard && typeof guard.visit === 'function') {
    wrap(guard, 'visit', (ms) => {
      timings.guardMs += ms;
      timings.guardVisits++;
    });
    // The aspect only registers a custom synthesis; the (private) `check` it schedules does the work,
    // after every aspect, just before cdktf writes the stack.
    wrap(guard, 'check', (ms) => {
      timings.guardMs += ms;
    });
  }
  const app = e.App?.prototype;
  if (app && typeof app.synth === 'function' && 'TerraformStack' in e) {
    timings.sawApp = true;
    wrap(app, 'synth', (ms) => {
      timings.synthMs += ms;
    });
  }
}

if (out) {
  const loader = Module as unknown as {
    _load: (request: string, parent: unknown, isMain: boolean) => unknown;
  };
  const load = loader._load;
  loader._load = function (request: string, parent: unknown, isMain: boolean) {
    const exports = load.call(this, request, parent, isMain);
    if (request === 'cdktf' || /policies[/\\]cdktf[/\\]guard/.test(request)) instrument(exports);
    return exports;
  };
  process.on('exit', () => {
    // The cdktf CLI loads cdktf too; only the app process calls app.synth().
    if (!timings.sawApp || timings.synthMs === 0) return;
    const appMs = performance.now() - startedAt;
    appendFileSync(out, `${JSON.stringify({ pid: process.pid, appMs, ...timings })}\n`);
  });
}
