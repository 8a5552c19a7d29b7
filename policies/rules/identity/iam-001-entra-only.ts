import { defineRule, RuleContext } from '../rule';
import type { TfResource } from '../../model/types';
import { blockCount, boolProblem } from '../attributes';
import { ownEntry } from '../../model/values';

/** Web apps and slots: publishing with a user name and password (FTP, Web Deploy/SCM) bypasses Entra ID. */
const WEB_PUBLISHING = (c: RuleContext, r: TfResource) => [
  boolProblem(c, r, ['ftp_publish_basic_authentication_enabled'], { want: false, providerDefault: true }),
  boolProblem(c, r, ['webdeploy_publish_basic_authentication_enabled'], {
    want: false,
    providerDefault: true,
  }),
];

/**
 * Container Apps: images pulled with the app's identity, not a registry password, and secrets as Key
 * Vault references rather than values written into the configuration.
 */
function containerAppProblems(c: RuleContext, r: TfResource): (string | undefined)[] {
  const problems: (string | undefined)[] = [];
  for (const [block, each] of [
    ['registry', registryProblem],
    ['secret', secretProblem],
  ] as const) {
    const count = blockCount(c, r, block);
    if (count.kind === 'unknown') problems.push(count.reason);
    else for (let i = 0; i < count.count; i++) problems.push(each(c, r, i));
  }
  return problems;
}

function registryProblem(c: RuleContext, r: TfResource, i: number): string | undefined {
  if (c.isConfigured(r, ['registry', i, 'password_secret_name']))
    return `registry[${i}] pulls with a password (password_secret_name); pull with the app's managed identity`;
  if (!c.isConfigured(r, ['registry', i, 'identity'])) return `registry[${i}] has no identity to pull with`;
  return undefined;
}

function secretProblem(c: RuleContext, r: TfResource, i: number): string | undefined {
  if (!c.isConfigured(r, ['secret', i, 'key_vault_secret_id']))
    return `secret[${i}] is not a Key Vault reference (no key_vault_secret_id); its value lives in the configuration and state`;
  return undefined;
}

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
    boolProblem(c, r, ['role_based_access_control_enabled'], { want: true, providerDefault: true }),
    // Entra ID sign-in with Azure RBAC: without it, Kubernetes RBAC bindings are managed inside the cluster.
    boolProblem(c, r, [['azure_active_directory_role_based_access_control', 0, 'azure_rbac_enabled']], {
      want: true,
      providerDefault: false,
    }),
  ],
  // Stored access policies exist to sign SAS tokens with the account key.
  azurerm_storage_share: (c, r) => {
    const acl = blockCount(c, r, 'acl');
    if (acl.kind === 'unknown') return [`${acl.reason}, so stored access policies cannot be ruled out`];
    return acl.count > 0
      ? ['acl defines stored access policies, which sign SAS tokens with the account key']
      : [];
  },
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
  azurerm_linux_web_app: WEB_PUBLISHING,
  azurerm_windows_web_app: WEB_PUBLISHING,
  azurerm_linux_web_app_slot: WEB_PUBLISHING,
  azurerm_windows_web_app_slot: WEB_PUBLISHING,
  azurerm_container_app: containerAppProblems,
  azurerm_container_registry: (c, r) => [
    boolProblem(c, r, ['admin_enabled'], { want: false, providerDefault: false }),
  ],
  // A registry token is a user name and password of the registry's own, outside Entra ID.
  azurerm_container_registry_token: (c, r) => [
    withRisk(
      boolProblem(c, r, ['enabled'], { want: false, providerDefault: true }),
      'a registry token is a password outside Entra ID',
    ),
  ],
};

const withRisk = (problem: string | undefined, risk: string) => problem && `${problem}; ${risk}`;

export const IAM_001 = defineRule({
  id: 'IAM-001',
  title: 'Entra ID is the only way to authenticate to data stores',
  severity: 'error',
  rationale:
    'Shared keys, local accounts and passwords bypass Entra ID: no conditional access, no named person in the sign-in logs, and a leaked key works from anywhere in the world.',
  anchors: { mcsb: ['IM-1', 'IM-8'], checkov: ['CKV2_AZURE_40'] },
  resourceTypes: Object.keys(CHECKS),
  fix: 'Storage: shared_access_key_enabled = false; Key Vault: rbac_authorization_enabled = true; Cosmos: local_authentication_disabled = true; AKS: local_account_disabled = true and azure_active_directory_role_based_access_control { azure_rbac_enabled = true }; file shares: no acl (stored access policies); SQL: azuread_authentication_only = true; PostgreSQL: Entra auth on, password auth off; Event Hub/Service Bus: local auth off; ACR: admin user off and no enabled tokens (pull with Entra ID identities and AcrPull); web apps: FTP and Web Deploy basic authentication off; Container Apps: pull images with a managed identity and keep secrets in Key Vault (key_vault_secret_id).',
  *check(context) {
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      for (const problem of ownEntry(CHECKS, resource.type)?.(context, resource) ?? [])
        if (problem) yield { resource, message: `${problem}.` };
    }
  },
});
