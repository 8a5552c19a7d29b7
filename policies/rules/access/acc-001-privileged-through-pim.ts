import { defineRule } from '../../engine/rule';
import { ACCESS_ANCHORS } from './anchors';
import { PRIVILEGED_DIRECTORY_ROLES, principalAt, roleOf } from './principals';

export const ACC_001 = defineRule({
  id: 'ACC-001',
  title: 'Privileged roles only through PIM eligibility, never standing',
  severity: 'error',
  rationale:
    'A standing privileged assignment (a plain role assignment, a PIM active assignment or a directory role assignment) is a door that is always open, whoever holds the account and wherever they are. Eligibility makes every use an activation: time-limited, justified, logged and subject to Conditional Access.',
  anchors: { mcsb: ['PA-1', 'PA-2'], regulation: [...ACCESS_ANCHORS] },
  resourceTypes: [
    'azurerm_role_assignment',
    'azurerm_pim_active_role_assignment',
    'azuread_directory_role_assignment',
  ],
  fix: 'Grant people and groups privileged roles with azurerm_pim_eligible_role_assignment (Azure roles) or azuread_directory_role_eligibility_schedule_request (directory roles); give workloads a managed identity instead.',
  *check(context) {
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      if (resource.type === 'azuread_directory_role_assignment') {
        const role = context.resolver.value(context.model, resource, 'role_id');
        const id =
          role.kind === 'known' && typeof role.value === 'string' ? role.value.toLowerCase() : undefined;
        if (id !== undefined && !(id in PRIVILEGED_DIRECTORY_ROLES)) continue;
        const principal = principalAt(context, resource, 'principal_object_id');
        yield {
          resource,
          message: `${resource.address} assigns ${id ? `the directory role ${PRIVILEGED_DIRECTORY_ROLES[id]}` : 'a directory role that cannot be verified before apply'} standing to ${principal.text}.`,
        };
        continue;
      }
      const role = roleOf(context, resource);
      if (role.kind === 'other' || role.kind === 'data-plane') continue;
      const principal = principalAt(context, resource, 'principal_id');
      const roleText =
        role.kind === 'privileged' ? role.name : `a role that may be privileged (${role.reason})`;
      if (resource.type === 'azurerm_pim_active_role_assignment') {
        yield {
          resource,
          message: `${resource.address} is a standing (active) assignment of ${roleText} to ${principal.text}.`,
        };
        continue;
      }
      // A workload's own identity needs no activation; it has no one to sign in from abroad.
      if (principal.kind === 'managed-identity') continue;
      yield { resource, message: `${resource.address} assigns ${roleText} standing to ${principal.text}.` };
    }
  },
});
