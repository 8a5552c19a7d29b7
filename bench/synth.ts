/**
 * Synth benchmark: wall time of `npm run synth` for the platform (default configuration, and generated
 * configurations with more trusts) against a one-resource cdktf app run the same way; the synth-time
 * guard's share, measured inside the app process by `guard-timer`.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { Budget, budget, DIST, median, RESULTS, ROOT, timeCommand } from './measure';

export interface SynthRun {
  readonly wallMs: number;
  /** CPU time (user + system) of npm, the cdktf CLI and the app together, from /usr/bin/time. */
  readonly cpuMs: number;
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

const GNU_TIME = '/usr/bin/time';

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
  const npmArgs = ['run', '--silent', 'synth', '--', '--output', out];
  const [command, args] = existsSync(GNU_TIME)
    ? [GNU_TIME, ['-f', 'BENCH_CPU %U %S', 'npm', ...npmArgs]]
    : ['npm', npmArgs];
  const run = timeCommand(command, args, cwd, {
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
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
    stacks: Record<string, unknown>;
  };
  const cpu = /BENCH_CPU ([\d.]+) ([\d.]+)\s*$/.exec(run.stderr);
  return {
    wallMs: run.ms,
    cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN,
    appMs: records.reduce((n, r) => n + r.appMs, 0),
    appSynthMs: records.reduce((n, r) => n + r.synthMs, 0),
    guardMs: records.reduce((n, r) => n + r.guardMs, 0),
    stacks: Object.keys(manifest.stacks).length,
  };
}

interface SynthCase {
  readonly label: string;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly trusts?: number;
}

function summarise(c: SynthCase, all: readonly SynthRun[]): SynthResult {
  const wallMs = median(all.map((r) => r.wallMs));
  const guardMs = median(all.map((r) => r.guardMs));
  return {
    label: c.label,
    trusts: c.trusts,
    runs: all.length,
    wallMs,
    cpuMs: median(all.map((r) => r.cpuMs)),
    appMs: median(all.map((r) => r.appMs)),
    appSynthMs: median(all.map((r) => r.appSynthMs)),
    guardMs,
    stacks: all[0].stacks,
    guardShare: guardMs / wallMs,
  };
}

/** Runs every case once per round, round after round, so the machine's load falls on all cases alike. */
function benchInterleaved(
  cases: readonly SynthCase[],
  runs: number,
  log: (line: string) => void,
): SynthResult[] {
  const all: SynthRun[][] = cases.map(() => []);
  for (let i = 0; i < runs; i++) {
    cases.forEach((c, k) => {
      const r = synthOnce(c.cwd, c.env);
      all[k].push(r);
      log(
        `  synth ${c.label}: run ${i + 1}/${runs} ${r.wallMs.toFixed(0)} ms wall, ${r.cpuMs.toFixed(0)} ms cpu, app ${r.appMs.toFixed(0)} ms, guard ${r.guardMs.toFixed(0)} ms, ${r.stacks} stacks`,
      );
    });
  }
  return cases.map((c, k) => summarise(c, all[k]));
}

interface TrustConfig {
  readonly name: string;
  readonly apps?: Record<string, unknown>;
}

interface AdminGroup {
  readonly name: string;
  readonly scope: string;
  readonly role: string;
  readonly justification: string;
}

/**
 * The default configuration with `count` generated trusts, each in every environment. Trust i runs the
 * applications of the default configuration's trust i mod n, so every app kind the default exercises is
 * in the scaled platform too; each trust-scoped admin group of the default is re-scoped the same way.
 */
