import { defineRule } from '../rule';
import { locationProblem, targetLocationProblem } from '../location';
import { ownEntry } from '../../model/values';

/** Attributes that send logs or telemetry to another resource. */
export const LOG_DESTINATIONS: Readonly<Record<string, readonly (string | readonly (string | number)[])[]>> =
  {
    azurerm_monitor_diagnostic_setting: [
      'log_analytics_workspace_id',
      'storage_account_id',
      'eventhub_authorization_rule_id',
    ],
    azurerm_monitor_aad_diagnostic_setting: [
      'log_analytics_workspace_id',
      'storage_account_id',
      'eventhub_authorization_rule_id',
    ],
    azurerm_log_analytics_data_export_rule: ['destination_resource_id'],
    azurerm_network_watcher_flow_log: [
      'storage_account_id',
      ['traffic_analytics', 0, 'workspace_resource_id'],
    ],
    azurerm_application_insights: ['workspace_id'],
  };

/** Destinations that ship logs to a third party by design. */
export const PARTNER_ATTRIBUTES: Readonly<Record<string, string>> = {
  azurerm_monitor_diagnostic_setting: 'partner_solution_id',
};

export const RES_005 = defineRule({
  id: 'RES-005',
  title: 'Logs and telemetry go to destinations in Norway',
  severity: 'error',
  rationale:
    'Logs of access to health data are health data themselves. A diagnostic setting that ships them to a partner solution, or to a workspace or account abroad, is a transfer out of Norway.',
  anchors: { mcsb: ['LT-5'], regulation: ['Normen: logging and log review', 'GDPR chapter V'] },
  resourceTypes: [...Object.keys(LOG_DESTINATIONS)],
  fix: 'Send logs to a Log Analytics workspace, storage account or Event Hub in Norway defined in the checked configuration; remove partner_solution_id; set traffic_analytics.workspace_region to a Norway region.',
  *check(context) {
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      const partner = ownEntry(PARTNER_ATTRIBUTES, resource.type);
      if (partner && context.isWritten(resource, partner)) {
        yield {
          resource,
          message: `${partner} sends logs to a partner solution outside our control.`,
        };
      }
      for (const path of ownEntry(LOG_DESTINATIONS, resource.type) ?? []) {
        const name = typeof path === 'string' ? path : path.filter((p) => typeof p === 'string').join('.');
        const problem = targetLocationProblem(context, resource, path, name);
        if (problem) yield { resource, message: `${problem}.` };
      }
      if (resource.type === 'azurerm_network_watcher_flow_log') {
        const region = context.read(resource, ['traffic_analytics', 0, 'workspace_region']);
        const problem =
          region.kind === 'absent'
            ? undefined
            : locationProblem(region, 'traffic_analytics.workspace_region');
        if (problem) yield { resource, message: `${problem}.` };
      }
    }
  },
});
