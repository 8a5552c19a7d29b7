import { defineRule, RuleContext } from '../rule';
import type { Resolved } from '../../model/resolve';
import type { TfResource } from '../../model/types';
import { blockCount } from '../attributes';
import { approvedIntervals, Interval, unapprovedInterval, unapprovedSource } from './ranges';
import { ownEntry } from '../../model/values';

/** Database and cache firewall rules: one address interval each. */
const INTERVAL_RULES = new Set([
  'azurerm_mssql_firewall_rule',
  'azurerm_postgresql_flexible_server_firewall_rule',
  'azurerm_mysql_flexible_server_firewall_rule',
  'azurerm_redis_firewall_rule',
  'azurerm_synapse_firewall_rule',
  'azurerm_cosmosdb_postgresql_firewall_rule',
  // azurerm 3.x names, still found in older code.
  'azurerm_sql_firewall_rule',
  'azurerm_postgresql_firewall_rule',
  'azurerm_mysql_firewall_rule',
  'azurerm_mariadb_firewall_rule',
]);
/** Redis names its interval `start_ip`/`end_ip`; the others `start_ip_address`/`end_ip_address`. */
const INTERVAL_ATTRIBUTES: Readonly<Record<string, readonly [string, string]>> = {
  azurerm_redis_firewall_rule: ['start_ip', 'end_ip'],
};

/**
 * Other allow-lists of public addresses: a list of strings at `path` inside the first `block` (if any),
 * or, with `field`, a list of blocks each holding one range.
 */
interface AllowList {
  readonly block?: string;
  readonly path: string;
  readonly field?: string;
}
const ALLOW_LISTS: Readonly<Record<string, readonly AllowList[]>> = {
  azurerm_key_vault: [{ block: 'network_acls', path: 'ip_rules' }],
  azurerm_cosmosdb_account: [{ path: 'ip_range_filter' }],
  azurerm_container_registry: [{ block: 'network_rule_set', path: 'ip_rule', field: 'ip_range' }],
  azurerm_kubernetes_cluster: [{ block: 'api_server_access_profile', path: 'authorized_ip_ranges' }],
  azurerm_eventhub_namespace: [{ block: 'network_rulesets', path: 'ip_rule', field: 'ip_mask' }],
  azurerm_servicebus_namespace: [{ block: 'network_rule_set', path: 'ip_rules' }],
  azurerm_search_service: [{ path: 'allowed_ips' }],
};

export const NET_008 = defineRule({
  id: 'NET-008',
  title: 'Database and storage firewalls admit only approved ranges, with no trusted-service bypass',
  severity: 'error',
  rationale:
    "A firewall entry for 0.0.0.0–255.255.255.255, the 0.0.0.0–0.0.0.0 'allow Azure services' rule, a public ip_rule outside the hospital's ranges, or bypass = AzureServices (any tenant's instance of those services, in any region) each admit access from abroad to the data itself.",
  anchors: {
    mcsb: ['NS-2'],
    checkov: ['CKV_AZURE_11', 'CKV_AZURE_35'],
    regulation: ['Normen: Veileder for fjernaksess', 'NSM grunnprinsipper: kontroller dataflyt'],
  },
  resourceTypes: [
    ...INTERVAL_RULES,
    'azurerm_storage_account',
    'azurerm_storage_account_network_rules',
    ...Object.keys(ALLOW_LISTS),
  ],
  fix: 'Reach data stores through private endpoints; where a public entry is unavoidable, list only the approved ranges (policy setting approvedRanges) and set bypass = ["None"].',
  *check(context) {
    const approved = approvedIntervals(context.settings?.approvedRanges);
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      if (INTERVAL_RULES.has(resource.type)) {
        const [startName, endName] = ownEntry(INTERVAL_ATTRIBUTES, resource.type) ?? [
          'start_ip_address',
          'end_ip_address',
        ];
        const start = text(context, resource, [startName]);
        const end = text(context, resource, [endName]);
        if (start === undefined || end === undefined) {
          yield {
            resource,
            message: `the address range cannot be verified before apply.`,
          };
          continue;
        }
        const why = unapprovedInterval(start, end, approved);
        if (why) yield { resource, message: `${why}.` };
        continue;
      }
      if (Object.hasOwn(ALLOW_LISTS, resource.type)) {
        for (const problem of allowListProblems(context, resource, approved))
          yield { resource, message: `${problem}.` };
        continue;
      }
      const prefix: (string | number)[] = [];
      if (resource.type === 'azurerm_storage_account') {
        const blocks = blockCount(context, resource, 'network_rules');
        if (blocks.kind === 'unknown') {
          yield {
            resource,
            message: `${blocks.reason}, so its firewall cannot be checked.`,
          };
          continue;
        }
        // No network_rules block is NET-002's finding (default allow); nothing to judge here.
        if (blocks.count === 0) continue;
        prefix.push('network_rules', 0);
      }
      for (const problem of storageProblems(context, resource, prefix, approved))
        yield { resource, message: `${problem}.` };
    }
  },
});

