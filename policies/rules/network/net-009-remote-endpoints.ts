import { defineRule, RuleContext } from '../rule';
import type { TfResource } from '../../model/types';
import { asBoolean, blockCount } from '../attributes';
import { approvedIntervals, Interval, unapprovedSource } from './ranges';
import { ownEntry } from '../../model/values';
import { NORWAY_PEERING_LOCATIONS, OWN_VOCABULARY } from '../../azure/location-attributes';

/** Attributes that name the other end of a tunnel, circuit or peering: it must be in the estate. */
const REMOTE_ENDS: Readonly<Record<string, readonly string[]>> = {
  azurerm_virtual_network_peering: ['remote_virtual_network_id'],
  azurerm_virtual_network_gateway_connection: ['peer_virtual_network_gateway_id', 'express_route_circuit_id'],
  azurerm_express_route_connection: ['express_route_circuit_peering_id'],
  azurerm_virtual_hub_connection: ['remote_virtual_network_id'],
};

export const NET_009 = defineRule({
  id: 'NET-009',
  title:
    'No remote way in: Bastion shareable links, VPN and peering ends outside the estate or approved ranges',
  severity: 'error',
  rationale:
    "A Bastion shareable link lets anyone holding the URL reach a VM from anywhere; a VPN gateway address outside the hospital's ranges, an ExpressRoute circuit peered abroad, or a peering to a network the estate does not contain (possibly another tenant's) is a network path in from outside Norway.",
  anchors: {
    mcsb: ['NS-1', 'PA-5'],
    regulation: ['Normen: Veileder for fjernaksess', 'NSM grunnprinsipper: kontroller dataflyt'],
  },
  resourceTypes: [
    'azurerm_bastion_host',
    'azurerm_virtual_network_gateway',
    'azurerm_local_network_gateway',
    'azurerm_vpn_site',
    ...OWN_VOCABULARY.peering_location.judgedBy.types,
    ...Object.keys(REMOTE_ENDS),
  ],
  fix: `Turn Bastion shareable links off; point VPN gateways only at the hospital's approved addresses; peer and connect only to networks, gateways and circuits this configuration (or a stack checked with it) defines; place ExpressRoute circuits and ports at a peering location in Norway (${OWN_VOCABULARY.peering_location.norway.join(', ')}).`,
  *check(context) {
    const approved = approvedIntervals(context.settings?.approvedRanges);
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      for (const problem of problemsOf(context, resource, approved))
        yield { resource, message: `${problem}.` };
    }
  },
});

function problemsOf(context: RuleContext, resource: TfResource, approved: readonly Interval[]): string[] {
  const read = (path: string) => context.read(resource, path);
  switch (resource.type) {
    case 'azurerm_bastion_host': {
      const link = read('shareable_link_enabled');
      if (link.kind === 'absent' && !context.isWritten(resource, 'shareable_link_enabled')) return [];
      if (link.kind === 'known' && asBoolean(link.value) === false) return [];
      return [
        link.kind === 'known'
          ? `shareable_link_enabled is ${JSON.stringify(link.value)}: anyone with the link reaches the VMs, from anywhere`
          : 'shareable_link_enabled cannot be verified before apply',
      ];
    }
    case 'azurerm_virtual_network_gateway': {
      // Point-to-site VPN: clients connect from anywhere. Only Entra ID (AAD) authentication puts them
      // under Conditional Access; certificates and RADIUS sign in from any country.
      const blocks = blockCount(context, resource, 'vpn_client_configuration');
      if (blocks.kind === 'unknown') return [`${blocks.reason}, so point-to-site access cannot be checked`];
      if (blocks.count === 0) return [];
      const types = read('vpn_client_configuration.vpn_auth_types');
      const list = types.kind === 'known' && Array.isArray(types.value) ? types.value.map(String) : undefined;
      const problems: string[] = [];
      if (
        context.isWritten(resource, 'vpn_client_configuration.root_certificate') ||
        context.isWritten(resource, 'vpn_client_configuration.radius_server_address') ||
        context.isWritten(resource, 'vpn_client_configuration.radius_server')
      )
        problems.push(
          'point-to-site VPN accepts certificate or RADIUS clients, which Conditional Access cannot hold to Norway',
        );
      else if (
        types.kind === 'absent'
          ? !context.isWritten(resource, 'vpn_client_configuration.aad_tenant')
          : !list || list.some((t) => t !== 'AAD')
      )
        problems.push('point-to-site VPN authentication is not Entra ID only (vpn_auth_types = ["AAD"])');
      return problems;
    }
    case 'azurerm_local_network_gateway': {
      const problems: string[] = [];
      const address = read('gateway_address');
      if (context.isWritten(resource, 'gateway_fqdn'))
        problems.push(
          'gateway_fqdn names the on-premises end by DNS, which cannot be checked against the approved ranges',
        );
      if (address.kind === 'known' && typeof address.value === 'string') {
        const why = unapprovedSource(address.value, approved);
        if (why) problems.push(`gateway_address is ${why}`);
      } else if (address.kind !== 'absent' || context.isWritten(resource, 'gateway_address'))
        problems.push('gateway_address cannot be verified before apply');
      else if (!context.isWritten(resource, 'gateway_fqdn')) problems.push('has no gateway_address');
      return problems;
    }
    case 'azurerm_vpn_site': {
      // Virtual WAN's on-premises end: each link's address must be one of the hospital's.
      const links = blockCount(context, resource, 'link');
      if (links.kind === 'unknown') return [`${links.reason}, so its endpoints cannot be checked`];
      const problems: string[] = [];
      for (let i = 0; i < links.count; i++) {
        const ip = context.read(resource, ['link', i, 'ip_address']);
        if (context.isWritten(resource, ['link', i, 'fqdn']))
          problems.push(
            `link[${i}].fqdn names the on-premises end by DNS, which cannot be checked against the approved ranges`,
          );
        else if (ip.kind === 'known' && typeof ip.value === 'string') {
          const why = unapprovedSource(ip.value, approved);
          if (why) problems.push(`link[${i}].ip_address is ${why}`);
        } else problems.push(`link[${i}].ip_address cannot be verified before apply`);
      }
      return problems;
    }
    case 'azurerm_express_route_circuit':
    case 'azurerm_express_route_port': {
      const where = read('peering_location');
      if (where.kind === 'known' && typeof where.value === 'string') {
        return NORWAY_PEERING_LOCATIONS.has(where.value.trim().toLowerCase())
          ? []
          : [
              `peering_location ${JSON.stringify(where.value)} is outside Norway (${OWN_VOCABULARY.peering_location.norway.join(', ')})`,
            ];
      }
      // A circuit on a port of its own is placed by the port, judged here too.
      return resource.type === 'azurerm_express_route_circuit' &&
        context.isWritten(resource, 'express_route_port_id')
        ? []
        : ['peering_location cannot be verified before apply'];
    }
    default:
      return (ownEntry(REMOTE_ENDS, resource.type) ?? []).flatMap((attribute) => {
        if (!context.isWritten(resource, attribute)) return [];
        const target = context.target(resource, attribute);
        if (target.kind === 'resource' || target.kind === 'absent') return [];
        return [
          target.kind === 'external'
            ? `${attribute} ${target.value} is outside the estate (it may be another tenant's network)`
            : `${attribute} cannot be resolved to a resource in the estate (${target.reason})`,
        ];
      });
  }
}
