/**
 * policies/rules/network/security-rules.ts: how NET-003 and NET-007 read one network security rule, a
 * standalone resource or a group's block, from synthesized JSON and from a plan.
 */
import { loadPlan } from '../../../policies/model/load-plan';
import { loadTerraformJson } from '../../../policies/model/load-terraform-json';
import type { TfModel } from '../../../policies/model/types';
import {
  inboundRule,
  isInternetSource,
  type InboundRule,
} from '../../../policies/rules/network/security-rules';
import { contextOf, plan, tf } from '../../helpers/rule-tester';

const OPEN = {
  direction: 'Inbound',
  access: 'Allow',
  protocol: 'Tcp',
  source_address_prefix: '*',
  destination_port_range: '22',
};

function read(model: TfModel, address: string, prefix: readonly (string | number)[] = []) {
  return inboundRule(contextOf(model), model.byAddress.get(address)!, prefix);
}

const synthRule = (body: Record<string, unknown>) =>
  read(
    loadTerraformJson(tf({ 'azurerm_network_security_rule.r': body }), { file: 'cdk.tf.json' }),
    'azurerm_network_security_rule.r',
  );

describe('inboundRule', () => {
  test.each<[string, Record<string, unknown>]>([
    ['outbound', { ...OPEN, direction: 'Outbound' }],
    ['outbound, any spelling', { ...OPEN, direction: 'OUTBOUND' }],
    ['deny', { ...OPEN, access: 'Deny' }],
    ['ICMP only', { ...OPEN, protocol: 'Icmp' }],
    ['ESP only', { ...OPEN, protocol: 'Esp' }],
    ['AH only', { ...OPEN, protocol: 'Ah' }],
  ])('a rule that admits nothing to a port is undefined: %s', (_, body) => {
    expect(synthRule(body)).toBeUndefined();
  });

  test('an inbound allow rule gives its sources and both port attributes', () => {
    expect(synthRule({ ...OPEN, source_address_prefixes: ['10.0.0.0/8'] })).toEqual<InboundRule>({
      sourcePrefix: ['*'],
      sourcePrefixes: ['10.0.0.0/8'],
      ports: ['22'],
      directionAndAccessKnown: true,
    });
  });

  test('TCP, UDP and any protocol admit traffic to ports', () => {
    for (const protocol of ['Tcp', 'Udp', '*']) expect(synthRule({ ...OPEN, protocol })).toBeDefined();
  });

  test('values unknown until apply count as open: unknown sources and ports, direction and access not known', () => {
    const model = loadPlan(
      plan([
        {
          at: 'azurerm_network_security_rule.r',
          values: { protocol: 'Tcp' },
          unknown: {
            direction: true,
            access: true,
            source_address_prefix: true,
            source_address_prefixes: true,
            destination_port_range: true,
            destination_port_ranges: true,
          },
        },
      ]),
      { file: 'plan.json' },
    );
    expect(read(model, 'azurerm_network_security_rule.r')).toEqual<InboundRule>({
      sourcePrefix: undefined,
      sourcePrefixes: undefined,
      ports: ['<unknown>', '<unknown>'],
      directionAndAccessKnown: false,
    });
  });

  test("a group's block is read at its prefix", () => {
    const model = loadPlan(
      plan([
        {
          at: 'azurerm_network_security_group.g',
          values: {
            security_rule: [
              { ...OPEN, direction: 'Outbound' },
              {
                ...OPEN,
                source_address_prefix: '',
                source_address_prefixes: ['Internet'],
                destination_port_range: '',
                destination_port_ranges: ['3389'],
              },
            ],
          },
        },
      ]),
      { file: 'plan.json' },
    );
    expect(read(model, 'azurerm_network_security_group.g', ['security_rule', 0])).toBeUndefined();
    expect(read(model, 'azurerm_network_security_group.g', ['security_rule', 1])).toEqual<InboundRule>({
      sourcePrefix: [''],
      sourcePrefixes: ['Internet'],
      ports: ['', '3389'],
      directionAndAccessKnown: true,
    });
  });
});

describe('isInternetSource', () => {
  test.each(['*', 'Internet', 'INTERNET', 'any', ' 0.0.0.0/0 ', '0.0.0.0', '::/0', '::'])(
    '%j is the whole internet',
    (source) => expect(isInternetSource(source)).toBe(true),
  );
  test.each(['10.0.0.0/8', 'AzureCloud', 'VirtualNetwork', '0.0.0.0/1', ''])(
    '%j is not spelled as the whole internet',
    (source) => expect(isInternetSource(source)).toBe(false),
  );
});