function storageProblems(
  context: RuleContext,
  resource: TfResource,
  prefix: readonly (string | number)[],
  approved: readonly Interval[],
): string[] {
  const problems: string[] = [];
  const read = (name: string) => context.read(resource, [...prefix, name]);
  const rules = list(read('ip_rules'));
  if (!rules) problems.push('ip_rules cannot be verified before apply');
  for (const rule of rules ?? []) {
    const why = unapprovedSource(rule, approved);
    if (why) problems.push(`ip_rules admits ${why}`);
  }
  const bypass = read('bypass');
  // The provider (and Azure) default an unset bypass to AzureServices.
  const values = bypass.kind === 'absent' ? ['AzureServices'] : list(bypass);
  if (!values) problems.push('bypass cannot be verified before apply');
  else if (values.some((v) => v.toLowerCase() === 'azureservices'))
    problems.push(
      `bypass ${bypass.kind === 'absent' ? 'is not set, and the default is' : 'includes'} AzureServices (trusted services of any tenant, in any region)`,
    );
  return problems;
}

function allowListProblems(
  context: RuleContext,
  resource: TfResource,
  approved: readonly Interval[],
): string[] {
  const problems: string[] = [];
  for (const spec of ownEntry(ALLOW_LISTS, resource.type) ?? []) {
    const prefix: (string | number)[] = spec.block ? [spec.block, 0] : [];
    if (spec.block) {
      const blocks = blockCount(context, resource, spec.block);
      if (blocks.kind === 'unknown') {
        problems.push(`${blocks.reason}, so its allowed addresses cannot be checked`);
        continue;
      }
      if (blocks.count === 0) continue;
    }
    const name = [...(spec.block ? [spec.block] : []), spec.path].join('.');
    let ranges: string[] | undefined;
    if (spec.field) {
      const count = blockCount(context, resource, [...prefix, spec.path]);
      if (count.kind === 'unknown') ranges = undefined;
      else {
        ranges = [];
        for (let i = 0; i < count.count && ranges; i++) {
          const one = text(context, resource, [...prefix, spec.path, i, spec.field]);
          if (one === undefined) ranges = undefined;
          else ranges.push(one);
        }
      }
    } else ranges = list(context.read(resource, [...prefix, spec.path]));
    if (!ranges) {
      problems.push(`${name} cannot be verified before apply`);
      continue;
    }
    for (const range of ranges
      .flatMap((r) => r.split(','))
      .map((r) => r.trim())
      .filter(Boolean)) {
      const why = unapprovedSource(range, approved);
      if (why) problems.push(`${name} admits ${why}`);
    }
  }
  return problems;
}

function text(
  context: RuleContext,
  resource: TfResource,
  path: readonly (string | number)[],
): string | undefined {
  const value = context.read(resource, path);
  return value.kind === 'known' && typeof value.value === 'string' ? value.value : undefined;
}

function list(resolved: Resolved): string[] | undefined {
  if (resolved.kind === 'absent') return [];
  if (resolved.kind !== 'known') return undefined;
  const value = resolved.value;
  if (Array.isArray(value))
    return value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
  return typeof value === 'string' ? [value] : undefined;
}
