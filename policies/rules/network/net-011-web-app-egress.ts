import { defineRule } from '../rule';
import { boolProblem } from '../attributes';

/** Web apps and their slots: outbound traffic leaves through the app's integration subnet, or straight out. */
const TYPES = [
  'azurerm_linux_web_app',
  'azurerm_windows_web_app',
  'azurerm_linux_web_app_slot',
  'azurerm_windows_web_app_slot',
];

export const NET_011 = defineRule({
  id: 'NET-011',
  title: 'Web apps send all outbound traffic through their virtual network',
  severity: 'error',
  rationale:
    'Without virtual network integration, or with it for private addresses only, a web app that serves patient data calls the internet directly: past the hub firewall, its FQDN allow-list and its logs. Data can then leave Norway unseen.',
  anchors: { mcsb: ['NS-1', 'NS-3'], checkov: ['CKV_AZURE_222'] },
  resourceTypes: TYPES,
  fix: 'Set virtual_network_subnet_id to a subnet delegated to Microsoft.Web/serverFarms whose route table sends 0.0.0.0/0 to the hub firewall, and site_config.vnet_route_all_enabled = true (our NorwayLinuxWebApp does both).',
  *check(context) {
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      // Each slot has its own integration; a slot without one calls out directly even when its app does not.
      if (!context.isWritten(resource, 'virtual_network_subnet_id'))
        yield {
          resource,
          message:
            'virtual_network_subnet_id is not set: no virtual network integration, so outbound calls go straight to the internet.',
        };
      const problem = boolProblem(context, resource, [['site_config', 0, 'vnet_route_all_enabled']], {
        want: true,
        providerDefault: false,
      });
      if (problem)
        yield { resource, message: `${problem}; only private addresses go through the virtual network.` };
    }
  },
});
