import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Aspects, TerraformStack } from 'cdktf';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { NorwayStack } from '../../stacks/norway-stack';
import { checkStack, PolicyGuard } from '../../policies/cdktf/guard';
import { suppress } from '../../policies/cdktf/suppress';
import { loadCdktfOut } from '../../policies/model/load-cdktf-out';
import { checkModels } from '../../policies/engine/engine';
import { RES_001 } from '../../policies/rules/residency/res-001-norway-location';
import { RES_002 } from '../../policies/rules/residency/res-002-global-types';
import { RES_003 } from '../../policies/rules/residency/res-003-allowed-providers';
import { TFS_001 } from '../../policies/rules/state/tfs-001-state-backend';
import { TFS_003 } from '../../policies/rules/state/tfs-003-valid-suppressions';
import { TODAY } from '../helpers/today';

// These tests are about the guard mechanism; the rule set is fixed so new catalogue rules do not change them.
const RULES = [RES_001, RES_002, RES_003, TFS_001, TFS_003];
const POLICY = { today: TODAY, rules: RULES };

function newApp(): App {
  return new App({ outdir: mkdtempSync(join(tmpdir(), 'guard-')), stackTraces: false });
}

/** A stack with a Norway resource group and one storage account; `tweak` bends it. */
function stackWithStorage(
  app: App,
  tweak: (parts: { stack: NorwayStack; rg: ResourceGroup; sa: StorageAccount }) => void,
) {
  const stack = new NorwayStack(app, 'guarded', { region: 'norwayeast', bootstrap: true, policy: POLICY });
  const rg = new ResourceGroup(stack, 'rg', { name: 'rg-guarded', location: 'norwayeast' });
  const sa = new StorageAccount(stack, 'sa', {
    name: 'stguarded001',
    location: rg.location,
    resourceGroupName: rg.name,
    accountTier: 'Standard',
    accountReplicationType: 'ZRS',
  });
  tweak({ stack, rg, sa });
  return stack;
}

