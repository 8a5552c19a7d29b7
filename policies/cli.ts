/**
 * `norway-policy`: check synthesized stacks, plans and plain Terraform in CI.
 * Exit codes: 0 no unsuppressed error findings; 1 error findings; 2 unusable input or usage.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { checkModels } from './engine/engine';
import { loadPolicyDocument, mergeSettings } from './engine/policy-file';
import { hasBlockingFindings } from './engine/result';
import { effectiveToday } from './engine/suppressions';
import { isIsoDate } from './model/dates';
import { loadPath } from './model/load-path';
import { InputError, TfModel } from './model/types';
import { analyse } from './analysis/analysis';
import { deployPlan } from './model/deploy-order';
import { REPORTERS } from './reporters';
import { ALL_RULES } from './rules';

/** The project's policy file (settings and suppressions), read from the working directory like a linter's config. */
export const PROJECT_POLICY_FILE = 'norway-policy.yaml';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IPV4_RANGE = /^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/;

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNUSABLE = 2;

interface CheckFlags {
  readonly format: string;
  readonly output?: string;
  /** Commander defaults this to []. */
  readonly suppressions: string[];
  /** Commander defaults this to []. */
  readonly context: string[];
  readonly today?: string;
  readonly homeTenant?: string;
  readonly approvedRange: string[];
  readonly homePrincipal: string[];
  readonly projectPolicy: boolean;
  readonly docsUrl?: string;
  readonly sourceRoot?: string;
  /** `--color` / `--no-color`; unset: colour only on a terminal outside CI. */
  readonly color?: boolean;
  readonly maxBytes?: number;
  readonly reportUrl?: string;
}

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** stdout is a terminal. @default false */
  readonly isTTY?: boolean;
  /** @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: process.stdout.isTTY === true,
};

/** Run the CLI with `argv` (without node and script); returns the exit code. Never throws. */
export function runCli(argv: readonly string[], io: CliIo = processIo): number {
  let exitCode = EXIT_OK;
  const program = new Command('norway-policy')
    .description('Residency and security policy checks for Azure Terraform that must stay in Norway.')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })
    .showHelpAfterError(false);

  program
    .command('check')
    .description(
      'check cdktf.out directories, stack directories, cdk.tf.json files, plan and state JSON files, and .tf directories',
    )
    .argument('<paths...>', 'inputs to check')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(Object.keys(REPORTERS)).default('text'),
    )
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option(
      '-s, --suppressions <file>',
      'a policy file with suppressions (YAML or JSON); repeatable',
      (f: string, all: string[]) => [...all, f],
      [] as string[],
    )
    .option(
      '-c, --context <path>',
      'inputs that only resolve references (the other stacks of the estate: cdktf.out, plans, state JSON); not reported on; repeatable',
      (f: string, all: string[]) => [...all, f],
      [] as string[],
    )
    .option('--today <date>', 'judge suppression expiry against this date (YYYY-MM-DD) instead of today')
    .option(
      '--home-tenant <id>',
      'the Entra ID tenant every tenant id and authority must be (policy setting homeTenantId)',
    )
    .option(
      '--approved-range <cidr>',
      "one of the organisation's approved public ranges; repeatable",
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .option(
      '--home-principal <id>',
      'an object id known to be a home-tenant identity; repeatable',
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .option('--no-project-policy', `do not read ${PROJECT_POLICY_FILE} from the working directory`)
    .option(
      '--docs-url <url>',
      'base URL of the repository files for rule help links (default in GitHub Actions: the commit being checked)',
    )
    .option(
      '--source-root <dir>',
      'directory SARIF file locations are relative to (default: the working directory)',
    )
    .option('--color', 'colour the text format (default: on a terminal, off in CI or when NO_COLOR is set)')
    .option('--no-color', 'never colour the text format')
    .option(
      '--max-bytes <n>',
      'markdown: shorten the report to at most n bytes (a PR comment takes 65536)',
      positiveInteger,
    )
    .option('--report-url <url>', 'markdown: where the full report is, linked from a shortened one')
    .action((paths: string[], flags: CheckFlags) => {
      exitCode = check(paths, flags, io);
    });

  program
    .command('stacks')
    .description('list the stacks of a cdktf.out with their deployment waves (JSON), for CI matrices')
    .argument('<dir>', 'a cdktf.out directory')
    .option(
      '--github-output',
      'print `stacks=`, `wave-count=` and `wave-<n>=` lines for $GITHUB_OUTPUT instead of JSON',
    )
    .option(
      '--max-waves <n>',
      'fail when the stacks need more waves than the workflow has jobs for',
      (v: string) => Number(v),
    )
    .action((dir: string, flags: { githubOutput?: boolean; maxWaves?: number }) => {
      exitCode = stacks(dir, flags, io);
    });

  program
    .command('rules')
    .description('list the rules with their ids, severities and titles')
    .action(() => {
      for (const rule of ALL_RULES) io.stdout(`${rule.id}  ${rule.severity.padEnd(7)}  ${rule.title}\n`);
    });

  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT_OK;
      // No command given: commander has printed the usage to stderr; its "(outputHelp)" is no message.
      if (error.code === 'commander.help') return EXIT_UNUSABLE;
      // One line: commander puts its suggestion ("(Did you mean check?)") on a line of its own.
      const message = error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ');
      io.stderr(`norway-policy: ${message}. See 'norway-policy --help'.\n`);
      return EXIT_UNUSABLE;
    }
    io.stderr(`norway-policy: unexpected failure: ${(error as Error).message}\n`);
    return EXIT_UNUSABLE;
  }
  return exitCode;
}

