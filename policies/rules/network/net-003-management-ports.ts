import { defineRule, RuleContext } from '../rule';
import type { TfResource } from '../../model/types';
import { blockCount, Path } from '../attributes';
import { coversPort, resolvedStrings } from './ranges';

/** Ports that give an administrator a shell or a desktop. */
export const MANAGEMENT_PORTS: readonly number[] = [22, 3389];
/** Source prefixes that mean "anyone on the internet". */
const INTERNET_SOURCES = new Set(['*', 'internet', 'any', '0.0.0.0/0', '0.0.0.0', '::/0', '::']);
const NON_PORT_PROTOCOLS = new Set(['icmp', 'esp', 'ah']);

export const NET_003 = defineRule({
  id: 'NET-003',
  title: 'No inbound access from the internet to management ports',
  severity: 'error',
  rationale:
    'SSH and RDP open to the internet let anyone, anywhere, try to administer systems holding patient data; remote administration from abroad is exactly the access Norwegian guidance treats as a transfer.',
  anchors: { mcsb: ['NS-1'], checkov: ['CKV_AZURE_9', 'CKV_AZURE_10'] },
  resourceTypes: ['azurerm_network_security_group', 'azurerm_network_security_rule'],
  fix: 'Restrict the source to a named internal range or application security group, or use Azure Bastion / just-in-time access instead of opening ports 22 and 3389.',
  *check(context) {
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      if (resource.type === 'azurerm_network_security_rule') {
        const problem = ruleProblem(context, resource, []);
        if (problem) yield { resource, message: `${problem}.` };
        continue;
      }
      const blocks = blockCount(context, resource, 'security_rule');
      if (blocks.kind === 'unknown') {
        yield {
          resource,
          message: `${blocks.reason}, so its rules cannot be checked for internet access to management ports.`,
        };
        continue;
      }
      for (let i = 0; i < blocks.count; i++) {
        const problem = ruleProblem(context, resource, ['security_rule', i]);
        if (problem) yield { resource, message: `security_rule[${i}] ${problem}.` };
      }
    }
  },
});

const at = (prefix: readonly (string | number)[], name: string): Path => [...prefix, name];

function ruleProblem(
  context: RuleContext,
  resource: TfResource,
  prefix: readonly (string | number)[],
): string | undefined {
  // A top-level attribute is read by name: the resolver's one-step path for plan values.
  const read = (name: string) =>
    context.read(resource, prefix.length === 0 ? name : (at(prefix, name) as (string | number)[]));
  const direction = resolvedStrings(read('direction'));
  const access = resolvedStrings(read('access'));
  if (direction && direction.length > 0 && direction.every((d) => d.toLowerCase() === 'outbound'))
    return undefined;
  if (access && access.length > 0 && access.every((a) => a.toLowerCase() === 'deny')) return undefined;
  const protocol = resolvedStrings(read('protocol'));
  if (protocol && protocol.length > 0 && protocol.every((p) => NON_PORT_PROTOCOLS.has(p.toLowerCase())))
    return undefined;

  const sources = [
    ...(resolvedStrings(read('source_address_prefix')) ?? ['<unknown>']),
    ...(resolvedStrings(read('source_address_prefixes')) ?? ['<unknown>']),
  ];
  const fromInternet = sources.filter(
    (s) => s === '<unknown>' || INTERNET_SOURCES.has(s.trim().toLowerCase()),
  );
  if (fromInternet.length === 0) return undefined;

  const ports = [
    ...(resolvedStrings(read('destination_port_range')) ?? ['<unknown>']),
    ...(resolvedStrings(read('destination_port_ranges')) ?? ['<unknown>']),
  ];
  const exposed = MANAGEMENT_PORTS.filter((port) => ports.some((range) => coversPort(range, port)));
  if (exposed.length === 0) return undefined;
  const unknownParts = [...fromInternet, ...ports].includes('<unknown>') || !direction || !access;
  return `allows inbound from ${fromInternet.map((s) => (s === '<unknown>' ? 'a source unknown before apply' : JSON.stringify(s))).join(', ')} to port ${exposed.join(' and ')}${unknownParts ? ' (values unknown before apply count as open)' : ''}`;
}
