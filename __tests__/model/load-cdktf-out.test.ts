/** policies/model/load-cdktf-out.ts: cdktf.out directories, their manifest and stacks, fixtures and edge cases. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWorkspace } from '../../policies/model/build';
import { loadCdktfOut, readManifest } from '../../policies/model/load-cdktf-out';
import { loadPath } from '../../policies/model/load-path';
import { Resolver } from '../../policies/model/resolve';
import { TfModel, InputError } from '../../policies/model/types';

const FIXTURES = join(__dirname, '..', 'fixtures');
const TWO_STACKS = join(FIXTURES, 'cdktf', 'two-stacks');

function must(model: TfModel, address: string) {
  const resource = model.byAddress.get(address);
  if (!resource) throw new Error(`no ${address}`);
  return resource;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'load-cdktf-out-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;

/** A fresh empty subdirectory of the temp dir. */
function subdir(name: string): string {
  const path = join(dir, `${name}-${++counter}`);
  mkdirSync(path, { recursive: true });
  return path;
}

/** The message `fn` throws, asserting it is an InputError. */
function inputError(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError, nothing was thrown');
}

describe('cdktf.out with two stacks and a cross-stack reference', () => {
  let models: TfModel[];
  let resolver: Resolver;
  beforeAll(() => {
    models = loadPath(TWO_STACKS);
    resolver = new Resolver(buildWorkspace(models));
  });

  it('reads every stack the manifest names, with its dependencies', () => {
    expect(readManifest(TWO_STACKS)).toEqual([
      { name: 'platform', synthesizedStackPath: 'stacks/platform/cdk.tf.json', dependencies: [] },
      {
        name: 'workload-records',
        synthesizedStackPath: 'stacks/workload-records/cdk.tf.json',
        dependencies: ['platform'],
      },
    ]);
    expect(models.map((m) => [m.stack, m.resources.map((r) => r.address)])).toEqual([
      ['platform', ['azurerm_resource_group.shared', 'azurerm_virtual_network.hub']],
      [
        'workload-records',
        [
          'azurerm_key_vault.vault',
          'azurerm_storage_account.records',
          'data.azurerm_client_config.current',
          'data.terraform_remote_state.cross-stack-reference-input-platform',
        ],
      ],
    ]);
    expect(models[1].resources.every((r) => r.source.stack === 'workload-records')).toBe(true);
    expect(models[0].outputs.get('cross-stack-output-azurerm_resource_groupsharedlocation')).toBe(
      '${azurerm_resource_group.shared.location}',
    );
  });

  it('resolves a location read from another stack through the producing stack output', () => {
    const [, workload] = models;
    const records = must(workload, 'azurerm_storage_account.records');
    expect(resolver.value(workload, records, 'location')).toEqual({
      kind: 'oneOf',
      values: ['norwayeast', 'norwaywest'],
      reason: 'var.region is limited by its validation to norwayeast, norwaywest',
    });
    expect(resolver.value(workload, records, 'resource_group_name')).toEqual({
      kind: 'known',
      value: 'rg-platform-shared',
    });
  });

  it('says unknown when the producing stack is not among the inputs', () => {
    const [, workload] = models;
    const alone = new Resolver(buildWorkspace([workload]));
    expect(alone.value(workload, must(workload, 'azurerm_storage_account.records'), 'location')).toEqual({
      kind: 'unknown',
      reason:
        'output cross-stack-output-azurerm_resource_groupsharedlocation comes from stack platform, which is not in the checked estate; pass its stack, plan or state with --context',
    });
  });

  describe('broken manifests', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'cdktf-out-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('names a stack whose file is missing', () => {
      writeFileSync(
        join(dir, 'manifest.json'),
        JSON.stringify({
          stacks: { gone: { name: 'gone', synthesizedStackPath: 'stacks/gone/cdk.tf.json' } },
        }),
      );
      expect(() => loadCdktfOut(dir)).toThrow(
        `${join(dir, 'manifest.json')}: names stack gone at stacks/gone/cdk.tf.json, which does not exist`,
      );
    });

    it('refuses a stack path outside the directory, even one sharing its prefix', () => {
      mkdirSync(`${dir}-sibling`, { recursive: true });
      try {
        const sibling = `../${dir.split('/').pop()}-sibling/cdk.tf.json`;
        writeFileSync(
          join(dir, 'manifest.json'),
          JSON.stringify({ stacks: { s: { synthesizedStackPath: sibling } } }),
        );
        expect(() => loadCdktfOut(dir)).toThrow('points outside the directory');
      } finally {
        rmSync(`${dir}-sibling`, { recursive: true, force: true });
      }
    });

    it('refuses a manifest without stacks', () => {
      writeFileSync(join(dir, 'manifest.json'), '{"version":"0.21.0"}');
      expect(() => loadPath(dir)).toThrow('expected a cdktf manifest with a "stacks" object');
    });
  });
});

