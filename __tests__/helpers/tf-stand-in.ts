/** Real Terraform against the stand-in provider, for tests: one scratch directory and one server per file. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { App, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { startStandIn, terraformRunner, type Terraform } from '../../scripts/tf-plan';

export const TERRAFORM = process.env.TERRAFORM ?? '/usr/local/bin/terraform';

export interface Session {
  readonly root: string;
  /** Write a stack's Terraform JSON (and a local backend) into its own directory; returns the directory. */
  stack(name: string, json: object): string;
  /** Run terraform in a stack's directory. */
  tf(name: string, args: string[]): { status: number; stdout: string; stderr: string };
  /** `plan -out` then `show -json`: the real plan document; `extra` e.g. `['-destroy']`. */
  plan(name: string, extra?: string[]): Record<string, unknown>;
  apply(name: string): void;
  stop(): void;
}

export async function standInSession(): Promise<Session> {
  const root = mkdtempSync(join(tmpdir(), 'tf-stand-in-test-'));
  mkdirSync(join(root, 'stacks'));
  const { reattach, child }: { reattach: string; child: ChildProcess } = await startStandIn(root, [
    join(root, 'stacks'),
  ]);
  const terraform: Terraform = terraformRunner(TERRAFORM, reattach, root);
  const dirOf = (name: string): string => join(root, 'stacks', name);
  const must = (name: string, args: string[]): string => {
    const r = terraform.run(dirOf(name), args);
    if (r.status !== 0) throw new Error(`terraform ${args.join(' ')} in ${name}: ${r.stderr || r.stdout}`);
    return r.stdout;
  };
  return {
    root,
    stack(name, json) {
      const dir = dirOf(name);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify(json, null, 2));
      const backend = { terraform: { backend: { local: { path: join(root, `${name}.tfstate`) } } } };
      writeFileSync(join(dir, 'standin_override.tf.json'), JSON.stringify(backend));
      return dir;
    },
    tf: (name, args) => terraform.run(dirOf(name), args),
    plan(name, extra = []) {
      must(name, ['init', '-input=false', '-no-color']);
      must(name, ['plan', '-input=false', '-no-color', '-lock=false', '-out=plan.bin', ...extra]);
      return JSON.parse(must(name, ['show', '-json', 'plan.bin'])) as Record<string, unknown>;
    },
    apply(name) {
      must(name, ['apply', '-input=false', '-no-color', '-lock=false', '-auto-approve', 'plan.bin']);
    },
    stop() {
      child.stdin?.end();
      child.kill('SIGTERM');
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A one-stack cdktf app, synthesized for real; `build` adds the resources. Returns its cdk.tf.json. */
export function synthStack(build: (stack: TerraformStack) => void): Record<string, unknown> {
  const outdir = mkdtempSync(join(tmpdir(), 'tf-stand-in-app-'));
  try {
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'small');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    build(stack);
    app.synth();
    return JSON.parse(readFileSync(join(outdir, 'stacks', 'small', 'cdk.tf.json'), 'utf8')) as Record<
      string,
      unknown
    >;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
