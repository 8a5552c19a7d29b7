import { defineRule, RuleContext } from '../rule';
import type { TfResource } from '../../model/types';
import { blockCount } from '../attributes';
import { ACCESS_ANCHORS } from './anchors';
import { ownEntry } from '../../model/values';

/** Where a tenant id or an authority URL sits: a top-level attribute, or one inside each block of a kind. */
interface TenantAttribute {
  readonly block?: string;
  readonly attribute: string;
  /** `authority`: a URL such as `https://login.microsoftonline.com/<tenant>`. */
  readonly form: 'tenant' | 'authority';
}

/** Every place in azurerm where a tenant is trusted. Unset optional ones mean the provider's own tenant. */
export const TENANT_ATTRIBUTES: Readonly<Record<string, readonly TenantAttribute[]>> = {
  azurerm_key_vault: [
    { attribute: 'tenant_id', form: 'tenant' },
    { block: 'access_policy', attribute: 'tenant_id', form: 'tenant' },
  ],
  azurerm_key_vault_access_policy: [{ attribute: 'tenant_id', form: 'tenant' }],
  azurerm_mssql_server: [{ block: 'azuread_administrator', attribute: 'tenant_id', form: 'tenant' }],
  azurerm_mssql_managed_instance: [
    { block: 'azure_active_directory_administrator', attribute: 'tenant_id', form: 'tenant' },
  ],
  azurerm_postgresql_flexible_server: [{ block: 'authentication', attribute: 'tenant_id', form: 'tenant' }],
  azurerm_postgresql_flexible_server_active_directory_administrator: [
    { attribute: 'tenant_id', form: 'tenant' },
  ],
  azurerm_mysql_flexible_server_active_directory_administrator: [{ attribute: 'tenant_id', form: 'tenant' }],
  azurerm_kubernetes_cluster: [
    { block: 'azure_active_directory_role_based_access_control', attribute: 'tenant_id', form: 'tenant' },
  ],
  azurerm_healthcare_fhir_service: [{ block: 'authentication', attribute: 'authority', form: 'authority' }],
  azurerm_virtual_network_gateway: [
    { block: 'vpn_client_configuration', attribute: 'aad_tenant', form: 'authority' },
  ],
  azurerm_healthcare_service: [
    { block: 'authentication_configuration', attribute: 'authority', form: 'authority' },
  ],
};

const PROVIDERS_WITH_TENANT = new Set(['azurerm', 'azuread', 'azapi']);

/** A provider or backend `tenant_id` as written (no resolver: these blocks hold literals or variables). Unset means the environment's. */
function literalTenantProblem(name: string, value: unknown, home: string | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.includes('${') || !GUID.test(value))
    return `${name} ${JSON.stringify(value)} cannot be verified before apply; write the home tenant as a literal`;
  if (home === undefined)
    return `${name} is ${value}, and no home tenant is configured to compare it with (policy setting homeTenantId)`;
  return value.trim().toLowerCase() === home
    ? undefined
    : `${name} is ${value.toLowerCase()}, another tenant than the home tenant ${home}`;
}

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

export const ACC_002 = defineRule({
  id: 'ACC-002',
  title: 'Every tenant id and authority in the estate is the home tenant',
  severity: 'error',
  rationale:
    "A Key Vault, an access policy, a database's Entra administrator, an AKS cluster or a FHIR service that trusts another tenant lets that tenant's identities in — people the hospital neither vetted nor can stop from signing in abroad.",
  anchors: { mcsb: ['IM-1'], regulation: [...ACCESS_ANCHORS] },
  resourceTypes: Object.keys(TENANT_ATTRIBUTES),
  fix: 'Use the home tenant id (policy setting homeTenantId; access.homeTenantId in the configuration) as a literal, and for authorities https://login.microsoftonline.com/<home tenant>.',
  *check(context) {
    const home = context.settings?.homeTenantId?.toLowerCase();
    // The providers and the backend sign in somewhere too: a foreign or auxiliary tenant opens the door from the other side.
    for (const provider of context.model.providerConfigs ?? []) {
      if (!PROVIDERS_WITH_TENANT.has(provider.name)) continue;
      const address = `provider.${provider.alias ? `${provider.name}.${provider.alias}` : provider.name}`;
      const problem = literalTenantProblem('tenant_id', provider.config.tenant_id, home);
      if (problem) yield { address, message: `${problem}.` };
      const auxiliary = provider.config.auxiliary_tenant_ids;
      if (auxiliary !== undefined && !(Array.isArray(auxiliary) && auxiliary.length === 0))
        yield {
          address,
          message: `auxiliary_tenant_ids lets the provider act in other tenants (${JSON.stringify(auxiliary)}).`,
        };
    }
    if (context.model.backend?.type === 'azurerm') {
      const problem = literalTenantProblem('tenant_id', context.model.backend.config.tenant_id, home);
      if (problem) yield { address: 'terraform.backend', message: `terraform.backend: ${problem}.` };
    }
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      for (const spec of ownEntry(TENANT_ATTRIBUTES, resource.type) ?? []) {
        for (const problem of problemsAt(context, resource, spec, home))
          yield { resource, message: `${problem}.` };
      }
    }
  },
});

function problemsAt(
  context: RuleContext,
  resource: TfResource,
  spec: TenantAttribute,
  home: string | undefined,
): string[] {
  const prefixes: (string | number)[][] = [];
  if (spec.block === undefined) prefixes.push([]);
  else {
    const blocks = blockCount(context, resource, spec.block);
    if (blocks.kind === 'unknown') return [`${blocks.reason}, so its tenant cannot be verified`];
    for (let i = 0; i < blocks.count; i++) prefixes.push([spec.block, i]);
  }
  const problems: string[] = [];
  for (const prefix of prefixes) {
    const path = [...prefix, spec.attribute];
    const name = prefix.length ? `${spec.block}[${String(prefix[1])}].${spec.attribute}` : spec.attribute;
    const value = context.read(resource, path);
    // A reference to a computed attribute (the client config's tenant) reads as absent in synthesized JSON.
    if (value.kind === 'absent' && !context.isWritten(resource, path)) continue;
    if (value.kind !== 'known' || typeof value.value !== 'string') {
      problems.push(`${name} cannot be verified before apply; write the home tenant as a literal`);
      continue;
    }
    const tenant =
      spec.form === 'tenant'
        ? value.value.trim().toLowerCase()
        : /^https:\/\/(login\.microsoftonline\.com|sts\.windows\.net)\/([^/]+)\/?$/i
            .exec(value.value.trim())?.[2]
            .toLowerCase();
    if (home === undefined) {
      problems.push(
        `${name} is ${value.value}, and no home tenant is configured to compare it with (policy setting homeTenantId)`,
      );
    } else if (tenant === undefined || !GUID.test(tenant)) {
      problems.push(`${name} ${JSON.stringify(value.value)} does not name a tenant by id`);
    } else if (tenant !== home) {
      problems.push(`${name} is ${tenant}, another tenant than the home tenant ${home}`);
    }
  }
  return problems;
}
