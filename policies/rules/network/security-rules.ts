/**
 * A network security rule as the network rules read it: a standalone `azurerm_network_security_rule` or
 * one `security_rule` block of a group. NET-003 and NET-007 judge the same rules, so they read them here.
 */
import type { TfResource } from '../../model/types';
import type { RuleContext } from '../rule';
import { resolvedStrings } from './ranges';

/** Source prefixes that mean "anyone on the internet". */
const INTERNET_SOURCES: ReadonlySet<string> = new Set([
  '*',
  'internet',
  'any',
  '0.0.0.0/0',
  '0.0.0.0',
  '::/0',
  '::',
]);
const NON_PORT_PROTOCOLS = new Set(['icmp', 'esp', 'ah']);

/** What a rule that may admit inbound traffic to ports says; each list is undefined while unknown. */
export interface InboundRule {
  readonly sourcePrefix: string[] | undefined;
  readonly sourcePrefixes: string[] | undefined;
  /** `destination_port_range` and `destination_port_ranges`, `<unknown>` for each that is unknown. */
  readonly ports: string[];
  /** Whether direction and access are known now (unknown ones count as inbound and allow). */
  readonly directionAndAccessKnown: boolean;
}

/**
 * The rule at `prefix` of `resource` (`[]` for a standalone rule, `['security_rule', i]` for a block),
 * or undefined when it cannot admit anything to a port: outbound, deny, or ICMP/ESP/AH only.
 */
export function inboundRule(
  context: RuleContext,
  resource: TfResource,
  prefix: readonly (string | number)[],
): InboundRule | undefined {
  // A top-level attribute is read by name: the resolver's one-step path for plan values.
  const read = (name: string) => context.read(resource, prefix.length === 0 ? name : [...prefix, name]);
  const direction = resolvedStrings(read('direction'));
  if (direction && direction.length > 0 && direction.every((d) => d.toLowerCase() === 'outbound'))
    return undefined;
  const access = resolvedStrings(read('access'));
  if (access && access.length > 0 && access.every((a) => a.toLowerCase() === 'deny')) return undefined;
  const protocol = resolvedStrings(read('protocol'));
  if (protocol && protocol.length > 0 && protocol.every((p) => NON_PORT_PROTOCOLS.has(p.toLowerCase())))
    return undefined;
  return {
    sourcePrefix: resolvedStrings(read('source_address_prefix')),
    sourcePrefixes: resolvedStrings(read('source_address_prefixes')),
    ports: [
      ...(resolvedStrings(read('destination_port_range')) ?? ['<unknown>']),
      ...(resolvedStrings(read('destination_port_ranges')) ?? ['<unknown>']),
    ],
    directionAndAccessKnown: direction !== undefined && access !== undefined,
  };
}

/** Whether a source prefix means the whole internet. */
export function isInternetSource(source: string): boolean {
  return INTERNET_SOURCES.has(source.trim().toLowerCase());
}
