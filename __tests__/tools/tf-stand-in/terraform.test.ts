/**
 * Terraform 1.11 itself, offline, against the stand-in provider: the default platform validates stack by
 * stack, real plans have the shape the engine reads, remote state arrives as real values, a broken
 * override fails with Terraform's own message, and CHG-001/CHG-002 fire on real replace plans.
 */
import { readFileSync } from 'node:fs';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { checkModels } from '../../../policies/engine/engine';
import { ALL_RULES } from '../../../policies/rules';
import { loadPlan } from '../../../policies/model/load-plan';
import { loadTerraformJson } from '../../../policies/model/load-terraform-json';
import { CHG_001 } from '../../../policies/rules/change/chg-001-data-loss';
import { CHG_002 } from '../../../policies/rules/change/chg-002-location-change';
import { RES_001 } from '../../../policies/rules/residency/res-001-norway-location';
import { tfPlan, type StackResult } from '../../../scripts/tf-plan';
import { FAKE_SUBSCRIPTION, FAKE_TENANT } from '../../../tools/tf-stand-in/providers';
import { policySettings } from '../../../stacks/platform-app';
import { findingsOf } from '../../helpers/rule-tester';
import { planOf } from '../../helpers/platform-workspace';
import { synthDefaultPlatform, type SynthesizedPlatform } from '../../helpers/synth-default';
import { standInSession, synthStack, TERRAFORM, type Session } from '../../helpers/tf-stand-in';
import { TODAY } from '../../helpers/today';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- plan JSON is read by path in assertions
type Json = Record<string, any>;

const PLANNED = ['bootstrap', 'platform-dev-norwayeast', 'workload-dalen-dev'];

let platform: SynthesizedPlatform;
let validated: StackResult[];
let planned: StackResult[];
const plans = new Map<string, Json>();

beforeAll(async () => {
  platform = synthDefaultPlatform();
  const quiet = { log: () => undefined, terraform: TERRAFORM };
  validated = await tfPlan({ outDir: platform.outdir, validateOnly: true, ...quiet });
  planned = await tfPlan({ outDir: platform.outdir, stacks: PLANNED, ...quiet });
  for (const r of planned) plans.set(r.stack, JSON.parse(readFileSync(r.planPath!, 'utf8')) as Json);
}, 180_000);

const changeOf = (plan: Json, address: string): Json => {
  const change = (plan.resource_changes as Json[]).find((c) => c.address === address);
  if (!change) throw new Error(`no resource change ${address}`);
  return change;
};
const managedAddresses = (stackJson: Json): string[] =>
  Object.entries((stackJson.resource ?? {}) as Json).flatMap(([type, byName]) =>
    Object.keys(byName as Json).map((name) => `${type}.${name}`),
  );

describe('the default platform under terraform validate', () => {
  it('validates every stack, in dependency order', () => {
    const stacks = platform.manifest.stacks;
    const order = validated.map((r) => r.stack);
    // Every stack of the manifest (ten in the default configuration), each after the stacks it reads.
    expect([...order].sort()).toEqual(Object.keys(stacks).sort());
    expect(order.length).toBeGreaterThanOrEqual(10);
    for (const [i, name] of order.entries()) {
      for (const dep of stacks[name].dependencies)
        expect([name, order.indexOf(dep) < i]).toEqual([name, true]);
    }
    expect(validated.every((r) => r.planPath === undefined && !r.applied)).toBe(true);
  });
});

