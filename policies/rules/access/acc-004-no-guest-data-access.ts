import { defineRule } from '../rule';
import type { TfResource } from '../../model/types';
import { blockCount } from '../attributes';
import type { RuleContext } from '../rule';
import { ACCESS_ANCHORS } from './anchors';
import { Principal, principalAt, roleOf } from './principals';
import { ownEntry } from '../../model/values';

/** Role assignments: judged by their role. */
const ROLE_ASSIGNMENTS = new Set([
  'azurerm_role_assignment',
  'azurerm_pim_eligible_role_assignment',
  'azurerm_pim_active_role_assignment',
]);

/** Grants that reach data whatever they are called: object id attributes, top-level or per block. */
const DATA_GRANTS: Readonly<Record<string, { readonly block?: string; readonly attribute: string }>> = {
  azurerm_key_vault_access_policy: { attribute: 'object_id' },
  azurerm_key_vault: { block: 'access_policy', attribute: 'object_id' },
  azurerm_mssql_server: { block: 'azuread_administrator', attribute: 'object_id' },
  azurerm_postgresql_flexible_server_active_directory_administrator: { attribute: 'object_id' },
  azurerm_mysql_flexible_server_active_directory_administrator: { attribute: 'object_id' },
  azurerm_cosmosdb_sql_role_assignment: { attribute: 'principal_id' },
};

export const ACC_004 = defineRule({
  id: 'ACC-004',
  title: 'Guests and foreign service principals get no data-plane access',
  severity: 'error',
  rationale:
    "A guest account or another tenant's application is an identity the hospital does not control: its owner may sign in from, or be established in, a third country. Giving it access to the data is a transfer (Normen's remote-access guide).",
  anchors: { mcsb: ['IM-1', 'PA-7'], regulation: [...ACCESS_ANCHORS] },
  resourceTypes: [...ROLE_ASSIGNMENTS, ...Object.keys(DATA_GRANTS)],
  fix: 'Grant data access only to home-tenant groups, users and managed identities; a supplier works through accounts created in the home tenant, from Norway, with PIM.',
  *check(context) {
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      if (ROLE_ASSIGNMENTS.has(resource.type)) {
        const role = roleOf(context, resource);
        if (role.kind === 'other') continue;
        const principal = principalAt(context, resource, 'principal_id');
        const type = context.read(resource, 'principal_type');
        const foreignGroup = type.kind === 'known' && String(type.value).toLowerCase() === 'foreigngroup';
        // An unmatched principal with a privileged role is ACC-001's and ACC-003's finding already.
        const unmatched = isUnmatched(principal) && role.kind !== 'privileged';
        if (!isOutsider(principal) && !unmatched && !foreignGroup) continue;
        const roleText =
          role.kind === 'unknown' ? `a role that cannot be verified (${role.reason})` : role.name;
        yield {
          resource,
          message: `the assignment grants ${roleText} to ${foreignGroup ? 'a group of another tenant (principal_type ForeignGroup)' : principal.text}.`,
        };
        continue;
      }
      const grants = grantPaths(context, resource);
      // Blocks built by a dynamic block (or otherwise unknown) name principals nobody can check: fail closed.
      if ('unknown' in grants) {
        yield { resource, message: `${grants.unknown}, so who gets data access cannot be verified.` };
        continue;
      }
      for (const [path, name] of grants) {
        const principal = principalAt(context, resource, path);
        if (isOutsider(principal) || isUnmatched(principal))
          yield { resource, message: `${name} gives data access to ${principal.text}.` };
      }
    }
  },
});

const isOutsider = (principal: Principal) => principal.kind === 'guest' || principal.kind === 'foreign';
/** Failing closed: ids the estate cannot match to a home-tenant identity. */
const isUnmatched = (principal: Principal) => principal.kind === 'literal' || principal.kind === 'unknown';

function grantPaths(
  context: RuleContext,
  resource: TfResource,
): [(string | number)[], string][] | { readonly unknown: string } {
  const spec = ownEntry(DATA_GRANTS, resource.type);
  if (!spec) return [];
  if (spec.block === undefined) return [[[spec.attribute], spec.attribute]];
  const blocks = blockCount(context, resource, spec.block);
  if (blocks.kind === 'unknown') return { unknown: blocks.reason };
  return Array.from({ length: blocks.count }, (_, i) => [
    [spec.block as string, i, spec.attribute],
    `${spec.block}[${i}].${spec.attribute}`,
  ]);
}
