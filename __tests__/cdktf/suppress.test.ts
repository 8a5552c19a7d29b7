/** policies/cdktf/suppress.ts: suppressions in code, as cdk.tf.json and the engine's model carry them. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { applySuppressions, suppress, Suppression } from '../../policies/cdktf/suppress';
import { blockBodyPath, isTerraformBlock, writtenBlockMetadata } from '../../policies/cdktf/block-metadata';
import { metadataOverrides } from '../../policies/cdktf/guard';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import { loadCdktfOut } from '../../policies/model/load-cdktf-out';
import type { TfModel } from '../../policies/model/types';
import { checkModels } from '../../policies/engine/engine';
import { RES_001 } from '../../policies/rules/residency/res-001-norway-location';
import { TFS_003 } from '../../policies/rules/state/tfs-003-valid-suppressions';
import { NorwayStack } from '../../stacks/norway-stack';
import { TODAY } from '../helpers/today';

// The rule set is fixed so new catalogue rules do not change these tests.
const RULES = [RES_001, TFS_003];

const MIGRATION: Suppression = {
  ruleId: 'RES-001',
  reason: 'Temporary copy during a supervised migration',
  expires: '2026-12-31',
};
const PILOT: Suppression = {
  ruleId: 'NET-004',
  reason: 'Public entry for the pilot only',
  expires: '2027-03-31',
};
const SANDBOX: Suppression = {
  ruleId: 'ENC-002',
  reason: 'Sandbox without customer data',
  expires: '2027-06-30',
};

function storageAccount(scope: Construct, id: string, location = 'westeurope'): StorageAccount {
  return new StorageAccount(scope, id, {
    name: `st${id}`,
    location,
    resourceGroupName: 'rg-suppress',
    accountTier: 'Standard',
    accountReplicationType: 'ZRS',
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Terraform JSON is read by path
type TerraformJson = Record<string, any>;

/** `"//".norway_policy.suppressions` of every resource that has one, by construct path. */
function suppressionsByPath(json: TerraformJson): Record<string, unknown> {
  const bodies = Object.values(json.resource ?? {}).flatMap((byName) =>
    Object.values(byName as TerraformJson),
  );
  return Object.fromEntries(
    bodies
      .filter((body: TerraformJson) => body['//'].norway_policy?.suppressions !== undefined)
      .map((body: TerraformJson) => [body['//'].metadata.path, body['//'].norway_policy.suppressions]),
  );
}

/** The model the engine reads of `stack`, after its suppressions are written. */
function modelOf(stack: TerraformStack): TfModel {
  applySuppressions(stack);
  return loadTerraformJson(stack.toTerraform(), { file: `stack ${stack.node.id}`, stack: stack.node.id });
}

/** The model's construct suppressions, one row each: rule id, address, where declared, index there. */
function declared(model: TfModel) {
  return model.suppressions.map((s) => [s.spec.ruleId, s.address, s.origin]);
}

