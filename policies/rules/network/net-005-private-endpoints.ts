import { defineRule } from '../rule';
import { blockCount, resourceKey, unresolvedNote } from '../attributes';
import { DATA_STORE_TYPES, VNET_INJECTED_WITH, WEB_APP_TYPES } from '../data-stores';
import { ownEntry } from '../../model/values';

export const NET_005 = defineRule({
  id: 'NET-005',
  title: 'Data stores and web apps are reachable through a private endpoint',
  severity: 'warning',
  rationale:
    'With public access off, a private endpoint in the same configuration is how applications reach the store; without one, the store is either unreachable or someone will turn public access back on.',
  anchors: { mcsb: ['NS-2'], checkov: ['CKV2_AZURE_33'] },
  // A Health Data Services workspace is how its FHIR and DICOM services are reached privately; a web
  // app with public access off is reached through its `sites` endpoint.
  resourceTypes: [
    ...DATA_STORE_TYPES,
    ...WEB_APP_TYPES,
    'azurerm_healthcare_workspace',
    'azurerm_private_endpoint',
  ],
  fix: 'Add an azurerm_private_endpoint whose private_service_connection.private_connection_resource_id is the store (our constructs do this with privateEndpoints).',
  *check(context) {
    // Index once: store → has a private endpoint pointing at it.
    const reached = new Set<string>();
    const unresolved: string[] = [];
    for (const endpoint of context.model.byType.get('azurerm_private_endpoint') ?? []) {
      const connections = blockCount(context, endpoint, 'private_service_connection');
      if (connections.kind === 'unknown') {
        unresolved.push(endpoint.address);
        continue;
      }
      for (let i = 0; i < connections.count; i++) {
        const target = context.target(endpoint, [
          'private_service_connection',
          i,
          'private_connection_resource_id',
        ]);
        if (target.kind === 'resource') reached.add(resourceKey(target.model, target.resource));
        else unresolved.push(endpoint.address);
      }
    }
    for (const resource of context.resources) {
      if (resource.mode !== 'managed' || resource.type === 'azurerm_private_endpoint') continue;
      const injectedWith = ownEntry(VNET_INJECTED_WITH, resource.type);
      if (injectedWith && context.isWritten(resource, injectedWith)) continue;
      if (reached.has(resourceKey(context.model, resource))) continue;
      yield {
        resource,
        message: `no private endpoint in this configuration${unresolvedNote('the private endpoint', unresolved)}.`,
      };
    }
  },
});
