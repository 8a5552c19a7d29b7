import { defineRule, RuleContext, Violation } from '../rule';
import type { TfResource } from '../../model/types';
import { boolProblem, stringProblem } from '../attributes';
import { PUBLIC_ACCESS_TYPES, VNET_INJECTED_WITH, WEB_APP_TYPES } from '../data-stores';
import { azureType } from '../../azure/catalogue';
import { ownEntry } from '../../model/values';

/**
 * Every type here defaults public_network_access_enabled to true in azurerm 4.x. The slots of web and
 * function apps are reached like their app (their own sites-<slot> endpoint), so they are judged alike:
 * every `<app type>_slot` the provider has.
 */
const TYPES = [
  ...PUBLIC_ACCESS_TYPES,
  ...WEB_APP_TYPES.map((type) => `${type}_slot`).filter((slot) => azureType(slot) !== undefined),
];

/**
 * Types whose exposure is a flag of its own rather than public_network_access_enabled: the flag, the
 * value that keeps the resource private, and the azurerm 4.x default.
 */
const EXPOSURE_FLAGS: Readonly<
  Record<
    string,
    { path: readonly (string | number)[]; want: boolean; providerDefault: boolean; risk: string }
  >
> = {
  // An external ingress answers on a public address of the environment.
  azurerm_container_app: {
    path: ['ingress', 0, 'external_enabled'],
    want: false,
    providerDefault: false,
    risk: 'the app is reachable from the internet',
  },
  // Without an internal load balancer the environment's apps get a public entry point.
  azurerm_container_app_environment: {
    path: ['internal_load_balancer_enabled'],
    want: true,
    providerDefault: false,
    risk: 'the environment has a public load balancer',
  },
};

export const NET_001 = defineRule({
  id: 'NET-001',
  title: 'Data stores and web apps have public network access disabled',
  severity: 'error',
  rationale:
    'A data store reachable from the internet can be reached from abroad; giving a party in a third country access counts as a transfer. Most azurerm resources default to public access, so it must be switched off explicitly. Anonymous blob access exposes data to anyone.',
  anchors: {
    mcsb: ['NS-2'],
    checkov: ['CKV_AZURE_59', 'CKV_AZURE_190', 'CKV_AZURE_189', 'CKV_AZURE_113', 'CKV_AZURE_68'],
  },
  resourceTypes: [...TYPES, ...Object.keys(EXPOSURE_FLAGS)],
  fix: 'Set public_network_access_enabled = false and reach the resource through a private endpoint; on storage also set allow_nested_items_to_be_public = false; on a container registry also anonymous_pull_enabled = false and export_policy_enabled = false.',
  *check(context) {
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      const flag = ownEntry(EXPOSURE_FLAGS, resource.type);
      if (flag) {
        const problem = boolProblem(context, resource, [flag.path], flag);
        if (problem) yield { resource, message: `${problem}; ${flag.risk}.` };
        // An environment may also open a public endpoint of its own (workload profiles), whatever its load balancer.
        if (
          resource.type === 'azurerm_container_app_environment' &&
          context.isWritten(resource, 'public_network_access')
        ) {
          const open = stringProblem(context, resource, ['public_network_access'], { allowed: ['Disabled'] });
          if (open)
            yield { resource, message: `${open}; the environment accepts traffic from the internet.` };
        }
        continue;
      }
      const injectedWith = ownEntry(VNET_INJECTED_WITH, resource.type);
      // A server injected into a delegated subnet has no public endpoint at all.
      if (!(injectedWith && context.isWritten(resource, injectedWith))) {
        const problem = boolProblem(context, resource, ['public_network_access_enabled'], {
          want: false,
          providerDefault: true,
        });
        if (problem) yield { resource, message: `${problem}.` };
      }
      if (resource.type === 'azurerm_container_registry') yield* registryExposure(context, resource);
      if (resource.type === 'azurerm_storage_account') {
        // allow_nested_items_to_be_public defaults to true; allow_blob_public_access is the 2.x name.
        const problem = boolProblem(
          context,
          resource,
          ['allow_nested_items_to_be_public', 'allow_blob_public_access'],
          { want: false, providerDefault: true },
        );
        if (problem) yield { resource, message: `${problem}; blobs may be made public.` };
      }
    }
  },
});

/**
 * A container registry has two more ways out besides its public endpoint: anonymous pull (anyone who
 * can reach it pulls without signing in) and the export policy (images and artifacts copied out to a
 * storage account or registry anywhere, by `az acr import` or transfer pipelines). azurerm 4.x defaults
 * anonymous pull to false and the export policy to true.
 */
function* registryExposure(context: RuleContext, resource: TfResource): Iterable<Violation> {
  const anonymous = boolProblem(context, resource, ['anonymous_pull_enabled'], {
    want: false,
    providerDefault: false,
  });
  if (anonymous)
    yield { resource, message: `${anonymous}; anyone who reaches the registry can pull images.` };
  const exportPolicy = boolProblem(context, resource, ['export_policy_enabled'], {
    want: false,
    providerDefault: true,
  });
  if (exportPolicy)
    yield {
      resource,
      message: `${exportPolicy}; images and artifacts can be exported out of the registry.`,
    };
}