describe('suppress', () => {
  const app = Testing.app();

  test('a suppression on a resource reaches cdk.tf.json with its rule id, reason and expiry, and suppresses that resource’s finding', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'suppress-'));
    const synthApp = new App({ outdir, stackTraces: false });
    const stack = new NorwayStack(synthApp, 'noe', {
      region: 'norwayeast',
      bootstrap: true,
      policy: { today: TODAY, rules: RULES },
    });
    new ResourceGroup(stack, 'rg', { name: 'rg-suppress', location: 'westeurope' });
    const sa = storageAccount(stack, 'sa');
    suppress(sa, MIGRATION);
    suppress(stack.node.findChild('rg'), { ...MIGRATION, reason: 'Resource group of the migration copy' });
    synthApp.synth();

    const json = JSON.parse(readFileSync(join(outdir, 'stacks/noe/cdk.tf.json'), 'utf8'));
    expect(suppressionsByPath(json)).toEqual({
      'noe/rg': [
        { ruleId: 'RES-001', reason: 'Resource group of the migration copy', expires: '2026-12-31' },
      ],
      'noe/sa': [
        { ruleId: 'RES-001', reason: 'Temporary copy during a supervised migration', expires: '2026-12-31' },
      ],
    });
    const [model] = loadCdktfOut(outdir);
    expect(model.suppressions).toEqual([
      {
        spec: { ruleId: 'RES-001', reason: 'Resource group of the migration copy', expires: '2026-12-31' },
        origin: { kind: 'construct', where: 'noe/rg', index: 0 },
        address: 'azurerm_resource_group.rg',
      },
      {
        spec: {
          ruleId: 'RES-001',
          reason: 'Temporary copy during a supervised migration',
          expires: '2026-12-31',
        },
        origin: { kind: 'construct', where: 'noe/sa', index: 0 },
        address: 'azurerm_storage_account.sa',
      },
    ]);
    const report = checkModels([model], { rules: RULES, today: TODAY });
    expect(report.findings.map((f) => [f.ruleId, f.address, f.suppressed, f.suppression])).toEqual([
      [
        'RES-001',
        'azurerm_resource_group.rg',
        true,
        {
          reason: 'Resource group of the migration copy',
          expires: '2026-12-31',
          declaredAt: 'construct noe/rg',
        },
      ],
      [
        'RES-001',
        'azurerm_storage_account.sa',
        true,
        {
          reason: 'Temporary copy during a supervised migration',
          expires: '2026-12-31',
          declaredAt: 'construct noe/sa',
        },
      ],
    ]);
  });

  test('several suppressions on one resource, in one call or several, are all kept in the order given', () => {
    const stack = new TerraformStack(app, 'several');
    const sa = storageAccount(stack, 'sa');
    suppress(sa, MIGRATION, PILOT);
    suppress(sa, SANDBOX);
    const model = modelOf(stack);
    expect(suppressionsByPath(stack.toTerraform())).toEqual({ 'several/sa': [MIGRATION, PILOT, SANDBOX] });
    expect(declared(model)).toEqual([
      ['RES-001', 'azurerm_storage_account.sa', { kind: 'construct', where: 'several/sa', index: 0 }],
      ['NET-004', 'azurerm_storage_account.sa', { kind: 'construct', where: 'several/sa', index: 1 }],
      ['ENC-002', 'azurerm_storage_account.sa', { kind: 'construct', where: 'several/sa', index: 2 }],
    ]);
  });

  test('a suppression on a construct that is not a resource covers each resource below it, under its own address', () => {
    const stack = new TerraformStack(app, 'grouped');
    const team = new Construct(stack, 'team');
    storageAccount(team, 'data');
    new ResourceGroup(new Construct(team, 'inner'), 'rg', { name: 'rg-inner', location: 'westeurope' });
    storageAccount(stack, 'outside');
    suppress(team, MIGRATION);
    expect(suppressionsByPath(stack.toTerraform())).toEqual({});
    const model = modelOf(stack);
    expect(suppressionsByPath(stack.toTerraform())).toEqual({
      'grouped/team/data': [MIGRATION],
      'grouped/team/inner/rg': [MIGRATION],
    });
    expect(declared(model)).toEqual([
      [
        'RES-001',
        'azurerm_storage_account.team_data_1D6FC639',
        { kind: 'construct', where: 'grouped/team/data', index: 0 },
      ],
      [
        'RES-001',
        'azurerm_resource_group.team_inner_rg_A3E40B97',
        { kind: 'construct', where: 'grouped/team/inner/rg', index: 0 },
      ],
    ]);
    const report = checkModels([model], { rules: RULES, today: TODAY });
    expect(report.findings.map((f) => [f.address, f.suppressed])).toEqual([
      ['azurerm_storage_account.outside', false],
      ['azurerm_resource_group.team_inner_rg_A3E40B97', true],
      ['azurerm_storage_account.team_data_1D6FC639', true],
    ]);
  });

  test('a suppression on the stack covers every resource, and neither the provider nor an output', () => {
    const stack = new TerraformStack(app, 'whole');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    storageAccount(stack, 'one');
    storageAccount(stack, 'two');
    new TerraformOutput(stack, 'name', { value: 'stone' });
    suppress(stack, MIGRATION);
    const model = modelOf(stack);
    const json = stack.toTerraform();
    expect(suppressionsByPath(json)).toEqual({ 'whole/one': [MIGRATION], 'whole/two': [MIGRATION] });
    expect(json.provider.azurerm).toEqual([{ features: [{}] }]);
    expect(json.output.name).toEqual({ value: 'stone' });
    expect(declared(model).map(([, address]) => address)).toEqual([
      'azurerm_storage_account.one',
      'azurerm_storage_account.two',
    ]);
  });

  // Updated: this test asserted bug 2 (the two suppressions vanished without a TFS-003 finding).
  test('a suppression on a construct with no resource below it suppresses nothing, not even its siblings, and TFS-003 reports it', () => {
    const stack = new TerraformStack(app, 'empty');
    suppress(new Construct(stack, 'nothing-here'), MIGRATION);
    suppress(new TerraformOutput(stack, 'out', { value: 'x' }), MIGRATION);
    storageAccount(stack, 'sa');
    const model = modelOf(stack);
    expect(suppressionsByPath(stack.toTerraform())).toEqual({});
    const report = checkModels([model], { rules: RULES, today: TODAY });
    expect(report.findings.map((f) => [f.ruleId, f.address, f.suppressed])).toEqual([
      ['RES-001', 'azurerm_storage_account.sa', false],
      ['TFS-003', 'construct empty/nothing-here', false],
      ['TFS-003', 'construct empty/out', false],
    ]);
  });

  test('a suppression on an output, an empty group or a provider is written into the stack’s "//" and is a TFS-003 finding at its construct', () => {
    const stack = new TerraformStack(app, 'nothing');
    const provider = new AzurermProvider(stack, 'azurerm', { features: [{}] });
    suppress(provider, MIGRATION);
    suppress(new Construct(stack, 'group'), MIGRATION, { ...MIGRATION, reason: 'short' });
    suppress(new TerraformOutput(stack, 'out', { value: 'x' }), { ...MIGRATION, ruleId: 'RES-999' });
    const model = modelOf(stack);
    expect(stack.toTerraform()['//'].norway_policy).toEqual({
      unattached: {
        'nothing/azurerm': [MIGRATION],
        'nothing/group': [MIGRATION, { ...MIGRATION, reason: 'short' }],
        'nothing/out': [{ ...MIGRATION, ruleId: 'RES-999' }],
      },
    });
    expect(model.suppressions).toEqual([
      { spec: MIGRATION, origin: { kind: 'construct', where: 'nothing/azurerm', index: 0 } },
      { spec: MIGRATION, origin: { kind: 'construct', where: 'nothing/group', index: 0 } },
      {
        spec: { ...MIGRATION, reason: 'short' },
        origin: { kind: 'construct', where: 'nothing/group', index: 1 },
      },
      {
        spec: { ...MIGRATION, ruleId: 'RES-999' },
        origin: { kind: 'construct', where: 'nothing/out', index: 0 },
      },
    ]);
    const nothing = (path: string) =>
      `suppression at construct ${path}: applies to nothing: construct ${path} has no Terraform resource or data source at or below it; attach it to the construct that holds the resources.`;
    const report = checkModels([model], { rules: RULES, today: TODAY });
    expect(
      report.findings.map((f) => [f.ruleId, f.address, f.constructPath, f.message, f.suppressed]),
    ).toEqual([
      [
        'TFS-003',
        'construct nothing/azurerm',
        'nothing/azurerm',
        `RES-001 ${nothing('nothing/azurerm')}`,
        false,
      ],
      ['TFS-003', 'construct nothing/group', 'nothing/group', `RES-001 ${nothing('nothing/group')}`, false],
      ['TFS-003', 'construct nothing/group', 'nothing/group', `RES-001 ${nothing('nothing/group')}`, false],
      [
        'TFS-003',
        'construct nothing/group',
        'nothing/group',
        'RES-001 suppression at construct nothing/group: has a reason of 5 characters; write why, in at least 10.',
        false,
      ],
      ['TFS-003', 'construct nothing/out', 'nothing/out', `RES-999 ${nothing('nothing/out')}`, false],
      [
        'TFS-003',
        'construct nothing/out',
        'nothing/out',
        'RES-999 suppression at construct nothing/out: names unknown rule RES-999 (known: RES-001, TFS-003).',
        false,
      ],
    ]);
    expect(metadataOverrides(stack)).toEqual([]);
  });

  test('a suppression that applied to nothing is cleared once the construct holds a resource', () => {
    const stack = new TerraformStack(app, 'filled');
    const group = new Construct(stack, 'group');
    suppress(group, MIGRATION);
    expect(declared(modelOf(stack))).toEqual([
      ['RES-001', undefined, { kind: 'construct', where: 'filled/group', index: 0 }],
    ]);
    storageAccount(group, 'sa');
    const model = modelOf(stack);
    // addOverride cannot delete a key: the list is cleared to nothing, which JSON leaves as {}.
    expect(stack.toTerraform()['//'].norway_policy).toEqual({});
    expect(declared(model)).toEqual([
      [
        'RES-001',
        'azurerm_storage_account.group_sa_15F99D28',
        { kind: 'construct', where: 'filled/group/sa', index: 0 },
      ],
    ]);
    expect(metadataOverrides(stack)).toEqual([]);
  });

  test('a suppression on an output of a NorwayStack fails synth and travels into cdk.tf.json for the CLI', () => {
    const synthed = (rules: typeof RULES) => {
      const outdir = mkdtempSync(join(tmpdir(), 'suppress-nothing-'));
      const synthApp = new App({ outdir, stackTraces: false });
      const stack = new NorwayStack(synthApp, 'bare', {
        region: 'norwayeast',
        bootstrap: true,
        policy: { today: TODAY, rules },
      });
      suppress(new TerraformOutput(stack, 'out', { value: 'x' }), MIGRATION);
      return synthApp;
    };
    expect(() => synthed(RULES).synth()).toThrow(
      '[bare/out] [TFS-003] construct bare/out: RES-001 suppression at construct bare/out: applies to nothing: construct bare/out has no Terraform resource or data source at or below it; attach it to the construct that holds the resources.',
    );
    // Without the guard's rules synth writes the stack; the CLI then reports what the guard would have.
    const unguarded = synthed([]);
    unguarded.synth();
    const json = JSON.parse(readFileSync(join(unguarded.outdir, 'stacks/bare/cdk.tf.json'), 'utf8'));
    expect(json['//'].norway_policy).toEqual({ bootstrap: true, unattached: { 'bare/out': [MIGRATION] } });
    const report = checkModels(loadCdktfOut(unguarded.outdir), { rules: RULES, today: TODAY });
    expect(report.findings.map((f) => [f.ruleId, f.address, f.stack, f.constructPath, f.suppressed])).toEqual(
      [['TFS-003', 'construct bare/out', 'bare', 'bare/out', false]],
    );
  });

  test('a suppression on a data source reaches its "//" in cdk.tf.json and the model, as a resource’s does', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'suppress-data-'));
    const synthApp = new App({ outdir, stackTraces: false });
    const stack = new NorwayStack(synthApp, 'reads', {
      region: 'norwayeast',
      bootstrap: true,
      policy: { today: TODAY, rules: RULES },
    });
    const cc = new DataAzurermClientConfig(stack, 'cc');
    suppress(cc, MIGRATION);
    const STORAGE = { ...MIGRATION, reason: 'Storage account of the migration copy' };
    suppress(storageAccount(stack, 'sa', 'norwayeast'), STORAGE);
    // The guard's view: stack.toTerraform().
    const guarded = modelOf(stack);
    synthApp.synth();

    const json = JSON.parse(readFileSync(join(outdir, 'stacks/reads/cdk.tf.json'), 'utf8'));
    expect(json.data.azurerm_client_config.cc['//'].norway_policy).toEqual({
      suppressions: [MIGRATION],
      source: { file: '__tests__/cdktf/suppress.test.ts', line: expect.any(Number) },
    });
    expect(json.resource.azurerm_storage_account.sa['//'].norway_policy.suppressions).toEqual([STORAGE]);
    const [fromDisk] = loadCdktfOut(outdir);
    for (const model of [guarded, fromDisk])
      expect(declared(model)).toEqual([
        ['RES-001', 'azurerm_storage_account.sa', { kind: 'construct', where: 'reads/sa', index: 0 }],
        ['RES-001', 'data.azurerm_client_config.cc', { kind: 'construct', where: 'reads/cc', index: 0 }],
      ]);
    const data = fromDisk.resources.find((r) => r.address === 'data.azurerm_client_config.cc');
    expect(data?.source.creation).toEqual({
      file: '__tests__/cdktf/suppress.test.ts',
      line: expect.any(Number),
    });
  });

  test('only the rule id, reason and expiry are written; other fields of the object are left behind', () => {
    const stack = new TerraformStack(app, 'fields');
    const withExtras = { ...MIGRATION, address: '*', declaredAt: 'policy.yaml' };
    suppress(storageAccount(stack, 'sa'), withExtras);
    modelOf(stack);
    expect(suppressionsByPath(stack.toTerraform())).toEqual({
      'fields/sa': [
        { ruleId: 'RES-001', reason: 'Temporary copy during a supervised migration', expires: '2026-12-31' },
      ],
    });
  });

  test('the suppression is taken when suppress is called: later changes to the object do not reach it', () => {
    const stack = new TerraformStack(app, 'copied');
    const mutable = { ...MIGRATION };
    suppress(storageAccount(stack, 'sa'), mutable);
    mutable.expires = '2099-12-31';
    modelOf(stack);
    expect(suppressionsByPath(stack.toTerraform())).toEqual({ 'copied/sa': [MIGRATION] });
  });

  test('suppress with no suppressions writes nothing', () => {
    const stack = new TerraformStack(app, 'none');
    const sa = storageAccount(stack, 'sa');
    suppress(sa);
    const model = modelOf(stack);
    expect(stack.toTerraform().resource.azurerm_storage_account.sa['//']).toEqual({
      metadata: { path: 'none/sa', uniqueId: 'sa' },
    });
    expect([model.suppressions, writtenMetadata(sa)]).toEqual([[], undefined]);
  });

  // suppress() accepts anything; the guard and the CLI judge what it wrote (TFS-003).
  test.each([
    [
      { ...MIGRATION, ruleId: 'RES-999' },
      'RES-999 suppression at construct invalid/sa: names unknown rule RES-999 (known: RES-001, TFS-003).',
    ],
    [
      { ...MIGRATION, ruleId: 'TFS-003' },
      'TFS-003 suppression at construct invalid/sa: tries to suppress TFS-003, which cannot be suppressed.',
    ],
    [{ ...MIGRATION, ruleId: '' }, 'Suppression at construct invalid/sa: has no ruleId.'],
    [
      { ...MIGRATION, ruleId: 42 as unknown as string },
      'Suppression at construct invalid/sa: has no ruleId.',
    ],
    [
      { ...MIGRATION, reason: 'too short' },
      'RES-001 suppression at construct invalid/sa: has a reason of 9 characters; write why, in at least 10.',
    ],
    [
      { ...MIGRATION, reason: '   padded   ' },
      'RES-001 suppression at construct invalid/sa: has a reason of 6 characters; write why, in at least 10.',
    ],
    [
      { ...MIGRATION, expires: '2026-11-24' },
      'RES-001 suppression at construct invalid/sa: expired on 2026-11-24; fix the finding or renew the suppression with a new reason.',
    ],
    [
      { ...MIGRATION, expires: '31.12.2026' },
      'RES-001 suppression at construct invalid/sa: has expiry "31.12.2026", which is not a date (YYYY-MM-DD).',
    ],
    [
      { ...MIGRATION, expires: '2027-11-26' },
      'RES-001 suppression at construct invalid/sa: expires on 2027-11-26, more than 12 months ahead (at most 2027-11-25); review the risk and renew it then.',
    ],
    [
      { ...MIGRATION, expires: undefined as unknown as string },
      'RES-001 suppression at construct invalid/sa: has no expiry; add expires: YYYY-MM-DD.',
    ],
  ])('the invalid suppression %j is a TFS-003 finding and suppresses nothing', (suppression, message) => {
    const stack = new TerraformStack(app, 'invalid');
    suppress(storageAccount(stack, 'sa'), suppression);
    try {
      const report = checkModels([modelOf(stack)], { rules: RULES, today: TODAY });
      expect(report.findings.map((f) => [f.ruleId, f.address, f.message, f.suppressed])).toEqual([
        ['RES-001', 'azurerm_storage_account.sa', expect.stringContaining('"westeurope"'), false],
        ['TFS-003', 'azurerm_storage_account.sa', message, false],
      ]);
    } finally {
      app.node.tryRemoveChild('invalid');
    }
  });
});

