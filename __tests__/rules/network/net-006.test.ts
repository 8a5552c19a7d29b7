/** The valid and invalid cases of NET-006 (`policies/rules/network/net-006-private-aks.ts`). */
import { NET_006 } from '../../../policies/rules/network/net-006-private-aks';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

ruleTester(NET_006, {
  valid: [
    {
      name: 'private cluster, node public IPs off',
      synth: tf({
        'azurerm_kubernetes_cluster.k': {
          private_cluster_enabled: true,
          default_node_pool: { name: 'sys', node_public_ip_enabled: false },
        },
        'azurerm_kubernetes_cluster_node_pool.p': {
          kubernetes_cluster_id: '${azurerm_kubernetes_cluster.k.id}',
        },
        'data.azurerm_kubernetes_cluster.shared': { name: 'aks-shared', resource_group_name: 'rg-shared' },
      }),
      plan: plan([
        {
          at: 'azurerm_kubernetes_cluster.k',
          values: { private_cluster_enabled: true, default_node_pool: [{ node_public_ip_enabled: false }] },
        },
      ]),
      hcl: `
resource "azurerm_kubernetes_cluster" "k" {
  private_cluster_enabled = true
  default_node_pool {
    name = "sys"
    node_public_ip_enabled = false
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "p" {
  kubernetes_cluster_id = azurerm_kubernetes_cluster.k.id
}

data "azurerm_kubernetes_cluster" "shared" {
  name = "aks-shared"
  resource_group_name = "rg-shared"
}
`,
    },
  ],
  invalid: [
    {
      name: 'a private cluster that still publishes its API server name publicly',
      message: /private_cluster_public_fqdn_enabled is true\.$/,
      synth: tf({
        'azurerm_kubernetes_cluster.fqdn': {
          private_cluster_enabled: true,
          private_cluster_public_fqdn_enabled: true,
          default_node_pool: { name: 'sys' },
        },
      }),
      errors: [['NET-006', 'azurerm_kubernetes_cluster.fqdn']],
    },
    {
      name: 'public API server by default; node public IPs under the 4.x and 3.x names',
      messages: [
        'node_public_ip_enabled is true.',
        'private_cluster_enabled is not set, and the provider default is false.',
        'default_node_pool.enable_node_public_ip is true.',
      ],
      synth: tf({
        'azurerm_kubernetes_cluster.k': { default_node_pool: { name: 'sys' } },
        'azurerm_kubernetes_cluster.k3': {
          private_cluster_enabled: true,
          default_node_pool: { name: 'sys', enable_node_public_ip: true },
        },
        'azurerm_kubernetes_cluster_node_pool.p': { node_public_ip_enabled: true },
      }),
      plan: plan([
        {
          at: 'azurerm_kubernetes_cluster.k',
          values: { private_cluster_enabled: false, default_node_pool: [{ node_public_ip_enabled: false }] },
        },
      ]),
      hcl: `
resource "azurerm_kubernetes_cluster" "k" {
  default_node_pool {
    name = "sys"
  }
}

resource "azurerm_kubernetes_cluster" "k3" {
  private_cluster_enabled = true
  default_node_pool {
    name = "sys"
    enable_node_public_ip = true
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "p" {
  node_public_ip_enabled = true
}
`,
      errors: [
        ['NET-006', 'azurerm_kubernetes_cluster.k'],
        ['NET-006', 'azurerm_kubernetes_cluster.k3'],
        ['NET-006', 'azurerm_kubernetes_cluster_node_pool.p'],
      ],
      planErrors: [['NET-006', 'azurerm_kubernetes_cluster.k']],
    },
  ],
});
