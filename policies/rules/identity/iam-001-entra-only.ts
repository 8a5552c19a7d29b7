import { defineRule, RuleContext } from '../rule';
import type { TfResource } from '../../model/types';
import { boolProblem } from '../attributes';

/** Per type: the settings that make Entra ID the only way in, with the azurerm 4.x defaults. */
const CHECKS: Readonly<
  Record<string, (context: RuleContext, resource: TfResource) => (string | undefined)[]>
> = {
  azurerm_storage_account: (c, r) => [
    boolProblem(c, r, ['shared_access_key_enabled'], { want: false, providerDefault: true }),
  ],
  // 4.x renamed enable_rbac_authorization to rbac_authorization_enabled; both default to false (access policies).
  azurerm_key_vault: (c, r) => [
    boolProblem(c, r, ['rbac_authorization_enabled', 'enable_rbac_authorization'], {
      want: true,
      providerDefault: false,
    }),
  ],
  azurerm_cosmosdb_account: (c, r) => [
    boolProblem(c, r, ['local_authentication_disabled'], { want: true, providerDefault: false }),
  ],
  azurerm_kubernetes_cluster: (c, r) => [
    boolProblem(c, r, ['local_account_disabled'], { want: true, providerDefault: false }),
  ],
  azurerm_mssql_server: (c, r) => [
    boolProblem(c, r, [['azuread_administrator', 0, 'azuread_authentication_only']], {
      want: true,
      providerDefault: false,
    }),
  ],
  azurerm_mssql_managed_instance: (c, r) => [
    boolProblem(c, r, [['azure_active_directory_administrator', 0, 'azuread_authentication_only_enabled']], {
      want: true,
      providerDefault: false,
    }),
  ],
  azurerm_postgresql_flexible_server: (c, r) => [
    boolProblem(c, r, [['authentication', 0, 'active_directory_auth_enabled']], {
      want: true,
      providerDefault: false,
    }),
    boolProblem(c, r, [['authentication', 0, 'password_auth_enabled']], {
      want: false,
      providerDefault: true,
    }),
  ],
  azurerm_eventhub_namespace: (c, r) => [
    boolProblem(c, r, ['local_authentication_enabled'], { want: false, providerDefault: true }),
  ],
  azurerm_servicebus_namespace: (c, r) => [
    boolProblem(c, r, ['local_auth_enabled'], { want: false, providerDefault: true }),
  ],
  azurerm_container_registry: (c, r) => [
    boolProblem(c, r, ['admin_enabled'], { want: false, providerDefault: false }),
  ],
};

export const IAM_001 = defineRule({
  id: 'IAM-001',
  title: 'Entra ID is the only way to authenticate to data stores',
  severity: 'error',
  rationale:
    'Shared keys, local accounts and passwords bypass Entra ID: no conditional access, no named person in the sign-in logs, and a leaked key works from anywhere in the world.',
  anchors: { mcsb: ['IM-1', 'IM-8'], checkov: ['CKV2_AZURE_40'] },
  resourceTypes: Object.keys(CHECKS),
  fix: 'Storage: shared_access_key_enabled = false; Key Vault: rbac_authorization_enabled = true; Cosmos: local_authentication_disabled = true; AKS: local_account_disabled = true; SQL: azuread_authentication_only = true; PostgreSQL: Entra auth on, password auth off; Event Hub/Service Bus: local auth off; ACR: admin user off.',
  *check(context) {
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      for (const problem of CHECKS[resource.type](context, resource))
        if (problem) yield { resource, message: `${problem}.` };
    }
  },
});
