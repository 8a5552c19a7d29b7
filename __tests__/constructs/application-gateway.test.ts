import { Testing } from 'cdktf';
import { NORWAY_EAST, NORWAY_WEST, NorwayRegion } from '../../constructs/core/region';
import {
  GATEWAY_PUBLIC_IP_REASON,
  NorwayApplicationGateway,
  NorwayApplicationGatewayProps,
} from '../../constructs/network/application-gateway';
import { checkStack } from '../../policies/cdktf/guard';
import { approveGatewayPublicIp } from '../../stacks/gateway-approval';
import type { NorwayStack } from '../../stacks/norway-stack';
import { errorFindings, Json, logsAndKeyVault, only, synth, testStack, TODAY } from './support';

const SUBNET =
  '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/ingress';
/** The certificate lives in a vault of the estate: one outside it fails closed (RES-004). */
const SECRET = /^\$\{azurerm_key_vault\.kv_.*\.vault_uri\}secrets\/journal-tls$/;

function gateway(
  stack: NorwayStack,
  region: NorwayRegion,
  extra: Partial<NorwayApplicationGatewayProps> = {},
) {
  const { logs, keyVault } = logsAndKeyVault(stack, region, SUBNET);
  return new NorwayApplicationGateway(stack, 'agw', {
    region,
    resourceGroupName: 'rg-ingress',
    name: 'agw-hospital',
    subnetId: SUBNET,
    sites: {
      journal: {
        hostName: 'journal.example.no',
        certificateSecretId: `${keyVault.vaultUri}secrets/journal-tls`,
        backendFqdns: ['journal.apps.internal'],
      },
    },
    allowedSourceRanges: ['203.0.113.0/24'],
    diagnosticSettings: { workspaceId: logs.workspaceId },
    ...extra,
  });
}

