/**
 * One measurement in a fresh process, so peak RSS belongs to that measurement alone. Prints one JSON
 * line on stdout. Module loading happens before the clock starts; node start-up is not measured.
 *
 *   node dist/bench/child.js parse <path>     read and JSON.parse every JSON file of the input
 *   node dist/bench/child.js check <path>     the CLI's full check: load, model, all rules, report to a file
 *   node dist/bench/child.js phases <path>    the same, timed per phase (load / rules / report)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runCli } from '../policies/cli';
import { checkModels } from '../policies/engine/engine';
import { loadPath } from '../policies/model/load-path';
import { readManifest } from '../policies/model/load-cdktf-out';
import { REPORTERS } from '../policies/reporters';

/** The judging date is fixed so suppression expiry (and so the findings) never depends on the day. */
export const BENCH_TODAY = '2026-11-25';

export interface ChildResult {
  readonly ms: number;
  readonly maxRssMB: number;
  readonly [key: string]: number | string;
}

/** The JSON files a check of `path` reads: a plan file, or a cdktf.out manifest and every stack. */
export function jsonFilesOf(path: string): string[] {
  if (path.endsWith('.json')) return [path];
  return [join(path, 'manifest.json'), ...readManifest(path).map((s) => join(path, s.synthesizedStackPath))];
}

function maxRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

function parse(path: string): ChildResult {
  let readMs = 0;
  let parseMs = 0;
  let bytes = 0;
  const files = jsonFilesOf(path);
  for (const file of files) {
    const t0 = performance.now();
    const text = readFileSync(file).toString('utf8');
    const t1 = performance.now();
    JSON.parse(text);
    parseMs += performance.now() - t1;
    readMs += t1 - t0;
    bytes += text.length;
  }
  return { ms: parseMs, readMs, parseMs, files: files.length, bytes, maxRssMB: maxRssMB() };
}

function check(path: string, out: string, format: string): ChildResult {
  let stderr = '';
  const t0 = performance.now();
  const exitCode = runCli(['check', path, '--format', format, '--output', out, '--today', BENCH_TODAY], {
    stdout: () => undefined,
    stderr: (text) => {
      stderr += text;
    },
  });
  const ms = performance.now() - t0;
  if (exitCode === 2) throw new Error(`norway-policy could not check ${path}: ${stderr.trim()}`);
  return { ms, exitCode, maxRssMB: maxRssMB() };
}

function phases(path: string, out: string, format: string): ChildResult {
  const t0 = performance.now();
  const models = loadPath(path);
  const t1 = performance.now();
  const report = checkModels(models, { today: BENCH_TODAY });
  const t2 = performance.now();
  writeFileSync(out, REPORTERS[format](report));
  const t3 = performance.now();
  return {
    ms: t3 - t0,
    loadMs: t1 - t0,
    rulesMs: t2 - t1,
    reportMs: t3 - t2,
    resources: report.summary.resources,
    findings: report.findings.length,
    maxRssMB: maxRssMB(),
  };
}

function main(argv: readonly string[]): void {
  const [mode, path, out = '/dev/null', format = 'json'] = argv;
  const result = mode === 'parse' ? parse(path) : mode === 'check' ? check(path, out, format) : mode === 'phases' ? phases(path, out, format) : undefined;
  if (!result) throw new Error(`unknown mode ${mode}; use parse, check or phases`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (require.main === module) main(process.argv.slice(2));
