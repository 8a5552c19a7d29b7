import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { localOverride, stackOrder, TfPlanError } from '../../scripts/tf-plan';
import { TERRAFORM } from '../helpers/tf-stand-in';

const ROOT = resolve(__dirname, '../..');
const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, ['-r', 'ts-node/register', 'scripts/tf-plan.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TERRAFORM, ...env },
  });

const stack = (name: string, dependencies: string[] = []) => ({
  name,
  dependencies,
  workingDirectory: `stacks/${name}`,
  synthesizedStackPath: `stacks/${name}/cdk.tf.json`,
});

/** A cdktf.out with the given stacks' Terraform JSON. */
function outDir(stacks: Record<string, object>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tf-plan-script-'));
  const manifest = { stacks: Object.fromEntries(Object.keys(stacks).map((n) => [n, stack(n)])) };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  for (const [name, json] of Object.entries(stacks)) {
    mkdirSync(join(dir, 'stacks', name), { recursive: true });
    writeFileSync(join(dir, 'stacks', name, 'cdk.tf.json'), JSON.stringify(json));
  }
  return dir;
}

describe('stackOrder', () => {
  it('puts producers before consumers, whatever the manifest order', () => {
    const order = stackOrder({ w: stack('w', ['p']), p: stack('p', ['b']), b: stack('b'), a: stack('a') });
    expect(order.map((s) => s.name)).toEqual(['a', 'b', 'p', 'w']);
  });

  it('refuses a cycle and an unknown dependency', () => {
    expect(() => stackOrder({ x: stack('x', ['y']), y: stack('y', ['x']) })).toThrow(
      new TfPlanError('manifest.json: dependency cycle through x', 2),
    );
    expect(() => stackOrder({ x: stack('x', ['nope']) })).toThrow(
      'manifest.json: x depends on unknown stack nope',
    );
  });
});

describe('localOverride', () => {
  const remote = (key: string) => ({
    data: {
      terraform_remote_state: { input: { backend: 'azurerm', config: { key, container_name: 'tfstate' } } },
    },
  });

  it('points the backend and every remote state at local state files', () => {
    const { override, producers } = localOverride(
      remote('hub.tfstate'),
      '/s',
      new Set(['hub', 'spoke']),
      'spoke',
    );
    expect(producers).toEqual(['hub']);
    expect(override).toEqual({
      terraform: { backend: { local: { path: '/s/spoke.tfstate' } } },
      data: { terraform_remote_state: { input: { backend: 'local', config: { path: '/s/hub.tfstate' } } } },
    });
  });

  it('leaves out the data section when the stack reads no other stack', () => {
    expect(localOverride({}, '/s', new Set(['a']), 'a').override).toEqual({
      terraform: { backend: { local: { path: '/s/a.tfstate' } } },
    });
  });

  it('fails closed on a remote state that names no stack of the run', () => {
    expect(() => localOverride(remote('other.tfstate'), '/s', new Set(['spoke']), 'spoke')).toThrow(
      'spoke: remote state input names no stack of this run (key other.tfstate)',
    );
  });
});

describe('npm run tf:plan (scripts/tf-plan.ts)', () => {
  it('says in one line that terraform is missing, exit 2', () => {
    const r = run(['--out', ROOT], { TERRAFORM: '/nonexistent/terraform' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'tf:plan: terraform not found or not runnable (/nonexistent/terraform): install Terraform 1.6 or later\n',
    );
  });

  it('says in one line that synth has not run, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-plan-empty-'));
    try {
      const r = run(['--out', dir]);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`tf:plan: ${join(dir, 'manifest.json')} not found: run npm run synth first\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an unknown argument and an unknown stack, exit 2', () => {
    expect(run(['--bogus']).stderr).toBe(
      'tf:plan: unknown argument --bogus (usage: tf-plan [--out cdktf.out] [--stacks a,b] [--validate-only] [--keep])\n',
    );
    const dir = outDir({ a: {} });
    try {
      const r = run(['--out', dir, '--stacks', 'b']);
      expect([r.status, r.stderr]).toEqual([
        2,
        `tf:plan: no stack named b in ${join(dir, 'manifest.json')}\n`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("fails with terraform's own message and exit 1 when a stack does not validate", () => {
    const bad = {
      terraform: { required_providers: { azurerm: { source: 'azurerm', version: '4.55.0' } } },
      provider: { azurerm: [{ features: [{}] }] },
      resource: { azurerm_resource_group: { rg: { name: 'rg-x', location: 'norwayeast', colour: 'blue' } } },
    };
    const dir = outDir({
      good: {
        ...bad,
        resource: { azurerm_resource_group: { rg: { name: 'rg-y', location: 'norwayeast' } } },
      },
      bad,
    });
    try {
      const r = run(['--out', dir]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(
        /^tf:plan: bad: terraform validate failed:\nError: Extraneous JSON object property/,
      );
      expect(r.stderr).toContain('No argument or block type is named "colour".');
      expect(r.stdout).not.toContain('good:');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("never downloads: a provider the stand-in does not serve fails init in terraform's words", () => {
    const dir = outDir({
      r: {
        terraform: { required_providers: { random: { source: 'hashicorp/random' } } },
        resource: { random_id: { x: { byte_length: 4 } } },
      },
    });
    try {
      const r = run(['--out', dir]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(
        /^tf:plan: r: terraform init failed:\nError: Failed to query available provider packages/,
      );
      expect(r.stderr).toContain(
        'provider registry.terraform.io/hashicorp/random was not\nfound in any of the search locations',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('writes one real plan per stack, removes stale ones, and reports it', () => {
    const good = {
      terraform: { required_providers: { azurerm: { source: 'azurerm', version: '4.55.0' } } },
      provider: { azurerm: [{ features: [{}] }] },
      resource: { azurerm_resource_group: { rg: { name: 'rg-y', location: 'norwayeast' } } },
    };
    const dir = outDir({ one: good });
    mkdirSync(join(dir, 'plans'));
    writeFileSync(join(dir, 'plans', 'removed-trust.json'), '{}');
    try {
      const r = run(['--out', dir]);
      expect([r.status, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toContain(`one: validated, planned in`);
      expect(r.stdout).toMatch(/tf:plan: 1 real plans in \d+\.\d s\n$/);
      const plan = JSON.parse(readFileSync(join(dir, 'plans', 'one.json'), 'utf8'));
      expect(plan.resource_changes.map((c: { address: string }) => c.address)).toEqual([
        'azurerm_resource_group.rg',
      ]);
      // A full run leaves only the plans of the stacks synth wrote.
      expect(readdirSync(join(dir, 'plans'))).toEqual(['one.json']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
