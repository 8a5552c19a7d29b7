/** Shared by the construct tests: a test stack per region and the questions the tests ask of it. */
import { Testing } from 'cdktf';
import type { App } from 'cdktf';
import { NorwayStack } from '../../stacks/norway-stack';
import { checkStack } from '../../policies/cdktf/guard';
import type { Finding, CheckResult } from '../../policies/engine/result';
import type { NorwayRegion } from '../../constructs/core/region';
import { NorwayKeyVault } from '../../constructs/keyvault';
import { NorwayLogAnalyticsWorkspace } from '../../constructs/monitoring';
import { TODAY } from '../helpers/today';

export { TODAY };

/** The tenant the test Key Vaults trust, and so the home tenant of the test stacks. */
export const TEST_TENANT = '00000000-0000-0000-0000-000000000001';
/** The database administrators' group the construct tests name: a home-tenant principal. */
export const TEST_ADMINS = '00000000-0000-0000-0000-0000000000ad';

export function testStack(
  region: NorwayRegion,
  id = `test-${region}`,
  app: App = Testing.app(),
): NorwayStack {
  // Norway West is for disaster recovery: its resources carry the approval tag RES-007 asks for.
  const tags = region === 'norwaywest' ? { 'dr-approval': 'in-country disaster recovery (test)' } : undefined;
  return new NorwayStack(app, id, {
    region,
    bootstrap: true,
    norwayWestApproved: true,
    tags,
    policy: { today: TODAY, settings: { homeTenantId: TEST_TENANT, homePrincipals: [TEST_ADMINS] } },
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** The synthesized stack (without `"//"` metadata). */
export function synth(stack: NorwayStack): Json {
  return JSON.parse(Testing.synth(stack));
}

/** Every resource of `type`, keyed by name. */
export function resourcesOf(json: Json, type: string): Record<string, Json> {
  return json.resource?.[type] ?? {};
}

/** The single resource of `type` whose name starts with `prefix`. */
export function only(json: Json, type: string, prefix = ''): Json {
  const matches = Object.entries(resourcesOf(json, type)).filter(([name]) => name.startsWith(prefix));
  if (matches.length !== 1)
    throw new Error(
      `expected one ${type} starting with '${prefix}', found ${matches.map(([n]) => n).join(', ') || 'none'}`,
    );
  return matches[0][1];
}

/** Unsuppressed error findings of the policy engine for the stack, as `RULE address` lines. */
export function errorFindings(stackOrReport: NorwayStack | CheckResult): string[] {
  const report = 'findings' in stackOrReport ? stackOrReport : checkStack(stackOrReport, { today: TODAY });
  return report.findings
    .filter((f: Finding) => f.severity === 'error' && !f.suppressed)
    .map((f) => `${f.ruleId} ${f.address}: ${f.message}`);
}

/** Warning annotations the constructs added for relaxed defaults. */
export function relaxedWarnings(stack: NorwayStack): string[] {
  return stack.node
    .findAll()
    .flatMap((c) => c.node.metadata)
    .filter((m) => m.type === '@cdktf/warn' && String(m.data).startsWith('[relaxed default]'))
    .map((m) => String(m.data));
}

const VAULT_DNS_ZONE =
  '/subscriptions/s/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net';

/**
 * A Log Analytics workspace and a Key Vault with its defaults: what a data-bearing construct needs besides
 * itself. The vault's private endpoint goes into `endpointSubnetId`.
 */
export function logsAndKeyVault(stack: NorwayStack, region: NorwayRegion, endpointSubnetId: string) {
  const logs = new NorwayLogAnalyticsWorkspace(stack, 'logs', {
    region,
    resourceGroupName: 'rg-logs',
    name: 'law-platform',
  });
  const keyVault = new NorwayKeyVault(stack, 'kv', {
    region,
    resourceGroupName: 'rg-keys',
    name: 'kv-platform-keys',
    tenantId: TEST_TENANT,
    diagnosticSettings: { workspaceId: logs.workspaceId },
    privateEndpoints: { main: { subnetId: endpointSubnetId, privateDnsZoneIds: [VAULT_DNS_ZONE] } },
  });
  return { logs, keyVault };
}