describe('real plans of bootstrap -> platform-dev-norwayeast -> workload-dalen-dev', () => {
  it('applies only the stacks another planned stack reads', () => {
    expect(planned.map((r) => [r.stack, r.applied])).toEqual([
      ['bootstrap', true],
      ['platform-dev-norwayeast', true],
      ['workload-dalen-dev', false],
    ]);
  });

  it('are terraform 1.11 plans, format 1.2, creating exactly the synthesized resources', () => {
    for (const stack of PLANNED) {
      const plan = plans.get(stack)!;
      expect(plan.terraform_version).toMatch(/^1\.11\.\d+$/);
      expect(plan.format_version).toBe('1.2');
      const creates = (plan.resource_changes as Json[]).map((c) => [c.address, c.change.actions]);
      expect(creates.map(([a]) => a).sort()).toEqual(managedAddresses(platform.stack(stack)).sort());
      expect(creates.every(([, actions]) => JSON.stringify(actions) === '["create"]')).toBe(true);
    }
  });

  it('plan configured values as written, unset optionals null, id and computed-only attributes unknown', () => {
    const change = changeOf(plans.get('bootstrap')!, 'azurerm_storage_account.StateAccount_B7FF9B93');
    expect(change.provider_name).toBe('registry.terraform.io/hashicorp/azurerm');
    expect(change.change.after).toMatchObject({
      location: 'norwayeast',
      account_replication_type: 'GZRS',
      account_tier: 'Standard',
      public_network_access_enabled: false,
      shared_access_key_enabled: false,
      edge_zone: null,
    });
    expect(change.change.after_unknown).toMatchObject({ id: true, primary_blob_endpoint: true });
    expect(change.change.after).not.toHaveProperty('id');
  });

  it('read data sources while planning, with the configured fake tenant', () => {
    const prior = plans.get('bootstrap')!.prior_state.values.root_module.resources as Json[];
    const client = prior.find((r) => r.address === 'data.azurerm_client_config.Client')!;
    expect(client.values).toMatchObject({ tenant_id: FAKE_TENANT, subscription_id: FAKE_SUBSCRIPTION });
  });

  it('read the producer stack through terraform_remote_state as known ARM ids', () => {
    const plan = plans.get('workload-dalen-dev')!;
    const prior = plan.prior_state.values.root_module.resources as Json[];
    const remote = prior.find((r) => r.type === 'terraform_remote_state')!;
    expect(remote.address).toBe(
      'data.terraform_remote_state.cross-stack-reference-input-platform-dev-norwayeast',
    );
    const outputs = remote.values.outputs as Record<string, string>;
    const hubId = Object.entries(outputs).find(
      ([k]) => k.includes('virtual_networkHub') && k.endsWith('id'),
    )![1];
    expect(hubId).toBe(
      `/subscriptions/${FAKE_SUBSCRIPTION}/resourceGroups/rg-hex-dev-platform-noe/providers/Microsoft.Network/virtualNetworks/vnet-hex-dev-hub-noe`,
    );
    // The spoke's peering to the hub is therefore known at plan, not "known after apply".
    const peering = (plan.resource_changes as Json[]).find(
      (c) =>
        c.type === 'azurerm_virtual_network_peering' && c.change.after.remote_virtual_network_id === hubId,
    );
    expect(peering).toBeDefined();
    expect(peering!.change.after_unknown.remote_virtual_network_id).toBeUndefined();
  });

  it('load into the engine; bootstrap alone, and the platform stack with bootstrap, pass the policy check', () => {
    const bootstrap = loadPlan(plans.get('bootstrap')!, { file: 'plans/bootstrap.json', stack: 'bootstrap' });
    for (const stack of ['bootstrap', 'platform-dev-norwayeast']) {
      const model = loadPlan(plans.get(stack)!, { file: `plans/${stack}.json`, stack });
      // The platform's private endpoint to the state account resolves through the bootstrap plan; the
      // stack's code brings its suppressions (the hub's egress IP).
      const code = loadTerraformJson(platform.stack(stack), {
        file: `cdktf.out/stacks/${stack}/cdk.tf.json`,
        stack,
      });
      const estate = stack === 'bootstrap' ? [model, code] : [model, bootstrap, code];
      const settings = policySettings(platform.config);
      const errors = checkModels(estate, {
        rules: ALL_RULES,
        today: TODAY,
        reportOn: [model],
        settings,
      }).findings.filter((f) => !f.suppressed && f.severity === 'error');
      expect(errors.map((f) => `${f.ruleId} ${f.address}`)).toEqual([]);
    }
  });

  it('agree with planOf() on addresses, providers and every literal value it derives', () => {
    for (const stack of ['bootstrap', 'platform-dev-norwayeast']) {
      const real = plans.get(stack)!;
      const derived = planOf(platform.stack(stack));
      const realResources = new Map(
        (real.planned_values.root_module.resources as Json[]).map((r) => [r.address, r]),
      );
      const realData = (real.prior_state.values.root_module.resources as Json[]).map((r) => r.address);
      const derivedResources = derived.planned_values.root_module.resources as Json[];
      expect(derivedResources.map((r) => r.address).sort()).toEqual(
        [...realResources.keys(), ...realData].sort(),
      );
      for (const d of derivedResources.filter((r) => r.mode === 'managed')) {
        const r = realResources.get(d.address)!;
        expect([d.type, d.name, d.provider_name]).toEqual([r.type, r.name, r.provider_name]);
        for (const [key, value] of Object.entries(d.values as Json)) {
          if (value === null || typeof value === 'object') continue;
          expect([d.address, key, r.values[key]]).toEqual([d.address, key, value]);
        }
      }
    }
  });
});