describe.each([
  [NORWAY_EAST, ['1', '2', '3'], 2],
  [NORWAY_WEST, undefined, 1],
] as const)('NorwayApplicationGateway with defaults in %s', (region, zones, minCapacity) => {
  let stack: NorwayStack;
  let json: Json;
  beforeAll(() => {
    // GIVEN / WHEN
    stack = testStack(region);
    approveGatewayPublicIp(gateway(stack, region));
    json = synth(stack);
  });

  test('WAF_v2 with its policy, TLS 1.2+, autoscaling and the region zones', () => {
    // THEN
    const agw = only(json, 'azurerm_application_gateway');
    expect(agw).toMatchObject({
      location: region,
      sku: { name: 'WAF_v2', tier: 'WAF_v2' },
      autoscale_configuration: { min_capacity: minCapacity, max_capacity: 10 },
      firewall_policy_id: expect.stringMatching(
        /^\$\{azurerm_web_application_firewall_policy\.agw_FirewallPolicy_/,
      ),
      force_firewall_policy_association: true,
      ssl_policy: { policy_type: 'Predefined', policy_name: 'AppGwSslPolicy20220101S' },
      ssl_certificate: [{ name: 'journal', key_vault_secret_id: expect.stringMatching(SECRET) }],
    });
    expect(agw.zones).toEqual(zones);
    expect(only(json, 'azurerm_public_ip').zones).toEqual(zones);
  });

  test('HTTPS serves the site; HTTP only redirects to it', () => {
    const agw = only(json, 'azurerm_application_gateway');
    expect(agw.http_listener.map((l: Json) => [l.name, l.protocol])).toEqual([
      ['journal-https', 'Https'],
      ['journal-http', 'Http'],
    ]);
    expect(agw.request_routing_rule).toEqual([
      expect.objectContaining({ http_listener_name: 'journal-https', backend_address_pool_name: 'journal' }),
      expect.objectContaining({
        http_listener_name: 'journal-http',
        redirect_configuration_name: 'journal-to-https',
      }),
    ]);
    expect(agw.redirect_configuration).toEqual([
      expect.objectContaining({ redirect_type: 'Permanent', target_listener_name: 'journal-https' }),
    ]);
    expect(agw.backend_http_settings).toEqual([
      expect.objectContaining({ protocol: 'Https', port: 443, host_name: 'journal.example.no' }),
    ]);
  });

  test('the WAF policy: OWASP 3.2 in Prevention, blocking every source outside the allowed ranges', () => {
    expect(only(json, 'azurerm_web_application_firewall_policy')).toMatchObject({
      policy_settings: { enabled: true, mode: 'Prevention', request_body_check: true },
      managed_rules: { managed_rule_set: [{ type: 'OWASP', version: '3.2' }] },
      custom_rules: [
        {
          action: 'Block',
          priority: 1,
          match_conditions: [
            {
              match_variables: [{ variable_name: 'RemoteAddr' }],
              operator: 'IPMatch',
              negation_condition: true,
              match_values: ['203.0.113.0/24'],
            },
          ],
        },
      ],
    });
  });

  test('zero error findings from the policy engine; the public IP is the one suppressed exception', () => {
    expect(errorFindings(stack)).toEqual([]);
    const report = checkStack(stack, { today: TODAY });
    expect(report.findings.filter((f) => f.suppressed).map((f) => [f.ruleId, f.address])).toEqual([
      ['NET-004', expect.stringMatching(/^azurerm_public_ip\.agw_PublicIp_/)],
    ]);
  });
});

describe('NorwayApplicationGateway without the stack approval', () => {
  test('fails NET-004 on its public IP, and nothing else', () => {
    const stack = testStack(NORWAY_EAST, 'unapproved', Testing.app());
    gateway(stack, NORWAY_EAST);
    expect(errorFindings(stack).map((f) => f.split(':')[0])).toEqual([
      expect.stringMatching(/^NET-004 azurerm_public_ip\.agw_PublicIp_/),
    ]);
    expect(GATEWAY_PUBLIC_IP_REASON.length).toBeGreaterThan(10);
  });
});

describe('NorwayApplicationGateway validation', () => {
  test('fails on a bad name, no subnet and no sites', () => {
    expect(() =>
      gateway(testStack(NORWAY_EAST), NORWAY_EAST, { name: '-', subnetId: '', sites: {} }),
    ).toThrow(/3 problems:\n {2}- name "-" is invalid.*\n {2}- subnetId is empty.*\n {2}- sites is empty/);
  });

  test('fails on a site without certificate or backend, a bad host and port', () => {
    expect(() =>
      gateway(testStack(NORWAY_EAST), NORWAY_EAST, {
        sites: { web: { hostName: 'not a host', certificateSecretId: '', backendPort: 0 } },
      }),
    ).toThrow(
      /4 problems:\n {2}- sites\.web\.hostName "not a host" is not a host name\n {2}- sites\.web\.certificateSecretId is empty.*\n {2}- sites\.web has no backend.*\n {2}- sites\.web\.backendPort 0 is not a port/,
    );
  });

  test('fails on bad source ranges and capacities', () => {
    expect(() =>
      gateway(testStack(NORWAY_EAST), NORWAY_EAST, {
        allowedSourceRanges: ['anywhere'],
        minCapacity: 5,
        maxCapacity: 3,
      }),
    ).toThrow(
      /2 problems:\n {2}- allowedSourceRanges "anywhere" is not an IPv4 address or CIDR\n {2}- maxCapacity 3 is outside 5-125/,
    );
    expect(() => gateway(testStack(NORWAY_EAST), NORWAY_EAST, { allowedSourceRanges: [] })).toThrow(
      /allowedSourceRanges is empty/,
    );
  });

  test('fails without diagnostics and outside Norway', () => {
    expect(() =>
      gateway(testStack(NORWAY_EAST), NORWAY_EAST, { diagnosticSettings: undefined as never }),
    ).toThrow(/diagnosticSettings is missing/);
    expect(() => gateway(testStack(NORWAY_EAST), 'swedencentral' as never)).toThrow(
      /region "swedencentral" is not a Norway region/,
    );
  });
});
