/** The valid and invalid cases of NET-011 (`policies/rules/network/net-011-web-app-egress.ts`). */
import { NET_011 } from '../../../policies/rules/network/net-011-web-app-egress';
import { AT, PRIVATE_WEB, SUBNET } from '../../helpers/rules/applications';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

ruleTester(NET_011, {
  valid: [
    // web apps send all outbound traffic through their virtual network
    {
      name: 'an app and a slot integrated, routing everything',
      synth: tf({
        'azurerm_linux_web_app.web': { ...AT, ...PRIVATE_WEB },
        'azurerm_linux_web_app_slot.staging': {
          app_service_id: '${azurerm_linux_web_app.web.id}',
          virtual_network_subnet_id: SUBNET,
          site_config: [{ vnet_route_all_enabled: true }],
        },
      }),
      plan: plan([
        { at: 'azurerm_windows_web_app.win', values: { ...AT, ...PRIVATE_WEB } },
        {
          at: 'azurerm_linux_web_app.ref',
          values: { ...AT, site_config: [{ vnet_route_all_enabled: true }] },
          unknown: { virtual_network_subnet_id: true },
          references: { virtual_network_subnet_id: ['azurerm_subnet.web.id', 'azurerm_subnet.web'] },
        },
      ]),
      hcl: `
resource "azurerm_linux_web_app" "web" {
  location = "norwayeast"
  resource_group_name = "rg"
  https_only = true
  public_network_access_enabled = false
  ftp_publish_basic_authentication_enabled = false
  webdeploy_publish_basic_authentication_enabled = false
  virtual_network_subnet_id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/web"
  site_config {
    vnet_route_all_enabled = true
  }
}

resource "azurerm_linux_web_app_slot" "staging" {
  app_service_id = azurerm_linux_web_app.web.id
  virtual_network_subnet_id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/web"
  site_config {
    vnet_route_all_enabled = true
  }
}
`,
    },
  ],
  invalid: [
    // web apps send all outbound traffic through their virtual network
    {
      name: 'no integration, route-all off or unset, and a slot without its own subnet',
      synth: tf({
        'azurerm_linux_web_app.bare': { ...AT, site_config: [{}] },
        'azurerm_windows_web_app.partial': {
          ...AT,
          virtual_network_subnet_id: SUBNET,
          site_config: [{ vnet_route_all_enabled: false }],
        },
        'azurerm_windows_web_app_slot.staging': {
          app_service_id: '${azurerm_windows_web_app.partial.id}',
          site_config: [{ vnet_route_all_enabled: true }],
        },
      }),
      plan: plan([
        {
          at: 'azurerm_linux_web_app.bare',
          values: { location: 'norwayeast', resource_group_name: 'rg', site_config: [{}] },
        },
        {
          at: 'azurerm_windows_web_app.partial',
          values: {
            location: 'norwayeast',
            resource_group_name: 'rg',
            virtual_network_subnet_id:
              '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/web',
            site_config: [{ vnet_route_all_enabled: false }],
          },
        },
        {
          at: 'azurerm_windows_web_app_slot.staging',
          values: { site_config: [{ vnet_route_all_enabled: true }] },
          unknown: { app_service_id: true },
          references: {
            app_service_id: ['azurerm_windows_web_app.partial.id', 'azurerm_windows_web_app.partial'],
          },
        },
      ]),
      hcl: `
resource "azurerm_linux_web_app" "bare" {
  location = "norwayeast"
  resource_group_name = "rg"
  site_config {}
}

resource "azurerm_windows_web_app" "partial" {
  location = "norwayeast"
  resource_group_name = "rg"
  virtual_network_subnet_id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/web"
  site_config {
    vnet_route_all_enabled = false
  }
}

resource "azurerm_windows_web_app_slot" "staging" {
  app_service_id = azurerm_windows_web_app.partial.id
  site_config {
    vnet_route_all_enabled = true
  }
}
`,
      errors: [
        ['NET-011', 'azurerm_linux_web_app.bare'],
        ['NET-011', 'azurerm_linux_web_app.bare'],
        ['NET-011', 'azurerm_windows_web_app.partial'],
        ['NET-011', 'azurerm_windows_web_app_slot.staging'],
      ],
      messages: [
        'virtual_network_subnet_id is not set: no virtual network integration, so outbound calls go straight to the internet.',
        'site_config.vnet_route_all_enabled is not set, and the provider default is false; only private addresses go through the virtual network.',
        'site_config.vnet_route_all_enabled is false; only private addresses go through the virtual network.',
        'virtual_network_subnet_id is not set: no virtual network integration, so outbound calls go straight to the internet.',
      ],
    },
  ],
});