describe('applySuppressions', () => {
  const app = Testing.app();

  test('writes nothing until it runs: suppress only records the suppression on the construct', () => {
    const stack = new TerraformStack(app, 'pending');
    suppress(storageAccount(stack, 'sa'), MIGRATION);
    expect(suppressionsByPath(stack.toTerraform())).toEqual({});
    applySuppressions(stack);
    expect(suppressionsByPath(stack.toTerraform())).toEqual({ 'pending/sa': [MIGRATION] });
  });

  test('running it again writes the same list, not a doubled one', () => {
    const stack = new TerraformStack(app, 'again');
    const sa = storageAccount(stack, 'sa');
    suppress(stack, MIGRATION);
    suppress(sa, PILOT);
    applySuppressions(stack);
    const once = JSON.stringify(stack.toTerraform());
    applySuppressions(stack);
    expect(JSON.stringify(stack.toTerraform())).toBe(once);
    expect(suppressionsByPath(stack.toTerraform())).toEqual({ 'again/sa': [MIGRATION, PILOT] });
  });

  test('a suppression added after a run is written by the next run, after the earlier ones', () => {
    const stack = new TerraformStack(app, 'later');
    const sa = storageAccount(stack, 'sa');
    suppress(sa, MIGRATION);
    applySuppressions(stack);
    suppress(sa, PILOT);
    applySuppressions(stack);
    expect(suppressionsByPath(stack.toTerraform())).toEqual({ 'later/sa': [MIGRATION, PILOT] });
  });

  test('outer constructs’ suppressions come before inner ones, whatever order suppress was called in', () => {
    const stack = new TerraformStack(app, 'nested');
    const team = new Construct(stack, 'team');
    const sa = storageAccount(team, 'sa');
    suppress(sa, SANDBOX);
    suppress(team, PILOT);
    suppress(stack, MIGRATION);
    const model = modelOf(stack);
    expect(suppressionsByPath(stack.toTerraform())).toEqual({
      'nested/team/sa': [MIGRATION, PILOT, SANDBOX],
    });
    expect(declared(model)).toEqual(
      [0, 1, 2].map((index) => [
        [MIGRATION, PILOT, SANDBOX][index].ruleId,
        'azurerm_storage_account.team_sa_BE2753BC',
        { kind: 'construct', where: 'nested/team/sa', index },
      ]),
    );
  });

  test('each resource gets its own suppressions and those of the constructs above it, no others', () => {
    const stack = new TerraformStack(app, 'separate');
    const team = new Construct(stack, 'team');
    suppress(team, MIGRATION);
    suppress(storageAccount(team, 'a'), PILOT);
    suppress(storageAccount(team, 'b'), SANDBOX);
    storageAccount(stack, 'c');
    applySuppressions(stack);
    expect(suppressionsByPath(stack.toTerraform())).toEqual({
      'separate/team/a': [MIGRATION, PILOT],
      'separate/team/b': [MIGRATION, SANDBOX],
    });
  });
});

