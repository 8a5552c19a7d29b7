/**
 * One measurement in a fresh process, so peak RSS belongs to that measurement alone. Prints one JSON
 * line on stdout. Module loading happens before the clock starts; node start-up is not measured.
 *
 *   node dist/bench/child.js parse <path>     read and JSON.parse every JSON file of the input
 *   node dist/bench/child.js check <path>     the CLI's full check: load, model, all rules, report to a file
 *   node dist/bench/child.js phases <path>    the same, CPU time per phase (load / rules / report)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runCli } from '../policies/cli';
import { checkModels } from '../policies/engine/engine';
import { ALL_RULES } from '../policies/rules';
import { loadPath } from '../policies/model/load-path';
import { readManifest } from '../policies/model/load-cdktf-out';
import { analyse } from '../policies/analysis/analysis';
import { REPORTERS } from '../policies/reporters';
import { tuneForOneRun } from '../policies/cli-runtime';

/** The judging date is fixed so suppression expiry (and so the findings) never depends on the day. */
export const BENCH_TODAY = '2026-11-25';

export interface ChildResult {
  /** Wall time of the measured work. */
  readonly ms: number;
  /** CPU time (user + system, all threads incl. GC) of the measured work: robust on a busy shared machine. */
  readonly cpuMs: number;
  readonly maxRssMB: number;
  readonly [key: string]: number | string;
}

/** The JSON files a check of `path` reads: a plan file, or a cdktf.out manifest and every stack. */
export function jsonFilesOf(path: string): string[] {
  if (path.endsWith('.json')) return [path];
  return [join(path, 'manifest.json'), ...readManifest(path).map((s) => join(path, s.synthesizedStackPath))];
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

function maxRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

function parse(path: string): ChildResult {
  let readMs = 0;
  let parseMs = 0;
  let parseCpuMs = 0;
  let bytes = 0;
  const files = jsonFilesOf(path);
  for (const file of files) {
    const t0 = performance.now();
    const text = readFileSync(file).toString('utf8');
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    JSON.parse(text);
    parseCpuMs += cpuMs(c1);
    parseMs += performance.now() - t1;
    readMs += t1 - t0;
    bytes += Buffer.byteLength(text);
  }
  return { ms: parseMs, cpuMs: parseCpuMs, readMs, files: files.length, bytes, maxRssMB: maxRssMB() };
}

function check(path: string, out: string, format: string): ChildResult {
  let stderr = '';
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const exitCode = runCli(['check', path, '--format', format, '--output', out, '--today', BENCH_TODAY], {
    stdout: () => undefined,
    stderr: (text) => {
      stderr += text;
    },
  });
  const ms = performance.now() - t0;
  const cpu = cpuMs(c0);
  if (exitCode === 2) throw new Error(`norway-policy could not check ${path}: ${stderr.trim()}`);
  return { ms, cpuMs: cpu, exitCode, maxRssMB: maxRssMB() };
}

function phases(path: string, out: string, format: string): ChildResult {
  const c0 = process.cpuUsage();
  const models = loadPath(path);
  const c1 = process.cpuUsage();
  const report = checkModels(models, { rules: ALL_RULES, today: BENCH_TODAY });
  const c2 = process.cpuUsage();
  writeFileSync(out, REPORTERS[format](analyse(report)));
  const c3 = process.cpuUsage();
  const between = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user - a.user + b.system - a.system) / 1000;
  return {
    ms: NaN,
    cpuMs: between(c0, c3),
    loadMs: between(c0, c1),
    rulesMs: between(c1, c2),
    reportMs: between(c2, c3),
    resources: report.summary.resources,
    findings: report.findings.length,
    maxRssMB: maxRssMB(),
  };
}

function main(argv: readonly string[]): void {
  // The CLI's entry point tunes V8 the same way: parse and check are measured as `norway-policy` runs.
  tuneForOneRun();
  const [mode, path, out = '/dev/null', format = 'json'] = argv;
  const result =
    mode === 'parse'
      ? parse(path)
      : mode === 'check'
        ? check(path, out, format)
        : mode === 'phases'
          ? phases(path, out, format)
          : undefined;
  if (!result) throw new Error(`unknown mode ${mode}; use parse, check or phases`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (require.main === module) main(process.argv.slice(2));
