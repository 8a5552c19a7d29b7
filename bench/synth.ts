/**
 * Synth benchmark: wall time of `npm run synth` for the platform (default configuration, and generated
 * configurations with more trusts) against a one-resource cdktf app run the same way; the synth-time
 * guard's share, measured inside the app process by `guard-timer`.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { Budget, budget, DIST, median, RESULTS, ROOT, timeCommand } from './measure';

export interface SynthRun {
  readonly wallMs: number;
  /** Time from the app process's start (after node's own start-up) to its exit. */
  readonly appMs: number;
  /** Inside `app.synth()`: aspects (tags, the guard) and writing the JSON. */
  readonly appSynthMs: number;
  readonly guardMs: number;
  readonly stacks: number;
}

export interface SynthResult extends SynthRun {
  readonly label: string;
  readonly trusts?: number;
  readonly runs: number;
  readonly guardShare: number;
}

interface GuardRecord {
  readonly appMs: number;
  readonly synthMs: number;
  readonly guardMs: number;
}

/** `npm run synth` in `cwd`, into a fresh output directory, with the guard timer preloaded. */
function synthOnce(cwd: string, env: NodeJS.ProcessEnv): SynthRun {
  const out = join(RESULTS, 'synth-out');
  const timings = join(RESULTS, 'guard-timings.jsonl');
  rmSync(out, { recursive: true, force: true });
  rmSync(timings, { force: true });
  const preload = join(DIST, 'bench', 'guard-timer.js');
  const run = timeCommand('npm', ['run', '--silent', 'synth', '--', '--output', out], cwd, {
    CHECKPOINT_DISABLE: '1',
    CI: '1',
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${preload}`.trim(),
    BENCH_GUARD_OUT: timings,
    ...env,
  });
  const records = readFileSync(timings, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as GuardRecord);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { stacks: Record<string, unknown> };
  return {
    wallMs: run.ms,
    appMs: records.reduce((n, r) => n + r.appMs, 0),
    appSynthMs: records.reduce((n, r) => n + r.synthMs, 0),
    guardMs: records.reduce((n, r) => n + r.guardMs, 0),
    stacks: Object.keys(manifest.stacks).length,
  };
}

function benchSynth(label: string, cwd: string, runs: number, env: NodeJS.ProcessEnv, log: (line: string) => void, trusts?: number): SynthResult {
  const all: SynthRun[] = [];
  for (let i = 0; i < runs; i++) {
    all.push(synthOnce(cwd, env));
    const r = all[i];
    log(`  synth ${label}: run ${i + 1}/${runs} ${r.wallMs.toFixed(0)} ms wall, app ${r.appMs.toFixed(0)} ms, guard ${r.guardMs.toFixed(0)} ms, ${r.stacks} stacks`);
  }
  const wallMs = median(all.map((r) => r.wallMs));
  const guardMs = median(all.map((r) => r.guardMs));
  return {
    label,
    trusts,
    runs,
    wallMs,
    appMs: median(all.map((r) => r.appMs)),
    appSynthMs: median(all.map((r) => r.appSynthMs)),
    guardMs,
    stacks: all[0].stacks,
    guardShare: guardMs / wallMs,
  };
}

/** The default configuration with `count` generated trusts, each in every environment. */
export function configWithTrusts(count: number): string {
  if (count > 63) throw new Error('the generated address plan has room for 63 trusts');
  const base = parseYaml(readFileSync(join(ROOT, 'config', 'default.yaml'), 'utf8')) as Record<string, unknown>;
  const trusts = Array.from({ length: count }, (_, i) => ({
    name: `trust-${String(i + 1).padStart(2, '0')}`,
    code: `t${String(i + 1).padStart(2, '0')}`,
    displayName: `Benchmark trust ${i + 1}`,
    environments: {
      dev: { addressSpace: `10.0.${4 * (i + 1)}.0/22` },
      prod: { addressSpace: `10.64.${4 * (i + 1)}.0/22`, instances: 2 },
    },
  }));
  const dir = join(RESULTS, 'configs');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `trusts-${count}.yaml`);
  writeFileSync(file, stringifyYaml({ ...base, trusts }));
  return file;
}

export interface SynthBench {
  readonly oneResource: SynthResult;
  readonly platform: SynthResult;
  readonly scaling: readonly SynthResult[];
  /** Least-squares slope of wall time over stack count, ms per stack. */
  readonly perStackMs: number;
  readonly perStackGuardMs: number;
  /** Marginal ms per stack between consecutive sizes; a growing sequence means superlinear cost. */
  readonly marginalMs: readonly number[];
}

export function runSynthBench(trustCounts: readonly number[], runs: number, log: (line: string) => void): SynthBench {
  const oneResource = benchSynth('one-resource app', join(ROOT, 'bench', 'fixtures', 'one-resource'), runs, {}, log);
  const platform = benchSynth('platform (default config)', ROOT, runs, {}, log);
  const scaling = trustCounts.map((n) => benchSynth(`platform, ${n} trusts`, ROOT, runs, { NORWAY_IAC_CONFIG: configWithTrusts(n) }, log, n));
  const marginalMs = scaling.slice(1).map((r, i) => (r.wallMs - scaling[i].wallMs) / (r.stacks - scaling[i].stacks));
  return {
    oneResource,
    platform,
    scaling,
    perStackMs: slope(scaling.map((r) => [r.stacks, r.wallMs])),
    perStackGuardMs: slope(scaling.map((r) => [r.stacks, r.guardMs])),
    marginalMs,
  };
}

function slope(points: readonly (readonly [number, number])[]): number {
  const n = points.length;
  if (n < 2) return NaN;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxy / sxx;
}

/** The budgets: guard ≤ 20 % of synth wall time; platform ≤ 2× the one-resource app; no quadratic step. */
export function synthBudgets(bench: SynthBench): Budget[] {
  const budgets = [
    budget('synth: default platform / one-resource app', bench.platform.wallMs / bench.oneResource.wallMs, 2),
    budget('synth: guard share, default platform', bench.platform.guardShare * 100, 20, '%'),
    ...bench.scaling.map((r) => budget(`synth: guard share, ${r.trusts} trusts (${r.stacks} stacks)`, r.guardShare * 100, 20, '%')),
  ];
  // Linear growth keeps the marginal cost per stack flat; allow noise up to 2× the first step.
  if (bench.marginalMs.length >= 2 && bench.marginalMs[0] > 0) {
    budgets.push(budget('synth: marginal cost per stack, last step / first step', bench.marginalMs[bench.marginalMs.length - 1] / bench.marginalMs[0], 2));
  }
  return budgets;
}
