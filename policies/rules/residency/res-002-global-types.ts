import { defineRule } from '../../engine/rule';
import type { Resolved } from '../../model/resolve';

/**
 * Global resource types that hold no patient data and process none: DNS records for private endpoints,
 * alert rule definitions. Everything else that is global (Front Door, CDN, Traffic Manager, public DNS)
 * is denied: Azure's built-in Allowed locations policy lets every `global` resource through; we do not.
 */
export const GLOBAL_ALLOW_LIST: readonly string[] = [
  'azurerm_private_dns_zone',
  'azurerm_private_dns_zone_virtual_network_link',
  'azurerm_private_dns_a_record',
  'azurerm_private_dns_aaaa_record',
  'azurerm_private_dns_cname_record',
  'azurerm_private_dns_mx_record',
  'azurerm_private_dns_ptr_record',
  'azurerm_private_dns_srv_record',
  'azurerm_private_dns_txt_record',
  'azurerm_private_dns_resolver_dns_forwarding_ruleset',
  'azurerm_monitor_metric_alert',
  'azurerm_monitor_smart_detector_alert_rule',
  // The scope that groups Azure Monitor resources behind one private link: configuration, no data.
  'azurerm_monitor_private_link_scope',
  'azurerm_monitor_private_link_scoped_service',
];

/** Types whose location is hard-wired to global (no location attribute, or only `global`). */
const GLOBAL_TYPE_PATTERNS: readonly RegExp[] = [
  /^azurerm_cdn_frontdoor_/,
  /^azurerm_frontdoor/,
  /^azurerm_cdn_/,
  /^azurerm_dns_/,
  /^azurerm_traffic_manager_/,
  /^azurerm_monitor_alert_processing_rule_/,
];

/** The same allow-list for azapi resources, by ARM resource type (lower case, without the API version). */
export const AZAPI_GLOBAL_ALLOW_LIST: readonly string[] = [
  'microsoft.network/privatednszones',
  'microsoft.network/privatednszones/virtualnetworklinks',
  'microsoft.insights/metricalerts',
  'microsoft.alertsmanagement/smartdetectoralertrules',
];

/** Types whose location defaults to global when none is written. */
const GLOBAL_BY_DEFAULT = new Set(['azurerm_monitor_action_group', 'azurerm_monitor_activity_log_alert']);

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
          message: `${resource.address}: location "global" places ${name ?? 'a resource whose ARM type cannot be verified'} outside Norway.`,
        };
        continue;
      }
      if (!resource.type.startsWith('azurerm_')) continue;
      const verdict = typeVerdict(resource.type);
      if (verdict === 'allowed') continue;
      if (verdict === 'global') {
        yield {
          resource,
          message: `${resource.address}: ${resource.type} is a global service that runs outside Norway.`,
        };
        continue;
      }
      const location = context.read(resource, 'location');
      if (isGlobal(location)) {
        yield {
          resource,
          message: `${resource.address}: location "global" places ${resource.type} outside Norway.`,
        };
      } else if (location.kind === 'absent' && GLOBAL_BY_DEFAULT.has(resource.type)) {
        yield {
          resource,
          message: `${resource.address}: ${resource.type} without a location defaults to "global".`,
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

/** The verdict on a type alone, computed once per type: the rule reads every resource. */
const TYPE_VERDICTS = new Map<string, 'allowed' | 'global' | 'by-location'>();

function typeVerdict(type: string): 'allowed' | 'global' | 'by-location' {
  let verdict = TYPE_VERDICTS.get(type);
  if (verdict === undefined) {
    verdict = GLOBAL_ALLOW_LIST.includes(type)
      ? 'allowed'
      : GLOBAL_TYPE_PATTERNS.some((p) => p.test(type))
        ? 'global'
        : 'by-location';
    if (TYPE_VERDICTS.size < 10_000) TYPE_VERDICTS.set(type, verdict);
  }
  return verdict;
}