/** What applySuppressions recorded as written for an element's block (the guard compares the JSON with it). */
function writtenMetadata(element: IConstruct): unknown {
  return isTerraformBlock(element)
    ? writtenBlockMetadata(TerraformStack.of(element), blockBodyPath(element))
    : undefined;
}

describe('what applySuppressions records as written', () => {
  const app = Testing.app();

  test('is undefined for an element applySuppressions has not written to', () => {
    const stack = new TerraformStack(app, 'unwritten');
    const provider = new AzurermProvider(stack, 'azurerm', { features: [{}] });
    const sa = storageAccount(stack, 'sa');
    suppress(stack, MIGRATION);
    expect(writtenMetadata(sa)).toBeUndefined();
    applySuppressions(stack);
    expect([writtenMetadata(sa), writtenMetadata(provider)]).toEqual([
      { norway_policy: { suppressions: [MIGRATION] } },
      undefined,
    ]);
    const bare = new TerraformStack(app, 'bare');
    const plain = storageAccount(bare, 'plain');
    applySuppressions(bare);
    expect(writtenMetadata(plain)).toBeUndefined();
  });

  test('is exactly the "//" that applySuppressions wrote onto the element, as synth writes it', () => {
    const stack = new TerraformStack(app, 'written');
    const sa = storageAccount(stack, 'sa');
    suppress(stack, MIGRATION);
    suppress(sa, PILOT);
    applySuppressions(stack);
    expect(writtenMetadata(sa)).toEqual({ norway_policy: { suppressions: [MIGRATION, PILOT] } });
    const { metadata, ...ours } = stack.toTerraform().resource.azurerm_storage_account.sa['//'];
    expect(metadata).toEqual({ path: 'written/sa', uniqueId: 'sa' });
    expect(ours).toEqual(writtenMetadata(sa));
  });

  test('follows the latest run', () => {
    const stack = new TerraformStack(app, 'latest');
    const sa = storageAccount(stack, 'sa');
    suppress(sa, MIGRATION);
    applySuppressions(stack);
    suppress(sa, SANDBOX);
    applySuppressions(stack);
    expect(writtenMetadata(sa)).toEqual({ norway_policy: { suppressions: [MIGRATION, SANDBOX] } });
  });

  test('a suppression written by hand with addOverride is not one it wrote, so the guard names it', () => {
    const stack = new TerraformStack(app, 'forged');
    const honest = storageAccount(stack, 'honest');
    const forged = storageAccount(stack, 'forged');
    suppress(honest, MIGRATION);
    forged.addOverride('//.norway_policy.suppressions', [MIGRATION]);
    applySuppressions(stack);
    expect(suppressionsByPath(stack.toTerraform())).toEqual({
      'forged/honest': [MIGRATION],
      'forged/forged': [MIGRATION],
    });
    expect([writtenMetadata(honest), writtenMetadata(forged)]).toEqual([
      { norway_policy: { suppressions: [MIGRATION] } },
      undefined,
    ]);
    expect(metadataOverrides(stack)).toEqual(['forged/forged']);
  });
});
