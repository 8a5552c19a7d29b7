import { defineRule, RuleContext } from '../rule';
import type { TfResource } from '../../model/types';
import { blockCount } from '../attributes';
import { coversPort } from './ranges';
import { inboundRule, isInternetSource } from './security-rules';

/** Ports that give an administrator a shell or a desktop. */
export const MANAGEMENT_PORTS: readonly number[] = [22, 3389];

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

function ruleProblem(
  context: RuleContext,
  resource: TfResource,
  prefix: readonly (string | number)[],
): string | undefined {
  const rule = inboundRule(context, resource, prefix);
  if (!rule) return undefined;
  const sources = [...(rule.sourcePrefix ?? ['<unknown>']), ...(rule.sourcePrefixes ?? ['<unknown>'])];
  const fromInternet = sources.filter((s) => s === '<unknown>' || isInternetSource(s));
  if (fromInternet.length === 0) return undefined;
  const exposed = MANAGEMENT_PORTS.filter((port) => rule.ports.some((range) => coversPort(range, port)));
  if (exposed.length === 0) return undefined;
  const unknownParts =
    [...fromInternet, ...rule.ports].includes('<unknown>') || !rule.directionAndAccessKnown;
  return `allows inbound from ${fromInternet.map((s) => (s === '<unknown>' ? 'a source unknown before apply' : JSON.stringify(s))).join(', ')} to port ${exposed.join(' and ')}${unknownParts ? ' (values unknown before apply count as open)' : ''}`;
}
