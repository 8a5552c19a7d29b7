/**
 * `npm run tf:plan`: real Terraform over every synthesized stack, offline. For each stack in dependency
 * order, in a scratch copy whose backend is a local file: `terraform init`, `validate`, `plan -out`,
 * `show -json` -> `cdktf.out/plans/<stack>.json`; a stack that others read through remote state is then
 * applied against the stand-in provider (tools/tf-stand-in), so the next stack reads its real outputs.
 *
 *   npm run tf:plan [-- --out cdktf.out] [--stacks a,b] [--validate-only] [--keep]
 *
 * Exit codes: 0 every stack planned, 1 Terraform failed on a stack (its own message is printed),
 * 2 unusable input (no terraform, no manifest, a remote state that names no stack).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export class TfPlanError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

interface ManifestStack {
  name: string;
  dependencies: string[];
  workingDirectory: string;
  synthesizedStackPath: string;
}

export interface StackResult {
  stack: string;
  /** Undefined when only validated. */
  planPath?: string;
  applied: boolean;
  seconds: number;
}

export interface TfPlanOptions {
  /** The cdktf output directory (manifest.json, stacks/). */
  outDir: string;
  /** Only these stacks (their producers must be among them, or their remote state cannot be read). */
  stacks?: string[];
  /** Keep the scratch directory (printed) for inspection. */
  keep?: boolean;
  /** Only `init` and `validate` each stack (no plan, no apply). */
  validateOnly?: boolean;
  terraform?: string;
  log?: (line: string) => void;
}

const ROOT = resolve(__dirname, '..');
const STEP_TIMEOUT_MS = 5 * 60_000;

/** The manifest's stacks, producers before consumers; a cycle or an unknown dependency is refused. */
export function stackOrder(stacks: Record<string, ManifestStack>): ManifestStack[] {
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: ManifestStack[] = [];
  const visit = (name: string, from: string): void => {
    if (done.has(name)) return;
    const stack = stacks[name];
    if (!stack) throw new TfPlanError(`manifest.json: ${from} depends on unknown stack ${name}`, 2);
    if (visiting.has(name)) throw new TfPlanError(`manifest.json: dependency cycle through ${name}`, 2);
    visiting.add(name);
    for (const dep of stack.dependencies) visit(dep, name);
    visiting.delete(name);
    done.add(name);
    out.push(stack);
  };
  for (const name of Object.keys(stacks).sort()) visit(name, name);
  return out;
}

function readJson(path: string, what: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new TfPlanError(`${path}: cannot read ${what}: ${(err as Error).message.split('\n')[0]}`, 2);
  }
}

/**
 * The override that makes a scratch copy self-contained: its state in a local file, and every
 * `terraform_remote_state` pointed at the local state of the stack whose key it names.
 */
export function localOverride(
  stackJson: Record<string, unknown>,
  stateDir: string,
  stackNames: Set<string>,
  stack: string,
) {
  const remote = ((stackJson.data as Record<string, unknown> | undefined)?.terraform_remote_state ??
    {}) as Record<string, { config?: { key?: unknown; path?: unknown } }>;
  const data: Record<string, unknown> = {};
  const producers: string[] = [];
  for (const [name, block] of Object.entries(remote)) {
    const key = block.config?.key ?? block.config?.path;
    const producer = typeof key === 'string' ? key.replace(/^.*\//, '').replace(/\.tfstate$/, '') : undefined;
    if (!producer || !stackNames.has(producer)) {
      throw new TfPlanError(
        `${stack}: remote state ${name} names no stack of this run (key ${String(key)})`,
        2,
      );
    }
    producers.push(producer);
    data[name] = { backend: 'local', config: { path: join(stateDir, `${producer}.tfstate`) } };
  }
  const override: Record<string, unknown> = {
    terraform: { backend: { local: { path: join(stateDir, `${stack}.tfstate`) } } },
  };
  if (producers.length) override.data = { terraform_remote_state: data };
  return { override, producers };
}

function terraformVersion(terraform: string): string {
  const r = spawnSync(terraform, ['version', '-json'], {
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1' },
  });
  if (r.error || r.status !== 0) {
    throw new TfPlanError(
      `terraform not found or not runnable (${terraform}): install Terraform 1.6 or later`,
      2,
    );
  }
  try {
    return String((JSON.parse(r.stdout) as { terraform_version: string }).terraform_version);
  } catch {
    return 'unknown';
  }
}

/** Start the stand-in providers; resolves with the TF_REATTACH_PROVIDERS value. */
export function startStandIn(
  socketDir: string,
  typesFrom: string[],
): Promise<{ reattach: string; child: ChildProcess }> {
  const args = ['-r', 'ts-node/register', join(ROOT, 'tools/tf-stand-in/main.ts'), '--socket-dir', socketDir];
  for (const dir of typesFrom) args.push('--types-from', dir);
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  return new Promise((ok, fail) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) ok({ reattach: out.slice(0, nl), child });
    });
    child.on('exit', (code) => fail(new TfPlanError(`stand-in provider exited (${code}): ${err.trim()}`, 2)));
  });
}