function check(paths: readonly string[], flags: CheckFlags, io: CliIo): number {
  if (flags.today !== undefined && !isIsoDate(flags.today)) {
    io.stderr(`norway-policy: --today ${flags.today} is not a date (YYYY-MM-DD).\n`);
    return EXIT_UNUSABLE;
  }
  const badSetting =
    (flags.homeTenant !== undefined &&
      !GUID.test(flags.homeTenant) &&
      `--home-tenant ${flags.homeTenant} is not a GUID`) ||
    flags.approvedRange
      .filter((r) => !IPV4_RANGE.test(r))
      .map((r) => `--approved-range ${r} is not an IPv4 address or CIDR range`)[0] ||
    flags.homePrincipal.filter((p) => !GUID.test(p)).map((p) => `--home-principal ${p} is not a GUID`)[0];
  if (badSetting) {
    io.stderr(`norway-policy: ${badSetting}.\n`);
    return EXIT_UNUSABLE;
  }
  if (flags.today !== undefined && effectiveToday(flags.today) !== flags.today)
    io.stderr(
      `norway-policy: --today ${flags.today} is in the past; suppression expiry is judged against ${effectiveToday(flags.today)}.\n`,
    );
  try {
    const context: TfModel[] = flags.context.flatMap((p) => loadPath(p));
    const knownStacks = new Set(context.flatMap((m) => m.stack ?? []));
    const models: TfModel[] = paths.flatMap((p) => loadPath(p, { knownStacks }));
    const files = [
      ...(flags.projectPolicy && existsSync(PROJECT_POLICY_FILE) ? [PROJECT_POLICY_FILE] : []),
      ...flags.suppressions,
    ];
    const documents = files.map((f) => loadPolicyDocument(f));
    const suppressions = documents.flatMap((d) => d.suppressions);
    const settings = mergeSettings(...documents.map((d) => d.settings), {
      homeTenantId: flags.homeTenant,
      approvedRanges: flags.approvedRange,
      homePrincipals: flags.homePrincipal,
    });
    // One estate: what is reported on comes first, so its own resources win where an id is known twice.
    const report = checkModels([...models, ...context], {
      rules: ALL_RULES,
      suppressions,
      today: flags.today,
      settings,
      reportOn: models,
    });
    const color = flags.color ?? (!flags.output && io.isTTY === true && !ciOrNoColor(io.env ?? process.env));
    const text = REPORTERS[flags.format](analyse(report), {
      docsBaseUrl: flags.docsUrl ?? githubDocsUrl(),
      sourceRoot: flags.sourceRoot,
      color,
      maxBytes: flags.maxBytes,
      reportUrl: flags.reportUrl,
    });
    if (flags.output) writeFileSync(flags.output, text);
    else io.stdout(text);
    if (flags.output && flags.format !== 'text')
      io.stderr(`norway-policy: report written to ${flags.output}\n`);
    return hasBlockingFindings(report) ? EXIT_FINDINGS : EXIT_OK;
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`norway-policy: ${error.message}\n`);
      return EXIT_UNUSABLE;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code) {
      io.stderr(`norway-policy: ${(error as Error).message}\n`);
      return EXIT_UNUSABLE;
    }
    io.stderr(
      `norway-policy: internal error (${(error as Error).message}); the input was not checked, so this counts as a failure.\n`,
    );
    return EXIT_UNUSABLE;
  }
}

function stacks(dir: string, flags: { githubOutput?: boolean; maxWaves?: number }, io: CliIo): number {
  try {
    const plan = deployPlan(dir);
    if (plan.waves.length > (flags.maxWaves ?? Infinity)) {
      io.stderr(
        `norway-policy: the stacks need ${plan.waves.length} deployment waves; the workflow runs at most ${flags.maxWaves}. Add wave jobs to the workflow.\n`,
      );
      return EXIT_UNUSABLE;
    }
    const deployable = plan.waves.flat().sort();
    if (!flags.githubOutput) {
      io.stdout(`${JSON.stringify({ stacks: plan.stacks, deployable, waves: plan.waves }, null, 2)}\n`);
      return EXIT_OK;
    }
    const lines = [`stacks=${JSON.stringify(deployable)}`, `wave-count=${plan.waves.length}`];
    for (let i = 0; i < (flags.maxWaves ?? plan.waves.length); i++)
      lines.push(`wave-${i + 1}=${JSON.stringify(plan.waves[i] ?? [])}`);
    io.stdout(`${lines.join('\n')}\n`);
    return EXIT_OK;
  } catch (error) {
    io.stderr(`norway-policy: ${(error as Error).message}\n`);
    return EXIT_UNUSABLE;
  }
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1000)
    throw new InvalidArgumentError(`expected a whole number of at least 1000, got ${JSON.stringify(value)}`);
  return n;
}

/** CI logs and NO_COLOR (no-color.org) get plain text. */
function ciOrNoColor(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.CI) || env.NO_COLOR !== undefined;
}

/** In GitHub Actions, rule links point at RULES.md in the commit being checked. */
function githubDocsUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env;
  return server && repository && sha ? `${server}/${repository}/blob/${sha}/` : undefined;
}

// Stryker disable next-line all: only runs as a process (covered by the bin test, not measurable in-process)
if (require.main === module) process.exitCode = runCli(process.argv.slice(2));
