/**
 * `npm run bench`: the performance benchmarks of issue 7. Prints tables with every figure next to its
 * budget and writes bench/results/latest.json. Not a test: timings depend on the machine.
 *
 *   npm run bench                              engine at 1k/10k/50k, synth with 3/10/30 trusts, 5 runs each
 *   npm run bench -- --quick                   1k/10k and 3/10 trusts, 3 runs (a few minutes less)
 *   npm run bench -- --runs 7 --sizes 10000 --trusts 3,30 --skip-synth --tests
 *   npm run bench -- --quick --skip-synth --inputs plan,plan-lean   the two plan shapes only
 */
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchEngine, EngineInput, engineBudgets, EngineResult } from './engine';
import { Budget, fmt, RESULTS, ROOT, table, timeCommand } from './measure';
import { runSynthBench, SynthBench, synthBudgets } from './synth';

interface Options {
  readonly runs: number;
  readonly sizes: number[];
  readonly trusts: number[];
  readonly engine: boolean;
  readonly synth: boolean;
  readonly tests: boolean;
  readonly inputs: EngineInput[];
}

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const list = (name: string, fallback: number[]) =>
    value(name) ? String(value(name)).split(',').map(Number) : fallback;
  const quick = argv.includes('--quick');
  const inputs = value('inputs')
    ? (String(value('inputs')).split(',') as EngineInput[])
    : (['plan', 'plan-lean', 'cdktf-out'] as EngineInput[]);
  return {
    runs: Number(value('runs') ?? (quick ? 3 : 5)),
    sizes: list('sizes', quick ? [1000, 10_000] : [1000, 10_000, 50_000]),
    trusts: list('trusts', quick ? [3, 10] : [3, 10, 30]),
    engine: !argv.includes('--skip-engine'),
    synth: !argv.includes('--skip-synth'),
    tests: argv.includes('--tests'),
    inputs,
  };
}

function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    os: `${osType()} ${release()}`,
    node: process.version,
    loadAverageAtStart: loadavg().map((l) => Number(l.toFixed(2))),
  };
}

function engineTable(results: readonly EngineResult[]): string {
  return table(
    [
      'input',
      'resources',
      'files',
      'MB',
      'parse cpu',
      'check cpu',
      'ratio (≤3)',
      'parse wall',
      'check wall',
      'wall ratio',
      'load',
      'rules',
      'report',
      'findings',
      'RSS MB',
      'RSS limit',
    ],
    results.map((r) => [
      r.input,
      String(r.modelResources),
      String(r.files),
      fmt(r.bytes / 2 ** 20, 1),
      fmt(r.parseCpuMs),
      fmt(r.checkCpuMs),
      fmt(r.ratio, 2),
      fmt(r.parseMs),
      fmt(r.checkMs),
      fmt(r.wallRatio, 2),
      fmt(r.phases.loadMs),
      fmt(r.phases.rulesMs),
      fmt(r.phases.reportMs),
      String(r.phases.findings),
      fmt(r.checkRssMB),
      fmt(r.rssLimitMB),
    ]),
  );
}

function synthTable(bench: SynthBench): string {
  const rows = [bench.oneResource, bench.platform, ...bench.scaling];
  return table(
    ['app', 'stacks', 'wall ms', 'cpu ms', 'app ms', 'app.synth ms', 'guard ms', 'guard %', '× one-resource'],
    rows.map((r) => [
      r.label,
      String(r.stacks),
      fmt(r.wallMs),
      fmt(r.cpuMs),
      fmt(r.appMs),
      fmt(r.appSynthMs),
      fmt(r.guardMs),
      fmt(r.guardShare * 100, 1),
      fmt(r.wallMs / bench.oneResource.wallMs, 2),
    ]),
  );
}

function budgetTable(budgets: readonly Budget[]): string {
  return table(
    ['budget', 'measured', 'limit', 'holds'],
    budgets.map((b) => [
      b.name,
      `${fmt(b.value, b.unit === '×' ? 2 : 1)}${b.unit === '%' ? ' %' : b.unit === '×' ? '×' : ''}`,
      `${fmt(b.limit, b.unit === 'MB' ? 0 : 1)}${b.unit === '%' ? ' %' : b.unit === '×' ? '×' : ''}`,
      b.ok ? 'yes' : 'NO',
    ]),
  );
}

function main(argv: readonly string[]): void {
  const options = parseOptions(argv);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  mkdirSync(RESULTS, { recursive: true });
  const started = new Date().toISOString();
  const output: Record<string, unknown> = { started, machine: machine(), options };
  const budgets: Budget[] = [];
  const sections: string[] = [];

  if (options.engine) {
    log('Policy engine (each run a fresh node process; medians):');
    const results: EngineResult[] = [];
    for (const input of options.inputs)
      for (const size of options.sizes) results.push(benchEngine(input, size, options.runs, log));
    output.engine = results;
    budgets.push(...engineBudgets(results));
    sections.push(
      `Policy engine: JSON.parse alone vs full check (load + model + all rules + JSON report), ms, median of ${options.runs}; ` +
        `load/rules/report: CPU ms of one phased run\n${engineTable(results)}`,
    );
  }

  if (options.synth) {
    log('Synth (npm run synth, wall time; guard measured inside the app):');
    const bench = runSynthBench(options.trusts, options.runs, log);
    output.synth = bench;
    budgets.push(...synthBudgets(bench));
    sections.push(
      `Synth: npm run synth, median of ${options.runs}\n${synthTable(bench)}\n` +
        `per additional stack: ${fmt(bench.perStackMs)} ms wall, ${fmt(bench.perStackCpuMs)} ms CPU (least squares), of which guard ${fmt(bench.perStackGuardMs, 1)} ms; ` +
        `marginal ms/stack between sizes: ${bench.marginalMs.map((m) => fmt(m)).join(', ')}`,
    );
  }

  if (options.tests) {
    log('npm test (type-check, lint, jest):');
    const run = timeCommand('npm', ['test', '--silent'], ROOT, { CI: '1' });
    output.tests = { wallMs: run.ms };
    budgets.push({
      name: 'npm test wall time (s)',
      value: run.ms / 1000,
      limit: 60,
      unit: 's',
      ok: run.ms <= 60_000,
    });
    sections.push(`npm test: ${fmt(run.ms / 1000, 1)} s wall`);
  }

  output.budgets = budgets;
  output.finished = new Date().toISOString();
  const m = output.machine as ReturnType<typeof machine>;
  process.stdout.write(
    `\nMachine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, ${m.os}, node ${m.node}, load average at start ${m.loadAverageAtStart.join(' ')}\n\n`,
  );
  process.stdout.write(`${sections.join('\n\n')}\n\nBudgets\n${budgetTable(budgets)}\n`);
  const file = join(RESULTS, 'latest.json');
  writeFileSync(file, `${JSON.stringify(output, null, 2)}\n`);
  writeFileSync(
    join(RESULTS, `bench-${started.replace(/[:.]/g, '-')}.json`),
    `${JSON.stringify(output, null, 2)}\n`,
  );
  process.stdout.write(`\nResults written to ${file}\n`);
  if (budgets.some((b) => !b.ok)) process.exitCode = 1;
}

if (require.main === module) main(process.argv.slice(2));
