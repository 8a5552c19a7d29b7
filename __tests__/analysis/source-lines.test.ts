/** policies/analysis/source-lines.ts: the line of a resource in a Terraform JSON or plan JSON file, best effort. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearSourceLineCache, planJsonLine, terraformJsonLine } from '../../policies/analysis/source-lines';
import { FIXTURES } from '../helpers/report-inputs';
import { plan, tf } from '../helpers/rule-tester';

let dir: string;
let count = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'source-lines-'));
});
afterAll(() => {
  clearSourceLineCache();
  rmSync(dir, { recursive: true, force: true });
});

/** A new file (a fresh name each time, so the cache never answers for another test). */
function write(text: string, name = `file-${++count}.json`): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** As cdktf writes cdk.tf.json: two-space indentation. */
const SYNTH = `${JSON.stringify(
  tf(
    {
      'data.azurerm_resource_group.existing': { name: 'rg-shared' },
      'azurerm_resource_group.rg': { name: 'rg-app', location: 'norwayeast' },
      'azurerm_storage_account.logs': {
        name: 'stlogs',
        location: 'norwayeast',
        // An attribute named like another resource, deeper down: not a resource.
        network_rules: { data: { default_action: 'Deny' } },
      },
      'azurerm_storage_account.data': { name: 'stdata', location: 'norwayeast' },
    },
    { terraform: { backend: { local: {} } } },
  ),
  null,
  2,
)}\n`;

describe('terraformJsonLine', () => {
  let file: string;
  beforeAll(() => {
    file = write(SYNTH);
  });

  test.each<[string, string, string, number]>([
    ['the first resource of the file', 'azurerm_resource_group', 'rg', 4],
    ['the first resource of a type', 'azurerm_storage_account', 'logs', 10],
    [
      'a resource whose name also appears as a nested attribute above it',
      'azurerm_storage_account',
      'data',
      19,
    ],
  ])('the line of "name": { in its type block: %s', (_name, type, name, line) => {
    expect(terraformJsonLine(file, type, name)).toBe(line);
    expect(SYNTH.split('\n')[line - 1].trim()).toBe(`"${name}": {`);
  });

  test('a type block that lacks the name does not end the search: a later block of the type is searched too', () => {
    const text = `${JSON.stringify(
      {
        data: { azurerm_resource_group: { existing: { name: 'rg-shared' } } },
        resource: { azurerm_resource_group: { rg: { name: 'rg-app' } } },
      },
      null,
      2,
    )}\n`;
    expect(terraformJsonLine(write(text), 'azurerm_resource_group', 'rg')).toBe(11);
    expect(text.split('\n')[10]).toBe('      "rg": {');
  });

  test.each<[string, string, string, 'managed' | 'data', number]>([
    ['a resource, named as a resource', 'azurerm_resource_group', 'rg', 'managed', 4],
    ['a data source: its block in the data section', 'azurerm_resource_group', 'existing', 'data', 27],
  ])('the line of "name": { in its section: %s', (_name, type, name, mode, line) => {
    expect(terraformJsonLine(file, type, name, mode)).toBe(line);
    expect(SYNTH.split('\n')[line - 1].trim()).toBe(`"${name}": {`);
  });

  test('a resource and a data source of one type and name: each the line in its own section', () => {
    const text = `${JSON.stringify(
      tf({
        'azurerm_resource_group.rg': { name: 'rg-app', location: 'norwayeast' },
        'data.azurerm_resource_group.rg': { name: 'rg-shared' },
      }),
      null,
      2,
    )}\n`;
    const same = write(text);
    expect([
      terraformJsonLine(same, 'azurerm_resource_group', 'rg', 'managed'),
      terraformJsonLine(same, 'azurerm_resource_group', 'rg', 'data'),
    ]).toEqual([4, 12]);
    expect(text.split('\n').slice(9, 12)).toEqual([
      '  "data": {',
      '    "azurerm_resource_group": {',
      '      "rg": {',
    ]);
  });

  test.each<[string, string, string, 'managed' | 'data']>([
    ['a data source looked up as a resource', 'azurerm_resource_group', 'existing', 'managed'],
    ['a resource looked up as a data source', 'azurerm_resource_group', 'rg', 'data'],
  ])('no line for %s', (_name, type, name, mode) => {
    expect(terraformJsonLine(file, type, name, mode)).toBeUndefined();
  });

  test('Windows line endings give the same lines', () => {
    expect(terraformJsonLine(write(SYNTH.replace(/\n/g, '\r\n')), 'azurerm_storage_account', 'data')).toBe(
      19,
    );
  });

  test.each<[string, () => string, string, string]>([
    ['a type the file does not declare', () => write(SYNTH), 'azurerm_key_vault', 'rg'],
    ['a name only a later type block declares', () => write(SYNTH), 'azurerm_resource_group', 'logs'],
    ['a name no block declares', () => write(SYNTH), 'azurerm_resource_group', 'other'],
    [
      'a name that only appears as a nested attribute',
      () => write(SYNTH),
      'azurerm_storage_account',
      'network_rules',
    ],
    ['a file that is not there', () => join(dir, 'missing.json'), 'azurerm_resource_group', 'rg'],
    ['a file on one line', () => write(JSON.stringify(JSON.parse(SYNTH))), 'azurerm_resource_group', 'rg'],
  ])('no line for %s', (_name, fileOf, type, name) => {
    expect(terraformJsonLine(fileOf(), type, name)).toBeUndefined();
  });

  test('a file indented by four spaces or a tab: the same line as with two spaces', () => {
    // Line 4 in the two-space layout (the table above); one key per line keeps it at 4.
    const twoSpaces = 4;
    for (const indent of [4, '\t'])
      expect(
        terraformJsonLine(
          write(JSON.stringify(JSON.parse(SYNTH), null, indent)),
          'azurerm_resource_group',
          'rg',
        ),
      ).toBe(twoSpaces);
  });
});

