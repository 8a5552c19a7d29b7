import { defineRule } from '../rule';
import type { Resolved } from '../../model/resolve';
import { azureType, typesWhere } from '../../azure/catalogue';

/**
 * Global resource types that hold no patient data and process none (DNS records for private endpoints,
 * alert rule definitions), as the catalogue decides them. Everything else that is global (Front Door,
 * CDN, Traffic Manager, public DNS) is denied: Azure's built-in Allowed locations policy lets every
 * `global` resource through; we do not.
 */
export const GLOBAL_ALLOW_LIST: readonly string[] = typesWhere((e) => e.globalAllowed === true);

/** The same allow-list for azapi resources, by ARM resource type (lower case, without the API version). */
export const AZAPI_GLOBAL_ALLOW_LIST: readonly string[] = [
  ...new Set(
    GLOBAL_ALLOW_LIST.map((t) => azureType(t)!.arm?.toLowerCase()).filter(
      (a): a is string => a !== undefined,
    ),
  ),
];

export const RES_002 = defineRule({
  id: 'RES-002',
  title: 'Global resources only from the allow-list of types that hold no data',
  severity: 'error',
  rationale:
    'Global services (Front Door, CDN, Traffic Manager, public DNS) process or cache content outside Norway. Only types that hold no patient data may be global.',
  anchors: { regulation: ['Gap in Azure Policy Allowed locations (lets global through)', 'GDPR chapter V'] },
  resourceTypes: 'all',
  fix: 'Use a regional service in Norway instead (Application Gateway instead of Front Door, private DNS instead of public DNS), or set the location to a Norway region where the type allows it.',
  *check(context) {
    const { resources } = context;
    for (const resource of resources) {
      if (resource.mode !== 'managed') continue;
      if (resource.type.startsWith('azapi_')) {
        // azapi can create any ARM type, Front Door included: judge `location = "global"` by the ARM type.
        if (!isGlobal(context.read(resource, 'location'))) continue;
        const armType = context.read(resource, 'type');
        const name =
          armType.kind === 'known' && typeof armType.value === 'string'
            ? armType.value.split('@')[0]
            : undefined;
        if (name !== undefined && AZAPI_GLOBAL_ALLOW_LIST.includes(name.toLowerCase())) continue;
        yield {
          resource,
          message: `location "global" places ${name ?? 'a resource whose ARM type cannot be verified'} outside Norway.`,
        };
        continue;
      }
      if (!resource.type.startsWith('azurerm_')) continue;
      const verdict = typeVerdict(resource.type);
      if (verdict === 'allowed') continue;
      if (verdict === 'global') {
        yield {
          resource,
          message: `${resource.type} is a global service that runs outside Norway.`,
        };
        continue;
      }
      const location = context.read(resource, 'location');
      if (isGlobal(location)) {
        yield {
          resource,
          message: `location "global" places ${resource.type} outside Norway.`,
        };
      } else if (location.kind === 'absent' && azureType(resource.type)?.globalByDefault) {
        yield {
          resource,
          message: `${resource.type} without a location defaults to "global".`,
        };
      }
    }
  },
});

function isGlobal(location: Resolved): boolean {
  return (
    location.kind === 'known' &&
    typeof location.value === 'string' &&
    location.value.toLowerCase() === 'global'
  );
}

/** The verdict on a type alone, from its catalogue entry. */
function typeVerdict(type: string): 'allowed' | 'global' | 'by-location' {
  const entry = azureType(type);
  if (entry?.globalAllowed) return 'allowed';
  return entry?.location === 'global' ? 'global' : 'by-location';
}