describe('a small stack against the stand-in', () => {
  let session: Session;
  beforeAll(async () => {
    session = await standInSession();
  }, 60_000);
  afterAll(() => session?.stop());

  const account = (overrides: { name?: string; location?: string; tags?: Record<string, string> } = {}) =>
    synthStack((stack) => {
      const rg = new ResourceGroup(stack, 'rg', { name: 'rg-small', location: 'norwayeast' });
      new StorageAccount(stack, 'sa', {
        name: overrides.name ?? 'stsmall',
        resourceGroupName: rg.name,
        location: overrides.location ?? 'norwayeast',
        accountTier: 'Standard',
        accountReplicationType: 'ZRS',
        tags: overrides.tags,
      });
    });

  it("fails terraform validate with terraform's own messages on a broken addOverride", () => {
    const json = synthStack((stack) => {
      const sa = new StorageAccount(stack, 'sa', {
        name: 'stbroken',
        resourceGroupName: 'rg-small',
        location: 'norwayeast',
        accountTier: 'Standard',
        accountReplicationType: 'ZRS',
      });
      sa.addOverride('account_replication_typo', 'GZRS');
      sa.addOverride('min_tls_version', { version: 1.2 });
    });
    session.stack('broken', json);
    expect(session.tf('broken', ['init', '-input=false', '-no-color']).status).toBe(0);
    const r = session.tf('broken', ['validate', '-no-color']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Error: Extraneous JSON object property');
    expect(r.stderr).toContain('No argument or block type is named "account_replication_typo".');
    expect(r.stderr).toContain('Error: Incorrect attribute value type');
    expect(r.stderr).toContain('Inappropriate value for attribute "min_tls_version": string required.');
  });

  it('fails terraform validate when a required argument is missing', () => {
    const json: Json = account();
    delete json.resource.azurerm_storage_account.sa.account_tier;
    session.stack('missing', json);
    session.tf('missing', ['init', '-input=false', '-no-color']);
    const r = session.tf('missing', ['validate', '-no-color']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Error: Missing required argument');
    expect(r.stderr).toContain('The argument "account_tier" is required, but no definition was found.');
  });

  describe('RES-001 on real plans, location through a resource group reference', () => {
    const inGroup = (location: string) =>
      synthStack((stack) => {
        const rg = new ResourceGroup(stack, 'rg', { name: 'rg-loc', location });
        new StorageAccount(stack, 'sa', {
          name: 'stloc',
          resourceGroupName: rg.name,
          location: rg.location,
          accountTier: 'Standard',
          accountReplicationType: 'ZRS',
        });
      });
    const real: Record<string, Json> = {};
    beforeAll(() => {
      for (const location of ['norwayeast', 'westeurope', 'Norway East']) {
        const name = `loc-${location.replace(' ', '-').toLowerCase()}`;
        session.stack(name, inGroup(location));
        real[location] = session.plan(name);
      }
    }, 120_000);

    it('knows a referenced configured value at plan, where planOf() leaves it unknown', () => {
      const change = changeOf(real.westeurope, 'azurerm_storage_account.sa').change;
      expect(change.after.location).toBe('westeurope');
      expect(change.after_unknown.location).toBeUndefined();
      const derived = planOf(inGroup('westeurope'));
      const sa = (derived.resource_changes as Json[]).find(
        (c) => c.address === 'azurerm_storage_account.sa',
      )!;
      expect(sa.change.after_unknown.location).toBe(true);
    });

    const cases: [string, string, [string, string][]][] = [
      ['valid: norwayeast through the group', 'norwayeast', []],
      ['valid: "Norway East" as Azure spells it', 'Norway East', []],
      [
        'invalid: westeurope through the group',
        'westeurope',
        [
          ['RES-001', 'azurerm_resource_group.rg'],
          ['RES-001', 'azurerm_storage_account.sa'],
        ],
      ],
    ];
    it.each(cases)('%s', (_name, key, expected) => {
      expect(findingsOf(RES_001, loadPlan(real[key], { file: 'plan.json' })).pairs).toEqual(expected);
    });
  });

  describe('CHG-001 and CHG-002 on real plans of an applied storage account', () => {
    const SA = 'azurerm_storage_account.sa';
    const real: Record<string, Json> = {};
    beforeAll(() => {
      session.stack('small', account());
      session.plan('small');
      session.apply('small');
      for (const [key, changed] of Object.entries({
        unchanged: account(),
        retagged: account({ tags: { owner: 'team-a' } }),
        renamed: account({ name: 'stsmallrenamed' }),
        moved: account({ location: 'norwaywest' }),
      })) {
        session.stack('small', changed);
        real[key] = session.plan('small');
      }
      real.destroyed = session.plan('small', ['-destroy']);
    }, 120_000);

    it('terraform itself decides the actions', () => {
      expect(changeOf(real.unchanged, SA).change.actions).toEqual(['no-op']);
      expect(changeOf(real.retagged, SA).change.actions).toEqual(['update']);
      expect(changeOf(real.renamed, SA).change.actions).toEqual(['delete', 'create']);
      expect(changeOf(real.moved, SA).change.actions).toEqual(['delete', 'create']);
      expect(changeOf(real.destroyed, SA).change.actions).toEqual(['delete']);
      expect(changeOf(real.renamed, SA).action_reason).toBe('replace_because_cannot_update');
    });

    const cases: [string, string, typeof CHG_001, [string, string][]][] = [
      ['valid: no change', 'unchanged', CHG_001, []],
      ['valid: tags updated in place', 'retagged', CHG_001, []],
      ['invalid: renamed, so replaced', 'renamed', CHG_001, [['CHG-001', SA]]],
      ['invalid: moved to norwaywest, so replaced', 'moved', CHG_001, [['CHG-001', SA]]],
      ['invalid: terraform plan -destroy', 'destroyed', CHG_001, [['CHG-001', SA]]],
      ['valid: a delete is not a location change', 'destroyed', CHG_002, []],
      ['valid: no location change', 'renamed', CHG_002, []],
      ['invalid: location changed', 'moved', CHG_002, [['CHG-002', SA]]],
    ];
    it.each(cases)('%s (%s)', (_name, key, rule, expected) => {
      expect(findingsOf(rule, loadPlan(real[key], { file: `${key}.json` })).pairs).toEqual(expected);
    });

    it('names the replacement in CHG-001 as the rule words it', () => {
      expect(findingsOf(CHG_001, loadPlan(real.renamed, { file: 'renamed.json' })).messages).toEqual([
        'The plan replaces (delete, create) this azurerm_storage_account; the data in it would be lost.',
      ]);
    });
  });
});
