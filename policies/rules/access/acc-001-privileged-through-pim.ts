import { defineRule, RuleContext } from '../rule';
import type { TfResource } from '../../model/types';
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
    'azurerm_pim_eligible_role_assignment',
    'azuread_directory_role_assignment',
    'azuread_directory_role_member',
  ],
  fix: 'Grant people and groups privileged roles with azurerm_pim_eligible_role_assignment (Azure roles) or azuread_directory_role_eligibility_schedule_request (directory roles); give workloads a managed identity instead.',
  *check(context) {
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      if (resource.type === 'azuread_directory_role_member') {
        // The role is named by its activated object id, which says nothing about its privileges: judged as privileged.
        yield {
          resource,
          message: `the membership makes ${principalAt(context, resource, 'member_object_id').text} a standing member of a directory role.`,
        };
        continue;
      }
      if (resource.type === 'azurerm_pim_eligible_role_assignment') {
        const problem = eligibilityProblem(context, resource);
        if (problem) yield { resource, message: `${problem}.` };
        continue;
      }
      if (resource.type === 'azuread_directory_role_assignment') {
        const role = context.read(resource, 'role_id');
        const id =
          role.kind === 'known' && typeof role.value === 'string' ? role.value.toLowerCase() : undefined;
        if (id !== undefined && !Object.hasOwn(PRIVILEGED_DIRECTORY_ROLES, id)) continue;
        const principal = principalAt(context, resource, 'principal_object_id');
        yield {
          resource,
          message: `the assignment gives ${id ? `the directory role ${PRIVILEGED_DIRECTORY_ROLES[id]}` : 'a directory role that cannot be verified before apply'} standing to ${principal.text}.`,
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
          message: `a standing (active) assignment of ${roleText} to ${principal.text}.`,
        };
        continue;
      }
      // A workload's own identity needs no activation; it has no one to sign in from abroad. At the
      // tenant root it is no longer its own resources (subscription and management-group scope: IAM-003).
      if (principal.kind === 'managed-identity' && !isTenantRoot(context, resource)) continue;
      yield { resource, message: `the assignment gives ${roleText} standing to ${principal.text}.` };
    }
  },
});

/** Longest eligibility the policy accepts before it must be renewed. */
export const MAX_ELIGIBLE_DAYS = 365;

function isTenantRoot(context: RuleContext, resource: TfResource): boolean {
  const scope = context.read(resource, 'scope');
  return scope.kind === 'known' && typeof scope.value === 'string' && scope.value.trim() === '/';
}

/** An eligibility must end (within a year) and say why: a permanent eligibility is a standing right to activate. */
function eligibilityProblem(context: RuleContext, resource: TfResource): string | undefined {
  const read = (path: (string | number)[]) => context.read(resource, path);
  const justification = read(['justification']);
  if (justification.kind === 'absent' && !context.isWritten(resource, 'justification'))
    return 'has no justification';
  const expiration = ['schedule', 0, 'expiration', 0];
  const days = read([...expiration, 'duration_days']);
  const hours = read([...expiration, 'duration_hours']);
  const end = read([...expiration, 'end_date_time']);
  if (days.kind === 'known' && typeof days.value === 'number')
    return days.value > 0 && days.value <= MAX_ELIGIBLE_DAYS
      ? undefined
      : `schedule.expiration.duration_days is ${days.value}; an eligibility lasts 1-${MAX_ELIGIBLE_DAYS} days`;
  if (hours.kind === 'known' && typeof hours.value === 'number')
    return hours.value > 0 && hours.value <= MAX_ELIGIBLE_DAYS * 24
      ? undefined
      : `schedule.expiration.duration_hours is ${hours.value}; an eligibility lasts at most ${MAX_ELIGIBLE_DAYS} days`;
  if (end.kind === 'known' && typeof end.value === 'string') return undefined;
  if (
    days.kind === 'absent' &&
    hours.kind === 'absent' &&
    end.kind === 'absent' &&
    !context.isWritten(resource, [...expiration, 'duration_days'])
  )
    return 'has no schedule.expiration: a permanent eligibility; give it duration_days (at most 365)';
  return 'its expiration cannot be verified before apply';
}
