/**
 * A network security group that denies inbound traffic from the internet, with typed allow rules.
 * Allow rules from the internet need `fromInternet: { relaxed: true, justification }`; to SSH or RDP ports they are never allowed (NET-003).
 */
import { Construct } from 'constructs';
import { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { NetworkSecurityRule } from '@cdktf/provider-azurerm/lib/network-security-rule';
import { addDiagnosticSettings, validateDiagnosticSettings } from '../interfaces';
import type { DiagnosticSettingsOption, Relaxed, NorwayConstructProps } from '../core/interfaces';
import type { NorwayRegion } from '../core/region';
import { Problems, warnRelaxed } from '../core/validation';

/** Source prefixes that mean "anyone on the internet". */
const INTERNET_SOURCES = new Set(['*', 'internet', 'any', '0.0.0.0/0', '0.0.0.0', '::/0', '<nw>/0', '/0']);
const MANAGEMENT_PORTS = [22, 3389];

/** The priority of the rule that denies internet inbound; allow rules must come before it. */
export const DENY_INTERNET_PRIORITY = 4000;

/** An inbound allow rule. */
export interface InboundAllowRule {
  /** Letters, digits, `-`, `_`, `.`. */
  readonly name: string;
  /** 100-3999, unique within the group. */
  readonly priority: number;
  readonly protocol: 'Tcp' | 'Udp' | 'Icmp' | '*';
  /** CIDRs or service tags (`VirtualNetwork`, `AzureLoadBalancer`, …). */
  readonly sources: readonly string[];
  /** Ports or ranges: `443`, `'8080-8090'`, `'*'`. */
  readonly ports: readonly (number | string)[];
  /** @default ['VirtualNetwork'] */
  readonly destinations?: readonly string[];
  readonly description?: string;
  /** Required when `sources` include the internet (`Internet`, `*`, `0.0.0.0/0`, …). */
  readonly fromInternet?: Relaxed;
}

/** An outbound rule (used by constructs with documented platform needs, such as Azure Bastion). */
export interface OutboundRule {
  readonly name: string;
  readonly priority: number;
  readonly access: 'Allow' | 'Deny';
  readonly protocol: 'Tcp' | 'Udp' | 'Icmp' | '*';
  readonly sources: readonly string[];
  readonly destinations: readonly string[];
  readonly ports: readonly (number | string)[];
  readonly description?: string;
}

export interface NorwayNetworkSecurityGroupProps extends NorwayConstructProps {
  readonly name: string;
  /** @default - none: only traffic Azure's default rules allow inside the virtual network */
  readonly allowInbound?: readonly InboundAllowRule[];
  /** @default - none: Azure's default outbound rules */
  readonly outbound?: readonly OutboundRule[];
  /** Required: flow events and rule counters to a Log Analytics workspace in Norway (LOG-001). */
  readonly diagnosticSettings: DiagnosticSettingsOption;
}

export function isInternetSource(source: string): boolean {
  return INTERNET_SOURCES.has(source.trim().toLowerCase());
}

function portRange(port: number | string): [number, number] {
  if (typeof port === 'number') return [port, port];
  if (port.trim() === '*') return [0, 65535];
  const [from, to] = port.split('-').map((p) => Number(p.trim()));
  return [from, to ?? from];
}

function validPort(port: number | string): boolean {
  if (typeof port === 'string' && port.trim() === '*') return true;
  const [from, to] = portRange(port);
  return Number.isInteger(from) && Number.isInteger(to) && from >= 0 && to <= 65535 && from <= to;
}

/** Management ports (22, 3389) that `ports` cover. */
export function managementPortsIn(ports: readonly (number | string)[]): number[] {
  return MANAGEMENT_PORTS.filter((m) =>
    ports.some((p) => validPort(p) && portRange(p)[0] <= m && m <= portRange(p)[1]),
  );
}

function portFields(ports: readonly (number | string)[]): {
  destinationPortRange?: string;
  destinationPortRanges?: string[];
} {
  const list = ports.map(String);
  return list.length === 1 ? { destinationPortRange: list[0] } : { destinationPortRanges: list };
}

function prefixFields(
  kind: 'source' | 'destination',
  prefixes: readonly string[],
): Record<string, string | string[]> {
  return prefixes.length === 1
    ? { [`${kind}AddressPrefix`]: prefixes[0] }
    : { [`${kind}AddressPrefixes`]: [...prefixes] };
}

export class NorwayNetworkSecurityGroup extends Construct {
  readonly resource: NetworkSecurityGroup;
  readonly region: NorwayRegion;
  readonly id: string;
  readonly networkSecurityGroupId: string;
  readonly name: string;

  constructor(scope: Construct, id: string, props: NorwayNetworkSecurityGroupProps) {
    super(scope, id);
    const problems = new Problems(this);
    problems.region(props.region);
    validateDiagnosticSettings(problems, props.diagnosticSettings);
    const directions: [string, readonly (InboundAllowRule | OutboundRule)[]][] = [
      ['inbound', props.allowInbound ?? []],
      ['outbound', props.outbound ?? []],
    ];
    for (const [direction, rules] of directions) {
      const priorities = new Map<number, string>();
      for (const rule of rules) {
        const other = priorities.get(rule.priority);
        if (other)
          problems.add(
            `${direction} rules ${other} and ${rule.name} share priority ${rule.priority}; priorities must be unique`,
          );
        priorities.set(rule.priority, rule.name);
        if (
          !Number.isInteger(rule.priority) ||
          rule.priority < 100 ||
          rule.priority >= DENY_INTERNET_PRIORITY
        ) {
          problems.add(
            `rule ${rule.name}: priority ${rule.priority} is outside 100-${DENY_INTERNET_PRIORITY - 1} (${DENY_INTERNET_PRIORITY} and up are the deny rules)`,
          );
        }
        if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/.test(rule.name))
          problems.add(`rule name ${JSON.stringify(rule.name)} is invalid: letters, digits, '-', '_', '.'`);
        const bad = rule.ports.filter((p) => !validPort(p));
        if (bad.length > 0)
          problems.add(
            `rule ${rule.name}: ports ${bad.map((p) => JSON.stringify(p)).join(', ')} are not ports or ranges (0-65535)`,
          );
        if (rule.sources.length === 0) problems.add(`rule ${rule.name}: sources is empty`);
      }
    }
    for (const rule of props.allowInbound ?? []) {
      const internet = rule.sources.filter(isInternetSource);
      if (internet.length === 0) continue;
      const management = managementPortsIn(rule.ports);
      if (management.length > 0) {
        problems.add(
          `rule ${rule.name} allows ${internet.join(', ')} to management port(s) ${management.join(', ')}; ` +
            'never open SSH/RDP to the internet (NET-003) — reach machines through Azure Bastion',
        );
      } else if (!rule.fromInternet) {
        problems.add(
          `rule ${rule.name} allows inbound from ${internet.join(', ')}; name the allowed source ranges, or pass fromInternet: { relaxed: true, justification }`,
        );
      } else {
        problems.relaxed(`allowInbound.${rule.name}.fromInternet`, rule.fromInternet);
      }
    }
    problems.throwIfAny();

    this.region = props.region;
    this.resource = new NetworkSecurityGroup(this, 'Resource', {
      name: props.name,
      location: props.region,
      resourceGroupName: props.resourceGroupName,
      tags: props.tags ? { ...props.tags } : undefined,
    });
    this.id = this.resource.id;
    this.networkSecurityGroupId = this.resource.id;
    this.name = this.resource.name;

    const common = {
      networkSecurityGroupName: this.resource.name,
      resourceGroupName: props.resourceGroupName,
      sourcePortRange: '*',
    };
    for (const rule of props.allowInbound ?? []) {
      if (rule.fromInternet)
        warnRelaxed(this, `rule ${rule.name} allows inbound from the internet`, rule.fromInternet);
      new NetworkSecurityRule(this, rule.name, {
        ...common,
        name: rule.name,
        description: rule.description,
        priority: rule.priority,
        direction: 'Inbound',
        access: 'Allow',
        protocol: rule.protocol,
        ...prefixFields('source', rule.sources),
        ...prefixFields('destination', rule.destinations ?? ['VirtualNetwork']),
        ...portFields(rule.ports),
      });
    }
    for (const rule of props.outbound ?? []) {
      new NetworkSecurityRule(this, rule.name, {
        ...common,
        name: rule.name,
        description: rule.description,
        priority: rule.priority,
        direction: 'Outbound',
        access: rule.access,
        protocol: rule.protocol,
        ...prefixFields('source', rule.sources),
        ...prefixFields('destination', rule.destinations),
        ...portFields(rule.ports),
      });
    }
    // Azure's default rules already drop internet inbound; the explicit rule keeps that visible and
    // wins over any later allow rule with a lower precedence.
    new NetworkSecurityRule(this, 'DenyInternetInbound', {
      ...common,
      name: 'DenyInternetInbound',
      description: 'Secure default: no inbound traffic from the internet.',
      priority: DENY_INTERNET_PRIORITY,
      direction: 'Inbound',
      access: 'Deny',
      protocol: '*',
      sourceAddressPrefix: 'Internet',
      destinationAddressPrefix: '*',
      destinationPortRange: '*',
    });
    addDiagnosticSettings(this, this.resource.id, props.diagnosticSettings, {
      logCategoryGroups: ['allLogs'],
      metricCategories: [],
    });
  }
}
