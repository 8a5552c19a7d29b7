import { NOT_IN_ESTATE } from '../../model/resolve';
import { defineRule, Rule } from '../rule';

/**
 * Tenants allowed to manage our resources through Azure Lighthouse. Empty: no delegation is allowed.
 * A platform team that has assessed a Norwegian operator extends it by running the catalogue with its own
 * instance of the rule:
 *
 *   const rules = ALL_RULES.map((r) => (r.id === 'IAM-002' ? lighthouseDelegationRule(['<tenant-guid>']) : r));
 *   checkModels(models, { rules });
 */
export const LIGHTHOUSE_TENANT_ALLOW_LIST: readonly string[] = [];

/** IAM-002 with an allow-list of managing tenant ids (compared case-insensitively). */
export function lighthouseDelegationRule(allowedTenants: readonly string[]): Rule {
  const allowed = new Set(allowedTenants.map((t) => t.toLowerCase()));
  const listed = allowedTenants.length ? allowedTenants.join(', ') : 'none';
  return defineRule({
    id: 'IAM-002',
    title: 'No delegation of control to another tenant unless allow-listed',
    severity: 'error',
    rationale:
      'Azure Lighthouse gives administrators of another tenant standing access to our subscriptions. In 2017 foreign administrators had privileged access to systems holding patient data before anyone had assessed it; delegation needs a recorded decision, not a pull request.',
    anchors: {
      mcsb: ['PA-1'],
      regulation: ['Normen: remote access from abroad', 'The 2017 remote-access case'],
    },
    resourceTypes: ['azurerm_lighthouse_definition', 'azurerm_lighthouse_assignment'],
    fix: `Remove the Lighthouse delegation, or add the managing tenant to the IAM-002 allow-list after a risk assessment (allowed now: ${listed}).`,
    *check(context) {
      for (const resource of context.resources) {
        if (resource.mode !== 'managed') continue;
        if (resource.type === 'azurerm_lighthouse_definition') {
          const tenant = context.read(resource, 'managing_tenant_id');
          if (
            tenant.kind === 'known' &&
            typeof tenant.value === 'string' &&
            allowed.has(tenant.value.toLowerCase())
          )
            continue;
          const what =
            tenant.kind === 'known'
              ? `tenant ${String(tenant.value)}`
              : tenant.kind === 'absent'
                ? 'a tenant that is not named'
                : 'a tenant that cannot be verified before apply';
          yield {
            resource,
            message: `management is delegated to ${what}, which is not on the allow-list (${listed}).`,
          };
          continue;
        }
        // An assignment of a definition in this configuration is judged on the definition; any other is unknown.
        const definition = context.target(resource, 'lighthouse_definition_id');
        if (definition.kind === 'resource' && definition.resource.type === 'azurerm_lighthouse_definition')
          continue;
        const why =
          definition.kind === 'external'
            ? `${definition.value} is ${NOT_IN_ESTATE}`
            : definition.kind === 'unknown'
              ? definition.reason
              : 'it names no definition';
        yield {
          resource,
          message: `the managing tenant of this Lighthouse delegation cannot be verified: ${why}.`,
        };
      }
    },
  });
}

export const IAM_002 = lighthouseDelegationRule(LIGHTHOUSE_TENANT_ALLOW_LIST);