describe('load-cdktf-out', () => {
  function out(stacks: unknown, files: Record<string, string> = {}): string {
    const root = subdir('cdktf-out');
    writeFileSync(join(root, 'manifest.json'), JSON.stringify({ version: '0.20.0', stacks }));
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    return root;
  }

  it('takes the manifest key as name when the stack has none, and keeps only string dependencies', () => {
    const root = out({
      key: { synthesizedStackPath: 'stacks/key/cdk.tf.json', dependencies: ['a', 7, null, 'b'] },
      other: { name: 'named', synthesizedStackPath: 'o.json', dependencies: 'a' },
    });
    expect(readManifest(root)).toEqual([
      { name: 'key', synthesizedStackPath: 'stacks/key/cdk.tf.json', dependencies: ['a', 'b'] },
      { name: 'named', synthesizedStackPath: 'o.json', dependencies: [] },
    ]);
  });

  it('refuses a stack entry that is not an object or has no path', () => {
    expect(inputError(() => readManifest(out({ s: 'stacks/s/cdk.tf.json' })))).toMatch(
      /manifest\.json: stack s has no synthesizedStackPath$/,
    );
    expect(inputError(() => readManifest(out({ t: { synthesizedStackPath: 3 } })))).toMatch(
      /manifest\.json: stack t has no synthesizedStackPath$/,
    );
    expect(inputError(() => readManifest(out(['a'])))).toMatch(
      /manifest\.json: expected a cdktf manifest with a "stacks" object; run `npm run synth` to write one$/,
    );
  });

  it('refuses stack paths that leave the directory or name the directory itself', () => {
    for (const path of ['.', '', '../x/cdk.tf.json', '/etc/cdk.tf.json', 'stacks/../..']) {
      const root = out({ s: { synthesizedStackPath: path } });
      expect(inputError(() => readManifest(root))).toBe(
        `${join(root, 'manifest.json')}: stack s points outside the directory (${path})`,
      );
    }
  });

  it('accepts a stack file whose name starts with two dots, inside the directory', () => {
    const root = out({ s: { synthesizedStackPath: '..stack.json' } }, { '..stack.json': '{}' });
    expect(readManifest(root)).toEqual([
      expect.objectContaining({ name: 's', synthesizedStackPath: '..stack.json' }),
    ]);
  });

  it('names the stack file when it cannot be looked at', () => {
    const root = out({ s: { synthesizedStackPath: 'plain.json/cdk.tf.json' } }, { 'plain.json': '{}' });
    expect(inputError(() => loadCdktfOut(root))).toBe(
      `${join(root, 'plain.json/cdk.tf.json')}: cannot read the file (a path component is not a directory)`,
    );
  });

  it('refuses a stack file that is not a JSON object', () => {
    const root = out({ s: { synthesizedStackPath: 's.json' } }, { 's.json': '[]' });
    expect(inputError(() => loadCdktfOut(root))).toBe(
      `${join(root, 's.json')}: expected a Terraform JSON object at the top level, got an array`,
    );
  });

  it('loads each stack with the manifest name, overriding the stack name in its metadata', () => {
    const root = out(
      {
        one: { name: 'first', synthesizedStackPath: 'a/cdk.tf.json' },
        two: { synthesizedStackPath: 'b/cdk.tf.json' },
      },
      {
        'a/cdk.tf.json': JSON.stringify({
          '//': { metadata: { stackName: 'ignored' } },
          resource: { azurerm_resource_group: { rg: {} } },
        }),
        'b/cdk.tf.json': JSON.stringify({ data: { azurerm_client_config: { current: {} } } }),
      },
    );
    const models = loadCdktfOut(root);
    expect(models.map((m) => [m.stack, m.origin, [...m.byAddress.keys()]])).toEqual([
      ['first', join(root, 'a/cdk.tf.json'), ['azurerm_resource_group.rg']],
      ['two', join(root, 'b/cdk.tf.json'), ['data.azurerm_client_config.current']],
    ]);
  });
});
