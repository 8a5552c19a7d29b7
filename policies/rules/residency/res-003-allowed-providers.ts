import { azureRegion } from '../../azure/regions';
import { defineRule } from '../rule';

/** Provider source addresses (namespace/type) allowed, and the built-in `terraform` provider. */
export const ALLOWED_PROVIDER_SOURCES: readonly string[] = [
  'hashicorp/azurerm',
  'azure/azapi',
  // Entra ID objects hold no patient data; the access rules (ACC-*) need Conditional Access and PIM as code.
  'hashicorp/azuread',
  'hashicorp/random',
  'hashicorp/time',
  'hashicorp/tls',
  'hashicorp/null',
  'builtin/terraform',
];

/** `azurerm` → `hashicorp/azurerm`; `registry.terraform.io/hashicorp/azurerm` → `hashicorp/azurerm`. */
export function normaliseProviderSource(source: string): string | undefined {
  const parts = source.toLowerCase().split('/');
  if (parts.length === 1) return `hashicorp/${parts[0]}`;
  if (parts.length === 2) return parts.join('/');
  if (parts.length === 3 && (parts[0] === 'registry.terraform.io' || parts[0] === 'terraform.io'))
    return `${parts[1]}/${parts[2]}`;
  return undefined;
}

export const RES_003 = defineRule({
  id: 'RES-003',
  title: 'Only Azure (the public cloud, in Norway) and utility providers',
  severity: 'error',
  rationale:
    'Resources of other clouds or SaaS providers (aws_, google_, …) place data outside the Azure Norway regions by construction.',
  anchors: { regulation: ['Residency by construction', 'GDPR chapter V'] },
  resourceTypes: 'all',
  fix: 'Remove the resource or build it with azurerm/azapi in a Norway region. Also allowed: azuread (Entra ID), and the utility providers random, time, tls, null, terraform. Provider blocks target the public Azure cloud (no environment other than public, no metadata_host) and default to a Norway region.',
  *check({ resources, model }) {
    // A provider block pointed at a sovereign or foreign cloud, or at a metadata host of its choosing,
    // deploys wherever that cloud is; an azapi default location abroad places every resource without one.
    for (const provider of model.providerConfigs ?? []) {
      const at = `provider.${provider.name}${provider.alias ? `.${provider.alias}` : ''}`;
      const environment = provider.config.environment;
      if (
        environment !== undefined &&
        !(typeof environment === 'string' && environment.toLowerCase() === 'public')
      )
        yield {
          address: at,
          message: `environment is ${JSON.stringify(environment)}; only the public Azure cloud has the Norway regions.`,
        };
      if (provider.config.metadata_host !== undefined)
        yield {
          address: at,
          message: `metadata_host ${JSON.stringify(provider.config.metadata_host)} points the provider at a cloud of its own choosing.`,
        };
      const fallback = provider.config.default_location ?? provider.config.location;
      if (fallback !== undefined) {
        const region = typeof fallback === 'string' ? azureRegion(fallback) : undefined;
        if (!region?.norway)
          yield {
            address: at,
            message: `the default location ${JSON.stringify(fallback)} is not a Norway region (norwayeast or norwaywest).`,
          };
      }
    }
    for (const resource of resources) {
      const source = resource.providerSource ?? resource.provider;
      if (isAllowedSource(source)) continue;
      yield {
        resource,
        message: `provider ${source} is not allowed (allowed: ${ALLOWED_PROVIDER_SOURCES.join(', ')}).`,
      };
    }
  },
});

/** Per source string, whether it is allowed: a plan names a handful of sources thousands of times. */
const ALLOWED_BY_SOURCE = new Map<string, boolean>();

function isAllowedSource(source: string): boolean {
  let allowed = ALLOWED_BY_SOURCE.get(source);
  if (allowed === undefined) {
    const normalised = normaliseProviderSource(source);
    allowed = normalised !== undefined && ALLOWED_PROVIDER_SOURCES.includes(normalised);
    if (ALLOWED_BY_SOURCE.size < 1024) ALLOWED_BY_SOURCE.set(source, allowed);
  }
  return allowed;
}
