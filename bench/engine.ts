/**
 * Policy engine benchmark: for generated plans and cdktf.out directories of a given size, the time to
 * JSON.parse the input alone against the full check (load + model + all rules + report), and the
 * check's peak RSS. Every measurement runs in a fresh node; parse and check runs alternate, and the
 * median of the runs is reported.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildResult } from './child';
import { Budget, budget, DIST, median, RESULTS, ROOT, runChild, timeCommand } from './measure';

/** `plan`: the estate shape; `plan-lean`: many small resources (per-resource cost dominates); `cdktf-out`. */
export type EngineInput = 'plan' | 'plan-lean' | 'cdktf-out';

export interface EngineResult {
  readonly input: EngineInput;
  readonly resources: number;
  /** Resources the model holds (cdktf.out adds one terraform_remote_state per cross-stack dependency). */
  readonly modelResources: number;
  readonly files: number;
  readonly bytes: number;
  readonly runs: number;
  /** Wall times (medians). */
  readonly parseMs: number;
  readonly readMs: number;
  readonly checkMs: number;
  /** CPU times (medians): what the budgets are judged on while the machine is shared. */
  readonly parseCpuMs: number;
  readonly checkCpuMs: number;
  /** check / parse, CPU time. */
  readonly ratio: number;
  /** check / parse, wall time. */
  readonly wallRatio: number;
  readonly checkRssMB: number;
  readonly parseRssMB: number;
  readonly rssLimitMB: number;
  readonly phases: {
    readonly loadMs: number;
    readonly rulesMs: number;
    readonly reportMs: number;
    readonly findings: number;
  };
}

const SEED = 1;

/** Generate (or reuse, when newer than the generator) the input of `resources` resources. */
export function fixture(input: EngineInput, resources: number): string {
  const dir = join(RESULTS, 'fixtures');
  mkdirSync(dir, { recursive: true });
  const plan = input !== 'cdktf-out';
  const path = join(dir, plan ? `${input}-${resources}-s${SEED}.json` : `cdktf-out-${resources}-s${SEED}`);
  const generator = join(DIST, 'scripts', 'generate-plan.js');
  const marker = plan ? path : join(path, 'manifest.json');
  if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(generator).mtimeMs) {
    const args = [
      '--resources',
      String(resources),
      '--seed',
      String(SEED),
      '--out',
      path,
      ...(plan ? [] : ['--format', 'cdktf-out']),
      ...(input === 'plan-lean' ? ['--shape', 'lean'] : []),
    ];
    timeCommand(process.execPath, [generator, ...args], ROOT);
  }
  return path;
}

export function benchEngine(
  input: EngineInput,
  resources: number,
  runs: number,
  log: (line: string) => void,
): EngineResult {
  const path = fixture(input, resources);
  const report = join(RESULTS, `report-${input}-${resources}.json`);
  const parses: ChildResult[] = [];
  const checks: ChildResult[] = [];
  for (let i = 0; i < runs; i++) {
    parses.push(runChild<ChildResult>('bench/child.js', ['parse', path]));
    checks.push(runChild<ChildResult>('bench/child.js', ['check', path, report, 'json']));
    log(
      `  ${input} ${resources}: run ${i + 1}/${runs} parse ${parses[i].ms.toFixed(0)} ms (cpu ${parses[i].cpuMs.toFixed(0)}), ` +
        `check ${checks[i].ms.toFixed(0)} ms (cpu ${checks[i].cpuMs.toFixed(0)}), ${checks[i].maxRssMB.toFixed(0)} MB`,
    );
  }
  const phases = runChild<ChildResult>('bench/child.js', ['phases', path, report, 'json']);
  const bytes = Number(parses[0].bytes);
  const parseMs = median(parses.map((p) => p.ms));
  const checkMs = median(checks.map((c) => c.ms));
  const parseCpuMs = median(parses.map((p) => p.cpuMs));
  const checkCpuMs = median(checks.map((c) => c.cpuMs));
  return {
    input,
    resources,
    modelResources: Number(phases.resources),
    files: Number(parses[0].files),
    bytes,
    runs,
    parseMs,
    readMs: median(parses.map((p) => Number(p.readMs))),
    checkMs,
    parseCpuMs,
    checkCpuMs,
    ratio: checkCpuMs / parseCpuMs,
    wallRatio: checkMs / parseMs,
    checkRssMB: median(checks.map((c) => c.maxRssMB)),
    parseRssMB: median(parses.map((p) => p.maxRssMB)),
    rssLimitMB: (4 * bytes) / 2 ** 20 + 150,
    phases: {
      loadMs: Number(phases.loadMs),
      rulesMs: Number(phases.rulesMs),
      reportMs: Number(phases.reportMs),
      findings: Number(phases.findings),
    },
  };
}

/** The budgets: ≤ 3× parse at 10k and 50k, each plan shape; 50k/10k ≤ 6; RSS ≤ 4× file + 150 MB. */
export function engineBudgets(results: readonly EngineResult[]): Budget[] {
  const budgets: Budget[] = [];
  for (const r of results) {
    const label = `${r.input} ${r.resources / 1000}k`;
    if (r.resources >= 10_000) budgets.push(budget(`${label}: check / JSON.parse (CPU)`, r.ratio, 3));
    budgets.push(budget(`${label}: peak RSS (MB)`, r.checkRssMB, r.rssLimitMB, 'MB'));
  }
  for (const input of ['plan', 'plan-lean', 'cdktf-out'] as const) {
    const at10 = results.find((r) => r.input === input && r.resources === 10_000);
    const at50 = results.find((r) => r.input === input && r.resources === 50_000);
    if (at10 && at50)
      budgets.push(budget(`${input}: check CPU time 50k / 10k`, at50.checkCpuMs / at10.checkCpuMs, 6));
  }
  return budgets;
}