export interface Terraform {
  run(cwd: string, args: string[]): { status: number; stdout: string; stderr: string };
}

export function terraformRunner(terraform: string, reattach: string, scratch: string): Terraform {
  const rc = join(scratch, 'terraformrc');
  const mirror = join(scratch, 'no-providers');
  mkdirSync(mirror, { recursive: true });
  // No network: providers come only from the stand-in (reattached); any other is looked up in an empty
  // local mirror, so init fails with Terraform's own message instead of trying the registry.
  writeFileSync(
    rc,
    `disable_checkpoint = true\nprovider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(mirror)}\n  }\n}\n`,
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TF_REATTACH_PROVIDERS: reattach,
    TF_CLI_CONFIG_FILE: rc,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    TF_DATA_DIR: '.terraform',
  };
  delete env.TF_LOG;
  return {
    run(cwd, args) {
      // A hung command (a prompt, a stuck provider) must not hang CI.
      const r = spawnSync(terraform, args, {
        cwd,
        env,
        encoding: 'utf8',
        maxBuffer: 512 << 20,
        timeout: STEP_TIMEOUT_MS,
      });
      const failure = r.error ? `${r.error.message}${r.signal ? ` (${r.signal})` : ''}` : '';
      return { status: r.status ?? 1, stdout: r.stdout ?? '', stderr: `${r.stderr ?? ''}${failure}` };
    },
  };
}

/** Prepare the scratch copy of one stack: its files plus the local override. */
export function prepareStack(outDir: string, stack: ManifestStack, scratch: string, stackNames: Set<string>) {
  const src = join(outDir, stack.workingDirectory);
  const dir = join(scratch, 'stacks', stack.name);
  cpSync(src, dir, { recursive: true, filter: (p) => !p.includes('/.terraform') });
  const stackJson = readJson(join(outDir, stack.synthesizedStackPath), 'the synthesized stack');
  const { override, producers } = localOverride(stackJson, join(scratch, 'state'), stackNames, stack.name);
  writeFileSync(join(dir, 'standin_override.tf.json'), `${JSON.stringify(override, null, 2)}\n`);
  // Variables CI passes at plan time (TF_VAR_…, e.g. a VM's admin password): stand-in values here.
  const variables = (stackJson as { variable?: Record<string, { default?: unknown }> }).variable ?? {};
  const required = Object.entries(variables).filter(([, v]) => !('default' in (v ?? {})));
  if (required.length > 0)
    writeFileSync(
      join(dir, 'standin.auto.tfvars.json'),
      `${JSON.stringify(Object.fromEntries(required.map(([name]) => [name, `stand-in-${name}`])), null, 2)}\n`,
    );
  return { dir, producers };
}

export function step(tf: Terraform, dir: string, stack: string, args: string[]): string {
  const r = tf.run(dir, args);
  if (r.status !== 0) {
    const message = (r.stderr || r.stdout).trim();
    throw new TfPlanError(`${stack}: terraform ${args[0]} failed:\n${message}`, 1);
  }
  return r.stdout;
}

