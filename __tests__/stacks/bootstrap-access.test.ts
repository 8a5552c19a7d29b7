/** The temporary, expiring firewall opening for the first deployment (`state.bootstrapAccess`). */
import { TerraformStack, Testing } from 'cdktf';
import { checkStack } from '../../policies/cdktf/guard';
import { BootstrapStack } from '../../stacks/bootstrap-stack';
import { loadConfig } from '../../stacks/config/load';
import type { PlatformConfig } from '../../stacks/config/schema';
import { TEST_TODAY } from './synth-default';

const ACCESS = {
  allowedIpRanges: ['203.0.113.10', '198.51.100.0/28'],
  justification: 'First deployment before hub runners exist (CHG-1234)',
  expires: '2026-12-15',
};

function bootstrapWith(access: PlatformConfig['state']['bootstrapAccess']): BootstrapStack {
  const { config } = loadConfig({ env: {} });
  return new BootstrapStack(Testing.app(), {
    config: { ...config, state: { ...config.state, bootstrapAccess: access } },
  });
}

function resourcesOf(stack: TerraformStack, type: string): Record<string, Record<string, unknown>> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Terraform JSON read by path
  return ((stack.toTerraform() as any).resource[type] ?? {}) as Record<string, Record<string, unknown>>;
}

describe('state.bootstrapAccess', () => {
  test('without it, the state account and its vault have no public network access at all', () => {
    const stack = bootstrapWith(undefined);
    const [account] = Object.values(resourcesOf(stack, 'azurerm_storage_account'));
    const [vault] = Object.values(resourcesOf(stack, 'azurerm_key_vault'));
    expect(account.public_network_access_enabled).toBe(false);
    expect(vault.public_network_access_enabled).toBe(false);
    expect(checkStack(stack, { today: TEST_TODAY }).findings.filter((f) => f.ruleId === 'NET-001')).toEqual(
      [],
    );
  });

  test('opens both firewalls to the listed addresses only, default deny, with NET-001 suppressed until the expiry', () => {
    const stack = bootstrapWith(ACCESS);
    const [account] = Object.values(resourcesOf(stack, 'azurerm_storage_account'));
    const [vault] = Object.values(resourcesOf(stack, 'azurerm_key_vault'));
    expect(account).toMatchObject({
      public_network_access_enabled: true,
      shared_access_key_enabled: false,
      network_rules: { default_action: 'Deny', ip_rules: ['203.0.113.10', '198.51.100.0/28'] },
    });
    expect(vault).toMatchObject({
      public_network_access_enabled: true,
      network_acls: { default_action: 'Deny', ip_rules: ['203.0.113.10', '198.51.100.0/28'] },
    });
    const report = checkStack(stack, { today: TEST_TODAY });
    const net001 = report.findings.filter((f) => f.ruleId === 'NET-001');
    expect(net001.length).toBeGreaterThan(0);
    for (const f of net001) {
      expect(f.suppressed).toBe(true);
      expect(f.suppression).toMatchObject({
        reason: `state.bootstrapAccess: ${ACCESS.justification}`,
        expires: '2026-12-15',
      });
    }
    expect(report.findings.filter((f) => !f.suppressed && f.severity === 'error')).toEqual([]);
  });

  test('fails the policy check once the expiry has passed', () => {
    const report = checkStack(bootstrapWith(ACCESS), { today: '2026-12-16' });
    const blocking = report.findings
      .filter((f) => !f.suppressed && f.severity === 'error')
      .map((f) => f.ruleId);
    expect(blocking).toContain('TFS-003');
    expect(blocking).toContain('NET-001');
  });
});
