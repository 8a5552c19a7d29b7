import { defineRule, RuleContext } from '../rule';
import type { TfResource } from '../../model/types';
import { blockCount } from '../attributes';
import { describePlacePath } from '../../model/data-flow';
import { approvedIntervals, coversPort, Interval, resolvedStrings, unapprovedSource } from './ranges';
import { MANAGEMENT_PORTS } from './net-003-management-ports';
import { inboundRule, isInternetSource } from './security-rules';

/** Ports that administer a system or reach its data directly. */
export const MANAGEMENT_AND_DATA_PORTS: Readonly<Record<number, string>> = {
  22: 'SSH',
  3389: 'RDP',
  5985: 'WinRM',
  5986: 'WinRM',
  445: 'SMB',
  1433: 'SQL Server',
  5432: 'PostgreSQL',
  3306: 'MySQL',
  6379: 'Redis',
  6380: 'Redis',
  27017: 'MongoDB',
  9200: 'Elasticsearch',
  2375: 'Docker',
  2376: 'Docker',
  10250: 'kubelet',
};
const PORTS = Object.keys(MANAGEMENT_AND_DATA_PORTS).map(Number);
/** NET-003 already reports these sources to these ports: one finding per mistake. */
const NET_003_PORTS = new Set(MANAGEMENT_PORTS);

export const NET_007 = defineRule({
  id: 'NET-007',
  title: 'Management and data ports admit only private and approved sources',
  severity: 'error',
  rationale:
    "A port that administers a system or reads its data, open to any public source outside the hospital's own ranges, is a way in from abroad: `*`, `Internet`, service tags such as `AzureCloud` (every Azure region) and split ranges such as 0.0.0.0/1 + 128.0.0.0/1 all admit the world.",
  anchors: {
    mcsb: ['NS-1'],
    checkov: ['CKV_AZURE_9', 'CKV_AZURE_10'],
    regulation: ['Normen: Veileder for fjernaksess', 'NSM grunnprinsipper: kontroller dataflyt'],
  },
  resourceTypes: [
    'azurerm_network_security_group',
    'azurerm_network_security_rule',
    'azurerm_firewall_policy_rule_collection_group',
    'azurerm_firewall_nat_rule_collection',
  ],
  fix: "Use private address space, application security groups or the hospital's approved ranges (policy setting approvedRanges) as the source; administer through Bastion without shareable links.",
  *check(context) {
    const approved = approvedIntervals(context.settings?.approvedRanges);
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      if (resource.type.startsWith('azurerm_firewall_')) {
        for (const problem of dnatProblems(context, resource, approved))
          yield { resource, message: `${problem}.` };
        continue;
      }
      if (resource.type === 'azurerm_network_security_rule') {
        const problem = ruleProblem(context, resource, [], approved);
        if (problem) yield { resource, message: `${problem}.` };
        continue;
      }
      const blocks = blockCount(context, resource, 'security_rule');
      if (blocks.kind === 'unknown') {
        yield {
          resource,
          message: `${blocks.reason}, so its sources cannot be checked.`,
        };
        continue;
      }
      for (let i = 0; i < blocks.count; i++) {
        const problem = ruleProblem(context, resource, ['security_rule', i], approved);
        if (problem) yield { resource, message: `security_rule[${i}] ${problem}.` };
      }
    }
  },
});

function ruleProblem(
  context: RuleContext,
  resource: TfResource,
  prefix: readonly (string | number)[],
  approved: readonly Interval[],
): string | undefined {
  const rule = inboundRule(context, resource, prefix);
  if (!rule) return undefined;
  const { sourcePrefix: single, sourcePrefixes: list } = rule;
  const sources: { text: string; why: string; internet: boolean }[] = [];
  if (!single || !list)
    sources.push({ text: '<unknown>', why: 'a source unknown before apply', internet: true });
  for (const source of [...(single ?? []), ...(list ?? [])]) {
    // Plans list both the single and the list attribute; the unused one is an empty string.
    if (source.trim() === '') continue;
    const why = unapprovedSource(source, approved);
    if (why) sources.push({ text: source, why, internet: isInternetSource(source) });
  }
  if (sources.length === 0) return undefined;

  const exposed = PORTS.filter((port) => rule.ports.some((range) => coversPort(range, port)));
  // The internet to SSH or RDP is NET-003's finding; NET-007 reports every other source and port.
  const reported = sources.filter((s) => !s.internet || exposed.some((p) => !NET_003_PORTS.has(p)));
  const reportedPorts = exposed.filter((p) => reported.some((s) => !s.internet || !NET_003_PORTS.has(p)));
  if (reported.length === 0 || reportedPorts.length === 0) return undefined;
  const named = reportedPorts.map((p) => `${p} (${MANAGEMENT_AND_DATA_PORTS[p]})`);
  const shown =
    named.length > 4 ? `${named.slice(0, 4).join(', ')} and ${named.length - 4} more` : named.join(', ');
  return `allows inbound from ${reported.map((s) => s.why).join(', ')} to ${shown}`;
}

/** Firewall DNAT rules: a public source translated to a management or data port is a door as wide as an NSG rule. */
function dnatProblems(context: RuleContext, resource: TfResource, approved: readonly Interval[]): string[] {
  const collections: (string | number)[][] = [];
  if (resource.type === 'azurerm_firewall_nat_rule_collection') collections.push([]);
  else {
    const count = blockCount(context, resource, 'nat_rule_collection');
    if (count.kind === 'unknown') return [`${count.reason}, so its DNAT rules cannot be checked`];
    for (let i = 0; i < count.count; i++) collections.push(['nat_rule_collection', i]);
  }
  const problems: string[] = [];
  for (const collection of collections) {
    const rules = blockCount(context, resource, [...collection, 'rule']);
    if (rules.kind === 'unknown') {
      problems.push(`${rules.reason}, so its DNAT rules cannot be checked`);
      continue;
    }
    for (let r = 0; r < rules.count; r++) {
      const at = [...collection, 'rule', r];
      const read = (name: string) => resolvedStrings(context.read(resource, [...at, name]));
      const where = describePlacePath(at);
      const sources = read('source_addresses');
      const groups = read('source_ip_groups');
      const reasons = sources === undefined ? ['a source unknown before apply'] : [];
      for (const source of sources ?? []) {
        const why = unapprovedSource(source, approved);
        if (why) reasons.push(why);
      }
      // IP groups hold their ranges elsewhere; without them a rule with no source admits anyone.
      if (groups && groups.length > 0) reasons.push('IP groups whose ranges are not checked here');
      if (sources?.length === 0 && (!groups || groups.length === 0)) reasons.push('no source (anyone)');
      if (reasons.length === 0) continue;
      const ports = [
        ...(read('translated_port') ?? ['<unknown>']),
        ...(read('destination_ports') ?? ['<unknown>']),
      ];
      const exposed = PORTS.filter((port) => ports.some((range) => coversPort(range, port)));
      if (exposed.length === 0) continue;
      problems.push(
        `${where} translates inbound from ${reasons.join(', ')} to ${exposed.map((p) => `${p} (${MANAGEMENT_AND_DATA_PORTS[p]})`).join(', ')}`,
      );
    }
  }
  return problems;
}
