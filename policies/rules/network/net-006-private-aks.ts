import { defineRule } from '../rule';
import { boolProblem } from '../attributes';

export const NET_006 = defineRule({
  id: 'NET-006',
  title: 'AKS clusters are private, with no public IPs on nodes',
  severity: 'error',
  rationale:
    'A public Kubernetes API server can be administered from anywhere; nodes with public IPs are on the internet.',
  anchors: { mcsb: ['NS-2'], checkov: ['CKV_AZURE_115', 'CKV_AZURE_143'] },
  resourceTypes: ['azurerm_kubernetes_cluster', 'azurerm_kubernetes_cluster_node_pool'],
  fix: 'Set private_cluster_enabled = true on the cluster (with private_cluster_public_fqdn_enabled unset or false) and leave node_public_ip_enabled (3.x: enable_node_public_ip) unset or false on every node pool.',
  *check(context) {
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      const cluster = resource.type === 'azurerm_kubernetes_cluster';
      const pool = (name: string): (string | number)[] => (cluster ? ['default_node_pool', 0, name] : [name]);
      const problems = [
        cluster
          ? boolProblem(context, resource, ['private_cluster_enabled'], {
              want: true,
              providerDefault: false,
            })
          : undefined,
        // A public name for the private API server tells the internet where the cluster lives.
        cluster
          ? boolProblem(context, resource, ['private_cluster_public_fqdn_enabled'], {
              want: false,
              providerDefault: false,
            })
          : undefined,
        boolProblem(context, resource, [pool('node_public_ip_enabled'), pool('enable_node_public_ip')], {
          want: false,
          providerDefault: false,
        }),
      ];
      for (const problem of problems) if (problem) yield { resource, message: `${problem}.` };
    }
  },
});