function synthError(app: App): string {
  try {
    app.synth();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected synth to fail');
}

describe('synth-time guard', () => {
  test('passes a stack whose resources are all in Norway', () => {
    const app = newApp();
    stackWithStorage(app, () => undefined);
    expect(() => app.synth()).not.toThrow();
  });

  test('fails synth for a raw StorageAccount in westeurope, naming rule, construct path and fix', () => {
    const app = newApp();
    stackWithStorage(app, ({ stack, rg }) => {
      new StorageAccount(stack, 'raw', {
        name: 'strawwesteurope',
        location: 'westeurope',
        resourceGroupName: rg.name,
        accountTier: 'Standard',
        accountReplicationType: 'LRS',
      });
    });
    const message = synthError(app);
    expect(message).toContain(
      '[guarded/raw] [RES-001] azurerm_storage_account.raw: location is "westeurope", outside Norway',
    );
    expect(message).toContain("Fix: Set location to 'norwayeast'");
  });

  test('fails synth for addOverride("location", "westeurope")', () => {
    const app = newApp();
    stackWithStorage(app, ({ sa }) => sa.addOverride('location', 'westeurope'));
    expect(synthError(app)).toContain(
      '[guarded/sa] [RES-001] azurerm_storage_account.sa: location is "westeurope"',
    );
  });

  test('runs after every aspect: one added to a child after construction cannot move a resource abroad', () => {
    const app = newApp();
    stackWithStorage(app, ({ sa }) => {
      Aspects.of(sa).add({ visit: (node) => node === sa && sa.addOverride('location', 'westeurope') });
    });
    expect(synthError(app)).toContain(
      '[guarded/sa] [RES-001] azurerm_storage_account.sa: location is "westeurope"',
    );
  });

  test('fails synth when addOverride writes a suppression into the policy metadata by hand', () => {
    const app = newApp();
    stackWithStorage(app, ({ sa }) => {
      sa.addOverride('location', 'westeurope');
      sa.addOverride('//.norway_policy.suppressions', [
        { ruleId: 'RES-001', reason: 'Looks like a real suppression', expires: '2027-01-01' },
      ]);
    });
    expect(synthError(app)).toContain(
      '[guarded/sa] [TFS-003] guarded/sa: addOverride("//…") rewrites the policy metadata (suppressions, the bootstrap mark).',
    );
  });

  test('fails synth when the stack’s overrides write a suppression into a block’s policy metadata by hand', () => {
    const app = newApp();
    stackWithStorage(app, ({ stack, sa }) => {
      sa.addOverride('location', 'westeurope');
      stack.addOverride('resource.azurerm_storage_account.sa.//.norway_policy.suppressions', [
        { ruleId: 'RES-001', reason: 'Looks like a real suppression', expires: '2027-01-01' },
      ]);
    });
    expect(synthError(app)).toContain(
      '[guarded/sa] [TFS-003] guarded/sa: addOverride("//…") rewrites the policy metadata (suppressions, the bootstrap mark).',
    );
  });

  test('a suppression on a data source passes the guard and reaches cdk.tf.json', () => {
    const app = newApp();
    stackWithStorage(app, ({ stack }) => {
      suppress(new DataAzurermClientConfig(stack, 'cc'), {
        ruleId: 'RES-001',
        reason: 'Reads the client of the deployment',
        expires: '2027-01-01',
      });
    });
    expect(() => app.synth()).not.toThrow();
    const json = JSON.parse(readFileSync(join(app.outdir, 'stacks/guarded/cdk.tf.json'), 'utf8'));
    expect(json.data.azurerm_client_config.cc['//'].norway_policy.suppressions).toEqual([
      { ruleId: 'RES-001', reason: 'Reads the client of the deployment', expires: '2027-01-01' },
    ]);
  });

  test('fails synth when a stack marks itself bootstrap by addOverride', () => {
    const app = newApp();
    const stack = new TerraformStack(app, 'sneaky');
    Aspects.of(stack).add(new PolicyGuard(POLICY));
    stack.addOverride('//.norway_policy.bootstrap', true);
    expect(synthError(app)).toContain(
      '[sneaky] [TFS-003] sneaky: addOverride("//…") rewrites the policy metadata',
    );
  });

  test('suppress() and the NorwayStack bootstrap mark are not overrides by hand', () => {
    const app = newApp();
    stackWithStorage(app, ({ sa }) => {
      sa.addOverride('location', 'westeurope');
      suppress(sa, { ruleId: 'RES-001', reason: 'Temporary test placement', expires: '2027-01-01' });
    });
    expect(() => app.synth()).not.toThrow();
  });

  test('fails synth for a location referenced from a non-Norway resource group', () => {
    const app = newApp();
    stackWithStorage(app, ({ stack }) => {
      const foreign = new ResourceGroup(stack, 'foreign', { name: 'rg-foreign', location: 'West Europe' });
      new StorageAccount(stack, 'follows', {
        name: 'stfollows001',
        location: foreign.location,
        resourceGroupName: foreign.name,
        accountTier: 'Standard',
        accountReplicationType: 'LRS',
      });
    });
    const message = synthError(app);
    expect(message).toContain(
      '[guarded/foreign] [RES-001] azurerm_resource_group.foreign: location is "West Europe"',
    );
    expect(message).toContain(
      '[guarded/follows] [RES-001] azurerm_storage_account.follows: location is "West Europe"',
    );
  });

  test('a location that cannot be resolved fails closed', () => {
    const app = newApp();
    stackWithStorage(app, ({ sa }) => sa.addOverride('location', '${lower(var.region)}'));
    expect(synthError(app)).toMatch(/\[guarded\/sa\] \[RES-001\] .*cannot be verified before apply/);
  });

  test('a valid suppression keeps the finding in the report, marked suppressed, and lets synth pass', () => {
    const app = newApp();
    const stack = stackWithStorage(app, ({ sa }) => {
      sa.addOverride('location', 'westeurope');
      suppress(sa, {
        ruleId: 'RES-001',
        reason: 'Temporary copy during a supervised migration',
        expires: '2026-12-31',
      });
    });
    const report = checkStack(stack, POLICY);
    expect(report.findings.map((f) => [f.ruleId, f.address, f.suppressed])).toEqual([
      ['RES-001', 'azurerm_storage_account.sa', true],
    ]);
    expect(report.findings[0].suppression).toEqual({
      reason: 'Temporary copy during a supervised migration',
      expires: '2026-12-31',
      declaredAt: 'construct guarded/sa',
    });
    expect(() => app.synth()).not.toThrow();

    // The suppression travels into cdk.tf.json, so the CLI sees what the guard saw.
    const models = loadCdktfOut(app.outdir);
    const fromDisk = checkModels(models, POLICY);
    expect(fromDisk.findings.map((f) => [f.ruleId, f.address, f.suppressed])).toEqual([
      ['RES-001', 'azurerm_storage_account.sa', true],
    ]);
    const json = JSON.parse(readFileSync(join(app.outdir, 'stacks/guarded/cdk.tf.json'), 'utf8'));
    expect(json.resource.azurerm_storage_account.sa['//'].norway_policy.suppressions).toEqual([
      { ruleId: 'RES-001', reason: 'Temporary copy during a supervised migration', expires: '2026-12-31' },
    ]);
  });

  test.each([
    [
      { ruleId: 'RES-999', reason: 'A long enough reason here', expires: '2026-12-31' },
      'names unknown rule RES-999',
    ],
    [{ ruleId: 'RES-001', reason: 'too short', expires: '2026-12-31' }, 'has a reason of 9 characters'],
    [
      { ruleId: 'RES-001', reason: 'A long enough reason here', expires: '2026-11-24' },
      'expired on 2026-11-24',
    ],
    [
      { ruleId: 'RES-001', reason: 'A long enough reason here', expires: '31.12.2026' },
      'is not a date (YYYY-MM-DD)',
    ],
  ])('an invalid suppression %j fails synth with TFS-003 and suppresses nothing', (suppression, problem) => {
    const app = newApp();
    stackWithStorage(app, ({ sa }) => {
      sa.addOverride('location', 'westeurope');
      suppress(sa, suppression);
    });
    const message = synthError(app);
    expect(message).toMatch(/\[TFS-003\] azurerm_storage_account\.sa: RES-/);
    expect(message).toContain(problem);
    expect(message).toContain('[guarded/sa] [RES-001]');
  });

  test('a suppression on a parent construct covers the resources below it', () => {
    const app = newApp();
    const stack = stackWithStorage(app, ({ stack: s }) => {
      new StorageAccount(s, 'a', {
        name: 'sta',
        location: 'westeurope',
        resourceGroupName: 'x',
        accountTier: 'Standard',
        accountReplicationType: 'LRS',
      });
    });
    suppress(stack, {
      ruleId: 'RES-001',
      reason: 'Whole stack is a sandbox outside production',
      expires: '2026-12-01',
    });
    const report = checkStack(stack, POLICY);
    expect(report.summary.errors).toBe(0);
    expect(report.findings.filter((f) => f.suppressed).map((f) => f.address)).toEqual([
      'azurerm_storage_account.a',
    ]);
  });

  test('three findings make exactly three one-line annotations and a closing count, with no stack trace', () => {
    // GIVEN a stack with three raw storage accounts abroad, synthesized as the cdktf CLI does (it
    // continues past error annotations and prints each manifest annotation as `LEVEL [path]: message`)
    const previous = process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
    process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = 'true'; // read when a stack is constructed
    const app = newApp();
    try {
      stackWithStorage(app, ({ stack, rg }) => {
        for (const [id, location] of [
          ['one', 'westeurope'],
          ['two', 'swedencentral'],
          ['three', 'eastus'],
        ]) {
          new StorageAccount(stack, id, {
            name: `st${id}`,
            location,
            resourceGroupName: rg.name,
            accountTier: 'Standard',
            accountReplicationType: 'LRS',
          });
        }
      });
    } finally {
      if (previous === undefined) delete process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
      else process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = previous;
    }
    app.synth();
    // WHEN the annotations are read back from manifest.json
    const manifest = JSON.parse(readFileSync(join(app.outdir, 'manifest.json'), 'utf8'));
    const annotations: { level: string; constructPath: string; message: string; stacktrace?: string[] }[] =
      manifest.stacks.guarded.annotations;
    const printed = annotations.map(
      (a) => `${a.level.replace(/^@cdktf\//, '').toUpperCase()} [${a.constructPath}]: ${a.message}`,
    );
    // THEN three finding lines (rule, construct path, message, fix), then the count, nothing else
    expect(printed).toEqual([
      expect.stringMatching(
        /^ERROR \[guarded\/one\]: \[RES-001\] azurerm_storage_account\.one: location is "westeurope", outside Norway .* Fix: Set location to 'norwayeast'/,
      ),
      expect.stringMatching(
        /^ERROR \[guarded\/two\]: \[RES-001\] azurerm_storage_account\.two: location is "swedencentral".* Fix: /,
      ),
      expect.stringMatching(
        /^ERROR \[guarded\/three\]: \[RES-001\] azurerm_storage_account\.three: location is "eastus".* Fix: /,
      ),
      'INFO [guarded/PolicySummary]: norway-policy: stack guarded: 3 errors, 0 warnings, 0 suppressed (synth fails).',
    ]);
    expect(printed.join('\n').split('\n')).toHaveLength(4);
    // Each finding names the TypeScript that created its construct (this file, where the loop runs).
    for (const line of printed.slice(0, 3))
      expect(line).toMatch(/ \(at __tests__\/cdktf\/guard\.test\.ts:\d+\)$/);
    expect(annotations.map((a) => a.stacktrace)).toEqual([undefined, undefined, undefined, undefined]);
  });

  test('a stack without findings gets no count line', () => {
    const app = newApp();
    stackWithStorage(app, () => undefined);
    app.synth();
    const manifest = JSON.parse(readFileSync(join(app.outdir, 'manifest.json'), 'utf8'));
    expect(manifest.stacks.guarded.annotations).toEqual([]);
  });

  test('a non-bootstrap stack without Norway state cannot be built', () => {
    const app = newApp();
    expect(() => new NorwayStack(app, 'nostate', { region: 'norwayeast' })).toThrow(
      'NorwayStack nostate: pass state (the Norway state account) or mark the stack bootstrap.',
    );
    expect(() => new NorwayStack(app, 'west', { region: 'norwaywest', bootstrap: true })).toThrow(
      /norwayWestApproved/,
    );
  });

  test('a plain TerraformStack with a local backend fails TFS-001 through checkStack', () => {
    const app = newApp();
    const stack = new TerraformStack(app, 'plain');
    new ResourceGroup(stack, 'rg', { name: 'rg', location: 'norwayeast' });
    const report = checkStack(stack, POLICY);
    expect(report.findings.filter((f) => !f.suppressed).map((f) => [f.ruleId, f.address])).toContainEqual([
      'TFS-001',
      'terraform.backend',
    ]);
  });

  test('checkStack outside synth applies the stack default tags first, as synth would', () => {
    const app = newApp();
    const stack = stackWithStorage(app, () => undefined);
    const report = checkStack(stack, POLICY);
    const rg = report.workspace.models[0].byAddress.get('azurerm_resource_group.rg');
    expect(rg?.values.tags).toEqual({
      'managed-by': 'norway-iac',
      'data-residency': 'norway',
      stack: 'guarded',
    });
  });
});
