/** policies/model/load-path.ts: what a path on the command line is read as, and the messages when it cannot be. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { loadJsonFile, loadPath } from '../../policies/model/load-path';
import { isPlanDocument } from '../../policies/model/load-plan';
import { InputError, TfModel, TfResource } from '../../policies/model/types';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'load-path-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
/** A fresh file in the temp dir holding `content`. */
function file(content: string | Buffer, name = `input-${++counter}.json`): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

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

function must(model: TfModel, address: string): TfResource {
  const resource = model.byAddress.get(address);
  if (!resource) throw new Error(`no ${address} in ${[...model.byAddress.keys()].join(', ')}`);
  return resource;
}

describe('load-path', () => {
  it('names a path through a regular file as not a directory', () => {
    const plain = file('{}');
    expect(inputError(() => loadPath(join(plain, 'x.json')))).toBe(
      `${join(plain, 'x.json')}: cannot read (a path component is not a directory)`,
    );
  });

  it('says no such file or directory for a missing path', () => {
    expect(inputError(() => loadPath(join(dir, 'absent')))).toBe(
      `${join(dir, 'absent')}: no such file or directory`,
    );
  });

  it('says a symbolic link loop for a looping path', () => {
    const a = join(dir, `loop-a-${++counter}`);
    const b = join(dir, `loop-b-${counter}`);
    symlinkSync(b, a);
    symlinkSync(a, b);
    expect(inputError(() => loadPath(a))).toBe(`${a}: cannot read (a symbolic link loop)`);
  });

  it('says so when a directory cannot be listed', () => {
    const locked = subdir('locked');
    // Root (as in CI containers) lists any directory, so the refusal is simulated on the module load-path uses.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const nodeFs = require('node:fs') as typeof import('node:fs');
    const spy = jest.spyOn(nodeFs, 'readdirSync').mockImplementationOnce(() => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    });
    try {
      expect(inputError(() => loadPath(locked))).toBe(
        `${locked}: cannot list the directory (permission denied)`,
      );
    } finally {
      spy.mockRestore();
    }
  });

  it('reads a stack directory with cdk.tf.json, naming the stack after the directory', () => {
    const stack = subdir('records');
    writeFileSync(
      join(stack, 'cdk.tf.json'),
      JSON.stringify({
        '//': { metadata: { stackName: 'from-metadata' } },
        resource: { azurerm_resource_group: { rg: { location: 'norwayeast' } } },
      }),
    );
    const [model] = loadPath(stack);
    expect(model.stack).toBe(basename(stack));
    expect(model.origin).toBe(join(stack, 'cdk.tf.json'));
    expect(must(model, 'azurerm_resource_group.rg').source.stack).toBe(basename(stack));
  });

  it('prefers manifest.json over cdk.tf.json in the same directory', () => {
    const out = subdir('out');
    mkdirSync(join(out, 'stacks', 'a'), { recursive: true });
    writeFileSync(
      join(out, 'manifest.json'),
      JSON.stringify({ stacks: { a: { name: 'a', synthesizedStackPath: 'stacks/a/cdk.tf.json' } } }),
    );
    writeFileSync(
      join(out, 'stacks', 'a', 'cdk.tf.json'),
      JSON.stringify({ resource: { azurerm_resource_group: { fromManifest: {} } } }),
    );
    writeFileSync(
      join(out, 'cdk.tf.json'),
      JSON.stringify({ resource: { azurerm_resource_group: { fromStackFile: {} } } }),
    );
    expect(loadPath(out).map((m) => [m.stack, [...m.byAddress.keys()]])).toEqual([
      ['a', ['azurerm_resource_group.fromManifest']],
    ]);
  });

  it('reads the directory of a .tf file named on its own', () => {
    const tf = subdir('tf');
    writeFileSync(
      join(tf, 'main.tf'),
      'resource "azurerm_resource_group" "rg" {\n  location = "norwayeast"\n}\n',
    );
    writeFileSync(
      join(tf, 'other.tf'),
      'resource "azurerm_resource_group" "second" {\n  location = "norwaywest"\n}\n',
    );
    const [model] = loadPath(join(tf, 'main.tf'));
    expect([...model.byAddress.keys()].sort()).toEqual([
      'azurerm_resource_group.rg',
      'azurerm_resource_group.second',
    ]);
  });

  it.each(['resource', 'data', 'terraform', 'provider', '//', 'module', 'variable', 'output', 'locals'])(
    'takes a JSON object with a top-level "%s" key for Terraform JSON',
    (key) => {
      const path = file(JSON.stringify({ [key]: {} }));
      const model = loadJsonFile(path, 'given');
      expect(model).toMatchObject({ kind: 'synth', origin: path, stack: 'given', resources: [] });
    },
  );

  it('takes a JSON object for a plan when format_version comes with any of the plan keys', () => {
    expect(isPlanDocument({ format_version: '1.2', planned_values: {} })).toBe(true);
    expect(isPlanDocument({ format_version: '1.2', resource_changes: [] })).toBe(true);
    expect(isPlanDocument({ format_version: '1.2', terraform_version: '1.9.0' })).toBe(true);
    expect(isPlanDocument({ format_version: '1.2' })).toBe(false);
    expect(isPlanDocument({ planned_values: {}, resource_changes: [] })).toBe(false);
    expect(isPlanDocument([{ format_version: '1.2', planned_values: {} }])).toBe(false);
    const statePath = file(JSON.stringify({ format_version: '1.0', terraform_version: '1.9.0' }));
    expect(inputError(() => loadJsonFile(statePath))).toBe(
      `${statePath}: the plan has neither planned_values nor resource_changes; produce it with \`terraform show -json plan.bin\``,
    );
    const plan = file(
      JSON.stringify({ format_version: '1.2', planned_values: { root_module: {} }, resource_changes: [] }),
    );
    expect(loadJsonFile(plan, 'st')).toMatchObject({
      kind: 'plan',
      stack: 'st',
      origin: plan,
      formatVersion: '1.2',
    });
  });

  it('explains what a JSON object with neither shape lacks, and what other JSON values are', () => {
    const other = file(JSON.stringify({ format_version: '1.2' }));
    expect(inputError(() => loadJsonFile(other))).toBe(
      `${other}: neither a Terraform JSON configuration (no resource/terraform/provider keys) nor a plan (no format_version with planned_values or resource_changes)`,
    );
    const cases: [string, string][] = [
      ['[]', 'an array'],
      ['null', 'null'],
      ['3', 'a number'],
      ['"x"', 'a string'],
      ['false', 'a boolean'],
    ];
    for (const [text, what] of cases) {
      const path = file(text);
      expect(inputError(() => loadJsonFile(path))).toBe(`${path}: expected a JSON object, got ${what}`);
    }
  });

  const state = JSON.stringify({
    format_version: '1.0',
    terraform_version: '1.9.8',
    values: { root_module: {} },
  });
  const plan = JSON.stringify({
    format_version: '1.2',
    planned_values: { root_module: {} },
    resource_changes: [],
  });

  it.each<[string, string | undefined, string]>([
    ['workload-a.tfstate.json', undefined, 'workload-a'],
    ['Platform.TFSTATE.JSON', undefined, 'Platform'],
    ['identity.json', undefined, 'identity'],
    ['state.tfstate.json.json', undefined, 'state.tfstate.json'],
    ['identity.json', 'named', 'named'],
  ])('a state file %s (stack given: %s) is the state of stack %s', (name, stack, expected) => {
    const path = join(subdir('states'), name);
    writeFileSync(path, state);
    expect(loadJsonFile(path, stack)).toMatchObject({ kind: 'state', stack: expected, origin: path });
  });

  it('a directory of plan and state files is every one of them, in name order; hidden files are passed over', () => {
    const plans = subdir('plans');
    writeFileSync(join(plans, 'b.json'), plan);
    writeFileSync(join(plans, 'a.tfstate.json'), state);
    writeFileSync(join(plans, '.keep'), '');
    expect(loadPath(plans).map((m) => [basename(m.origin), m.kind])).toEqual([
      ['a.tfstate.json', 'state'],
      ['b.json', 'plan'],
    ]);
  });

  it.each<[string, readonly string[]]>([
    ['an empty directory', []],
    ['a directory with only hidden files', ['.keep']],
    ['plans beside a file of another kind', ['a.json', 'notes.txt']],
  ])('%s is refused, naming what was looked for', (_name, entries) => {
    const mixed = subdir('mixed');
    for (const entry of entries) writeFileSync(join(mixed, entry), entry.endsWith('.json') ? plan : '');
    expect(inputError(() => loadPath(mixed))).toBe(
      `${mixed}: found no manifest.json (cdktf.out), cdk.tf.json (stack directory), .tf files or only plan/state JSON files here`,
    );
  });

  it.each<[string, string]>([
    ['manifest.json', '{"version":"0.21.0","stacks":{}}'],
    ['cdk.tf.json', '{}'],
  ])('a directory with %s beside .tf files is refused: Terraform would read both', (name, content) => {
    const both = subdir('both');
    writeFileSync(join(both, name), content);
    writeFileSync(
      join(both, 'main.tf'),
      'resource "azurerm_resource_group" "rg" {\n  location = "norwayeast"\n}\n',
    );
    expect(inputError(() => loadPath(both))).toBe(
      `${both}: holds both synthesized cdktf output (manifest.json or cdk.tf.json) and .tf files; Terraform would read the .tf files too, so pass one kind per directory`,
    );
  });

  it('only .tofu and .tofu.json files are OpenTofu files; a backup named after one is not', () => {
    const tf = subdir('tofu');
    writeFileSync(
      join(tf, 'main.tf'),
      'resource "azurerm_resource_group" "rg" {\n  location = "norwayeast"\n}\n',
    );
    writeFileSync(join(tf, 'main.tofu.orig'), '');
    expect(loadPath(tf).map((m) => m.resources.map((r) => r.address))).toEqual([
      ['azurerm_resource_group.rg'],
    ]);
    writeFileSync(join(tf, 'extra.tofu.json'), '{}');
    expect(inputError(() => loadPath(tf))).toBe(
      `${join(tf, 'extra.tofu.json')}: OpenTofu files (.tofu) are not read, and they replace the .tf files of the same name; check the plan (tofu show -json) instead`,
    );
  });
});