export async function tfPlan(options: TfPlanOptions): Promise<StackResult[]> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const terraform = options.terraform ?? process.env.TERRAFORM ?? 'terraform';
  const outDir = resolve(options.outDir);
  const version = terraformVersion(terraform);
  const manifestPath = join(outDir, 'manifest.json');
  if (!existsSync(manifestPath))
    throw new TfPlanError(`${manifestPath} not found: run npm run synth first`, 2);
  const manifest = readJson(manifestPath, 'the cdktf manifest') as { stacks?: Record<string, ManifestStack> };
  if (!manifest.stacks || typeof manifest.stacks !== 'object')
    throw new TfPlanError(`${manifestPath}: no stacks`, 2);
  let order = stackOrder(manifest.stacks);
  if (options.stacks) {
    const wanted = new Set(options.stacks);
    for (const name of wanted)
      if (!manifest.stacks[name]) throw new TfPlanError(`no stack named ${name} in ${manifestPath}`, 2);
    order = order.filter((s) => wanted.has(s.name));
  }
  const names = new Set(order.map((s) => s.name));
  const consumed = new Set(order.flatMap((s) => s.dependencies));

  const scratch = mkdtempSync(join(tmpdir(), 'norway-iac-tf-plan-'));
  const plansDir = join(outDir, 'plans');
  const results: StackResult[] = [];
  let child: ChildProcess | undefined;
  try {
    mkdirSync(join(scratch, 'state'));
    const prepared = order.map((stack) => ({ stack, ...prepareStack(outDir, stack, scratch, names) }));
    const standIn = await startStandIn(scratch, [join(scratch, 'stacks')]);
    child = standIn.child;
    const reattach = standIn.reattach;
    if (!options.validateOnly) {
      // A full run leaves no plan of a stack that synth no longer writes (a removed trust).
      if (!options.stacks) rmSync(plansDir, { recursive: true, force: true });
      mkdirSync(plansDir, { recursive: true });
    }
    const tf = terraformRunner(terraform, reattach, scratch);
    log(`terraform ${version}, stand-in providers, ${order.length} stacks (scratch ${scratch})`);
    for (const { stack, dir } of prepared) {
      const t0 = Date.now();
      step(tf, dir, stack.name, ['init', '-input=false', '-no-color']);
      step(tf, dir, stack.name, ['validate', '-no-color']);
      if (options.validateOnly) {
        results.push({ stack: stack.name, applied: false, seconds: (Date.now() - t0) / 1000 });
        log(`${stack.name}: validated`);
        continue;
      }
      step(tf, dir, stack.name, ['plan', '-input=false', '-no-color', '-lock=false', '-out=plan.bin']);
      const json = step(tf, dir, stack.name, ['show', '-json', 'plan.bin']);
      const planPath = join(plansDir, `${stack.name}.json`);
      writeFileSync(planPath, json);
      // Producers are applied so their consumers' remote state holds real outputs.
      const applied = consumed.has(stack.name);
      if (applied)
        step(tf, dir, stack.name, [
          'apply',
          '-input=false',
          '-no-color',
          '-lock=false',
          '-auto-approve',
          'plan.bin',
        ]);
      const seconds = (Date.now() - t0) / 1000;
      results.push({ stack: stack.name, planPath, applied, seconds });
      log(
        `${stack.name}: validated, planned${applied ? ', applied' : ''} in ${seconds.toFixed(1)} s -> ${planPath}`,
      );
    }
  } finally {
    child?.stdin?.end();
    child?.kill('SIGTERM');
    if (!options.keep) rmSync(scratch, { recursive: true, force: true });
  }
  return results;
}

function parseArgs(argv: string[]): TfPlanOptions {
  const options: TfPlanOptions = { outDir: 'cdktf.out' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--keep') options.keep = true;
    else if (a === '--validate-only') options.validateOnly = true;
    else if ((a === '--out' || a === '--stacks') && argv[i + 1] !== undefined) {
      if (a === '--out') options.outDir = argv[++i];
      else options.stacks = argv[++i].split(',').filter(Boolean);
    } else
      throw new TfPlanError(
        `unknown argument ${a} (usage: tf-plan [--out cdktf.out] [--stacks a,b] [--validate-only] [--keep])`,
        2,
      );
  }
  return options;
}

if (require.main === module) {
  const t0 = Date.now();
  Promise.resolve()
    .then(() => tfPlan(parseArgs(process.argv.slice(2))))
    .then(
      (results) => {
        const what = results.some((r) => r.planPath) ? 'real plans' : 'stacks validated';
        process.stdout.write(
          `tf:plan: ${results.length} ${what} in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`,
        );
      },
      (err: unknown) => {
        const e =
          err instanceof TfPlanError ? err : new TfPlanError(String((err as Error)?.message ?? err), 1);
        process.stderr.write(`tf:plan: ${e.message}\n`);
        process.exit(e.exitCode);
      },
    );
}
