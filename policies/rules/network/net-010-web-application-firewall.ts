import { defineRule, RuleContext } from '../rule';
import type { TfResource } from '../../model/types';
import { blockCount, boolProblem, firstSet, stringProblem } from '../attributes';
import { ownEntry } from '../../model/values';

/** Managed rule sets that cover the OWASP top ten at a supported version. */
const RULE_SETS: Readonly<Record<string, (version: string) => boolean>> = {
  owasp: (v) => Number(v) >= 3.2,
  microsoft_defaultruleset: (v) => Number(v) >= 2.1,
};

export const NET_010 = defineRule({
  id: 'NET-010',
  title: 'Application gateways filter every request with a WAF in Prevention mode',
  severity: 'error',
  rationale:
    'The application gateway is the way in from the internet to web apps that show patient data; without a web application firewall that blocks (not only logs) injection and cross-site attacks, the first vulnerable app is the breach.',
  anchors: { mcsb: ['NS-6'], checkov: ['CKV_AZURE_120', 'CKV_AZURE_122', 'CKV_AZURE_135'] },
  resourceTypes: ['azurerm_application_gateway', 'azurerm_web_application_firewall_policy'],
  fix: 'Use sku tier WAF_v2 with firewall_policy_id = an azurerm_web_application_firewall_policy whose policy_settings keep enabled = true and mode = "Prevention", with a managed_rule_set of OWASP 3.2 or Microsoft_DefaultRuleSet 2.1 (or newer).',
  *check(context) {
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      const problems =
        resource.type === 'azurerm_application_gateway'
          ? gatewayProblems(context, resource)
          : policyProblems(context, resource);
      for (const problem of problems) if (problem) yield { resource, message: `${problem}.` };
    }
  },
});

function gatewayProblems(context: RuleContext, resource: TfResource): (string | undefined)[] {
  const tier = stringProblem(context, resource, [['sku', 0, 'tier']], { allowed: ['WAF_v2', 'WAF'] });
  if (tier) return [`${tier}: no web application firewall`];
  if (context.isWritten(resource, 'firewall_policy_id')) return [];
  // The legacy inline configuration, without a policy.
  const inline = blockCount(context, resource, 'waf_configuration');
  if (inline.kind === 'unknown') return [`${inline.reason}, so the WAF cannot be verified`];
  if (inline.count === 0)
    return ['neither firewall_policy_id nor waf_configuration is set: the WAF filters nothing'];
  return [
    boolProblem(context, resource, [['waf_configuration', 0, 'enabled']], {
      want: true,
      providerDefault: false,
    }),
    stringProblem(context, resource, [['waf_configuration', 0, 'firewall_mode']], {
      allowed: ['Prevention'],
      providerDefault: 'Detection',
    }),
  ];
}

function policyProblems(context: RuleContext, resource: TfResource): (string | undefined)[] {
  const problems = [
    boolProblem(context, resource, [['policy_settings', 0, 'enabled']], {
      want: true,
      providerDefault: true,
    }),
    stringProblem(context, resource, [['policy_settings', 0, 'mode']], {
      allowed: ['Prevention'],
      providerDefault: 'Prevention',
    }),
  ];
  const sets = blockCount(context, resource, ['managed_rules', 0, 'managed_rule_set']);
  if (sets.kind === 'unknown')
    return [...problems, `${sets.reason}, so the managed rules cannot be verified`];
  let covered = false;
  const unknown: string[] = [];
  for (let i = 0; i < sets.count; i++) {
    const type = firstSet(context, resource, [['managed_rules', 0, 'managed_rule_set', i, 'type']]).resolved;
    const version = firstSet(context, resource, [
      ['managed_rules', 0, 'managed_rule_set', i, 'version'],
    ]).resolved;
    // The provider defaults the type to OWASP.
    const typeName =
      type.kind === 'absent' ? 'OWASP' : type.kind === 'known' ? String(type.value) : undefined;
    if (typeName === undefined || version.kind !== 'known') {
      unknown.push(`managed_rule_set[${i}]`);
      continue;
    }
    if (ownEntry(RULE_SETS, typeName.toLowerCase())?.(String(version.value))) covered = true;
  }
  if (!covered)
    problems.push(
      unknown.length > 0
        ? `${unknown.join(', ')} cannot be verified before apply, and no other managed rule set is OWASP 3.2+ or Microsoft_DefaultRuleSet 2.1+`
        : 'no managed_rule_set is OWASP 3.2+ or Microsoft_DefaultRuleSet 2.1+',
    );
  return problems;
}