export function configWithTrusts(count: number): string {
  if (count > 63) throw new Error('the generated address plan has room for 63 trusts');
  const base = parseYaml(readFileSync(join(ROOT, 'config', 'default.yaml'), 'utf8')) as Record<
    string,
    unknown
  >;
  const templates = (base.trusts as readonly TrustConfig[] | undefined) ?? [];
  const access = (base.access ?? {}) as { adminGroups?: readonly AdminGroup[] };
  const trustNames = new Set(templates.map((t) => t.name));
  const groups = access.adminGroups ?? [];
  const trusts = Array.from({ length: count }, (_, i) => {
    const template = templates.length > 0 ? templates[i % templates.length] : undefined;
    return {
      name: `trust-${String(i + 1).padStart(2, '0')}`,
      code: `t${String(i + 1).padStart(2, '0')}`,
      displayName: `Benchmark trust ${i + 1}`,
      environments: {
        dev: { addressSpace: `10.0.${4 * (i + 1)}.0/22` },
        prod: { addressSpace: `10.64.${4 * (i + 1)}.0/22`, instances: 2 },
      },
      ...(template?.apps ? { apps: template.apps } : {}),
    };
  });
  const adminGroups = [
    ...groups.filter((g) => !trustNames.has(g.scope)),
    ...trusts.flatMap((trust, i) => {
      const template = templates[i % Math.max(templates.length, 1)];
      return groups
        .filter((g) => template !== undefined && g.scope === template.name)
        .map((g) => ({ ...g, name: `${trust.name}-admins`, scope: trust.name }));
    }),
  ];
  const dir = join(RESULTS, 'configs');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `trusts-${count}.yaml`);
  writeFileSync(file, stringifyYaml({ ...base, access: { ...access, adminGroups }, trusts }));
  return file;
}

export interface SynthBench {
  readonly oneResource: SynthResult;
  readonly platform: SynthResult;
  readonly scaling: readonly SynthResult[];
  /** Least-squares slope of wall time over stack count, ms per stack. */
  readonly perStackMs: number;
  readonly perStackCpuMs: number;
  readonly perStackGuardMs: number;
  /** Marginal ms per stack between consecutive sizes; a growing sequence means superlinear cost. */
  readonly marginalMs: readonly number[];
}

export function runSynthBench(
  trustCounts: readonly number[],
  runs: number,
  log: (line: string) => void,
): SynthBench {
  const cases: SynthCase[] = [
    { label: 'one-resource app', cwd: join(ROOT, 'bench', 'fixtures', 'one-resource'), env: {} },
    { label: 'platform (default config)', cwd: ROOT, env: {} },
    ...trustCounts.map((n) => ({
      label: `platform, ${n} trusts`,
      cwd: ROOT,
      env: { NORWAY_IAC_CONFIG: configWithTrusts(n) },
      trusts: n,
    })),
  ];
  const [oneResource, platform, ...scaling] = benchInterleaved(cases, runs, log);
  const marginalMs = scaling
    .slice(1)
    .map((r, i) => (r.wallMs - scaling[i].wallMs) / (r.stacks - scaling[i].stacks));
  return {
    oneResource,
    platform,
    scaling,
    perStackMs: slope(scaling.map((r) => [r.stacks, r.wallMs])),
    perStackCpuMs: slope(scaling.map((r) => [r.stacks, r.cpuMs])),
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
    budget(
      'synth: default platform / one-resource app (wall)',
      bench.platform.wallMs / bench.oneResource.wallMs,
      2,
    ),
    budget(
      'synth: default platform / one-resource app (CPU)',
      bench.platform.cpuMs / bench.oneResource.cpuMs,
      2,
    ),
    budget('synth: guard share, default platform', bench.platform.guardShare * 100, 20, '%'),
    ...bench.scaling.map((r) =>
      budget(`synth: guard share, ${r.trusts} trusts (${r.stacks} stacks)`, r.guardShare * 100, 20, '%'),
    ),
  ];
  // Linear growth keeps the marginal cost per stack flat; allow noise up to 2× the first step.
  if (bench.marginalMs.length >= 2 && bench.marginalMs[0] > 0) {
    budgets.push(
      budget(
        'synth: marginal cost per stack, last step / first step',
        bench.marginalMs[bench.marginalMs.length - 1] / bench.marginalMs[0],
        2,
      ),
    );
  }
  return budgets;
}
