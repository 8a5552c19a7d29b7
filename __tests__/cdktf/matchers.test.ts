import { TerraformStack, Testing } from 'cdktf';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { MssqlServer } from '@cdktf/provider-azurerm/lib/mssql-server';
import '../../policies/cdktf/matchers';
import { policyMatchers } from '../../policies/cdktf/matchers';
import { NORWAY_EAST } from '../../constructs/core/region';
import { NorwayStack } from '../../stacks/norway-stack';
import { loadConfig } from '../../stacks/config/load';
import { buildPlatform } from '../../stacks/platform-app';
import { TODAY } from '../helpers/today';

function stackWith(build: (stack: NorwayStack) => void): NorwayStack {
  const stack = new NorwayStack(Testing.app(), 'matchers', {
    region: NORWAY_EAST,
    bootstrap: true,
    policy: { today: TODAY },
  });
  build(stack);
  return stack;
}

describe('Jest matchers', () => {
  let clean: NorwayStack;
  let abroad: NorwayStack;
  beforeAll(() => {
    clean = stackWith((s) => new ResourceGroup(s, 'rg', { name: 'rg-app-noe', location: NORWAY_EAST }));
    abroad = stackWith((s) => {
      new ResourceGroup(s, 'rg', { name: 'rg-app-weu', location: 'westeurope' });
      new MssqlServer(s, 'sql', {
        name: 'sql-app-weu',
        location: 'westeurope',
        resourceGroupName: 'rg-app-weu',
        version: '12.0',
        administratorLogin: 'sqladmin',
        administratorLoginPassword: 'Matcher-Secret-Passw0rd!',
      });
    });
  });

  test('toComplyWithPolicies passes for a compliant stack and fails for one in westeurope', () => {
    expect(clean).toComplyWithPolicies();
    expect(abroad).not.toComplyWithPolicies();
  });

  test('toHaveNoFindings checks only the named rules', () => {
    expect(clean).toHaveNoFindings('RES-001');
    expect(abroad).not.toHaveNoFindings('RES-001');
    expect(abroad).toHaveNoFindings('RES-003');
  });

  test('the failure message lists every finding with rule, address, construct path and fix, secrets masked', () => {
    const result = policyMatchers.toHaveNoFindings(abroad, 'RES-001');
    const message = result.message();
    expect(message).toMatch(/^Expected stack matchers to have no findings of RES-001, but it has 2:/);
    expect(message).toContain('ERROR [RES-001] Every resource with a location is in Norway');
    expect(message).toContain('at azurerm_resource_group.rg (construct matchers/rg)');
    expect(message).toContain('at azurerm_mssql_server.sql (construct matchers/sql)');
    expect(message).toContain("fix: Set location to 'norwayeast'");
    const all = policyMatchers.toComplyWithPolicies(abroad).message();
    expect(all).not.toContain('Matcher-Secret-Passw0rd!');
    expect(() => expect(abroad).toComplyWithPolicies()).toThrow(
      /\[RES-001\][\s\S]*azurerm_mssql_server\.sql/,
    );
  });

  test('an unknown rule id fails with the known ids, and a non-stack is rejected', () => {
    expect(policyMatchers.toHaveNoFindings(clean, 'RES-999').message()).toMatch(
      /unknown rule id RES-999; known: RES-001/,
    );
    expect(() => policyMatchers.toComplyWithPolicies({})).toThrow(/expects a cdktf TerraformStack/);
  });

  test('warnings fail only when asked', () => {
    const warned = stackWith(
      (s) => new ResourceGroup(s, 'rg', { name: 'rg-app-now', location: 'norwaywest' }),
    );
    const report = policyMatchers.toComplyWithPolicies(warned, { includeWarnings: true });
    const errorsOnly = policyMatchers.toComplyWithPolicies(warned);
    expect(errorsOnly.pass).toBe(true);
    expect(report.pass).toBe(false);
    expect(report.message()).toContain('WARNING [RES-007]');
  });
});

describe('Jest matchers on a stack of the default platform (references to other stacks)', () => {
  // GIVEN the whole platform in one app, not synthesized: a workload stack reads the platform stack's
  // workspace and key vault through references between stacks.
  const build = () => {
    const { config } = loadConfig({ env: {} });
    const app = Testing.app();
    buildPlatform(app, config, { policy: { today: TODAY } });
    const stack = app.node.findAll().find((c) => c.node.id === 'workload-dalen-dev');
    if (!stack || !TerraformStack.isStack(stack)) throw new Error('no workload-dalen-dev stack');
    return stack;
  };

  test('a compliant workload stack passes: its workspace and keys resolve in the platform stack', () => {
    expect(build()).toComplyWithPolicies({ today: TODAY });
  });

  test('a broken workload stack fails with the rule and address of what broke', () => {
    // WHEN a storage account outside Norway is added to the workload stack
    const stack = build();
    new StorageAccount(stack, 'abroad', {
      name: 'stabroad',
      location: 'westeurope',
      resourceGroupName: 'rg-abroad',
      accountTier: 'Standard',
      accountReplicationType: 'LRS',
    });
    // THEN the matcher fails naming RES-001 on exactly that account, and nothing else is blamed on RES-005
    const result = policyMatchers.toHaveNoFindings(stack, 'RES-001');
    expect(result.pass).toBe(false);
    expect(result.message()).toContain(
      'at azurerm_storage_account.abroad (construct workload-dalen-dev/abroad)',
    );
    expect(build()).toHaveNoFindings('RES-005', 'LOG-001', 'ENC-002');
  });
});