describe('planJsonLine', () => {
  const PLAN_FILE = join(FIXTURES, 'plan-destructive.json');

  test.each<[string, string, number]>([
    // planned_values comes first in the file: the resource as it will be.
    ['a resource the plan keeps: its planned_values entry', 'azurerm_storage_account.data', 96],
    ['the first resource of the plan', 'azurerm_resource_group.data', 9],
    // A deleted resource is only in resource_changes.
    ['a resource the plan deletes: its resource_changes entry', 'azurerm_storage_account.archive', 462],
  ])('the line of the first "address" of %s', (_name, address, line) => {
    expect(planJsonLine(PLAN_FILE, address)).toBe(line);
  });

  describe('in a plan with instance keys and a module', () => {
    const text = `${JSON.stringify(
      plan([
        { at: 'azurerm_resource_group.rg', values: { name: 'rg', location: 'norwayeast' } },
        { at: 'azurerm_storage_account.sa', index: 'logs', values: { name: 'stlogs' } },
        { at: 'module.net.azurerm_virtual_network.vnet', index: 0, values: { name: 'vnet' } },
      ]),
      null,
      2,
    )}\n`;
    let file: string;
    beforeAll(() => {
      file = write(text);
    });

    test.each<[string, string]>([
      ['a string key, written JSON-escaped', 'azurerm_storage_account.sa["logs"]'],
      ['a resource in a module, with a count index', 'module.net.azurerm_virtual_network.vnet[0]'],
    ])('finds %s', (_name, address) => {
      const line = planJsonLine(file, address)!;
      expect(text.split('\n')[line - 1].trim()).toBe(`"address": ${JSON.stringify(address)},`);
    });

    test.each<[string, string]>([
      ['the root address of a resource that lives in a module', 'azurerm_virtual_network.vnet[0]'],
      ['another instance key of a resource the plan holds', 'azurerm_storage_account.sa["log"]'],
    ])('no line for %s', (_name, address) => {
      expect(planJsonLine(file, address)).toBeUndefined();
    });
  });

  test('a state (terraform show -json of it): the line of the address in values.root_module', () => {
    const { planned_values: values } = plan([
      { at: 'azurerm_resource_group.rg', values: { name: 'rg', location: 'norwayeast' } },
      { at: 'azurerm_storage_account.sa', values: { name: 'stdata' } },
    ]) as { planned_values: unknown };
    const text = `${JSON.stringify({ format_version: '1.0', terraform_version: '1.9.8', values }, null, 2)}\n`;
    expect(planJsonLine(write(text), 'azurerm_storage_account.sa')).toBe(19);
    expect(text.split('\n')[18].trim()).toBe('"address": "azurerm_storage_account.sa",');
  });

  test('a plan written on one line (as terraform show -json writes it) gives line 1', () => {
    const file = write(JSON.stringify(plan([{ at: 'azurerm_resource_group.rg', values: { name: 'rg' } }])));
    expect(planJsonLine(file, 'azurerm_resource_group.rg')).toBe(1);
  });

  test.each<[string, string]>([
    ['an address the plan does not hold', 'azurerm_key_vault.kv'],
    ['a prefix of an address the plan holds', 'azurerm_storage_account.dat'],
  ])('no line for %s', (_name, address) => {
    expect(planJsonLine(PLAN_FILE, address)).toBeUndefined();
  });

  test('no line for a file that is not there', () => {
    expect(planJsonLine(join(dir, 'missing-plan.json'), 'azurerm_resource_group.rg')).toBeUndefined();
  });
});

describe('clearSourceLineCache', () => {
  test('a file is read once: a rewritten file answers from the cache until it is cleared', () => {
    const file = write(SYNTH, 'rewritten.json');
    expect(terraformJsonLine(file, 'azurerm_resource_group', 'rg')).toBe(4);
    writeFileSync(file, `\n\n${SYNTH}`);
    expect(terraformJsonLine(file, 'azurerm_resource_group', 'rg')).toBe(4);
    clearSourceLineCache();
    expect(terraformJsonLine(file, 'azurerm_resource_group', 'rg')).toBe(6);
  });

  test('a missing file is remembered as missing until the cache is cleared', () => {
    const file = join(dir, 'late.json');
    expect(planJsonLine(file, 'azurerm_resource_group.rg')).toBeUndefined();
    writeFileSync(file, JSON.stringify(plan([{ at: 'azurerm_resource_group.rg', values: { name: 'rg' } }])));
    expect(planJsonLine(file, 'azurerm_resource_group.rg')).toBeUndefined();
    clearSourceLineCache();
    expect(planJsonLine(file, 'azurerm_resource_group.rg')).toBe(1);
  });
});
