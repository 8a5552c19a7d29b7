/**
 * The `privatelink.*` zones private endpoints register in, linked to the networks that resolve them.
 * Private DNS zones are global resources that hold only private addresses (RES-002 allows them).
 */
import { Construct } from 'constructs';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import type { Tags } from '../core/tags';
import { Problems } from '../core/validation';

/** Zones for the services our constructs put behind private endpoints. */
export const DEFAULT_PRIVATE_DNS_ZONES: readonly string[] = [
  'privatelink.blob.core.windows.net',
  'privatelink.dfs.core.windows.net',
  'privatelink.file.core.windows.net',
  'privatelink.queue.core.windows.net',
  'privatelink.table.core.windows.net',
  'privatelink.vaultcore.azure.net',
  'privatelink.monitor.azure.com',
  'privatelink.ods.opinsights.azure.com',
  'privatelink.oms.opinsights.azure.com',
  'privatelink.agentsvc.azure-automation.net',
  'privatelink.nwe.backup.windowsazure.com',
  'privatelink.nww.backup.windowsazure.com',
  // Databases, messaging, containers, web apps and health data (the application constructs).
  'privatelink.postgres.database.azure.com',
  'privatelink.database.windows.net',
  'privatelink.servicebus.windows.net',
  'privatelink.azurecr.io',
  'privatelink.azurewebsites.net',
  'privatelink.azurehealthcareapis.com',
  'privatelink.dicom.azurehealthcareapis.com',
];

export interface PrivateDnsZonesProps {
  readonly resourceGroupName: string;
  /** @default DEFAULT_PRIVATE_DNS_ZONES */
  readonly zones?: readonly string[];
  /** Networks that resolve the zones, by link name (e.g. `{ hub: hub.virtualNetworkId }`). @default - none */
  readonly virtualNetworks?: Readonly<Record<string, string>>;
  /** @default - none */
  readonly tags?: Tags;
}

function zoneKey(zone: string): string {
  return zone.replace(/^privatelink\./, '').replace(/[^A-Za-z0-9]+/g, '-');
}

export class PrivateDnsZones extends Construct {
  /** Zone resource ids by zone name, e.g. `zoneIds['privatelink.blob.core.windows.net']`. */
  readonly zoneIds: Record<string, string> = {};
  readonly zones: Record<string, PrivateDnsZone> = {};
  private readonly resourceGroupName: string;
  private readonly tags?: Tags;

  constructor(scope: Construct, id: string, props: PrivateDnsZonesProps) {
    super(scope, id);
    const zones = props.zones ?? DEFAULT_PRIVATE_DNS_ZONES;
    const problems = new Problems(this);
    for (const zone of zones) {
      if (!/^privatelink\.[a-z0-9.-]+$/.test(zone)) {
        problems.add(
          `zone ${JSON.stringify(zone)} is not a privatelink.* zone; public DNS zones are global and denied (RES-002)`,
        );
      }
    }
    if (new Set(zones).size !== zones.length) problems.add('zones lists a zone twice');
    problems.throwIfAny();

    this.resourceGroupName = props.resourceGroupName;
    this.tags = props.tags;
    for (const zone of zones) {
      this.zones[zone] = new PrivateDnsZone(this, zoneKey(zone), {
        name: zone,
        resourceGroupName: props.resourceGroupName,
        tags: props.tags ? { ...props.tags } : undefined,
      });
      this.zoneIds[zone] = this.zones[zone].id;
    }
    for (const [name, virtualNetworkId] of Object.entries(props.virtualNetworks ?? {}))
      this.linkVirtualNetwork(name, virtualNetworkId);
  }

  /** The id of a zone this construct created; throws naming the zones it has. */
  zoneId(zone: string): string {
    const id = this.zoneIds[zone];
    if (!id)
      throw new Error(
        `${this.node.path}: no zone ${zone}; zones are ${Object.keys(this.zoneIds).join(', ')}`,
      );
    return id;
  }

  /** Link every zone to a network (resolution only, no auto-registration). */
  linkVirtualNetwork(name: string, virtualNetworkId: string): void {
    for (const [zone, resource] of Object.entries(this.zones)) {
      new PrivateDnsZoneVirtualNetworkLink(this, `${zoneKey(zone)}-link-${name}`, {
        name: `${name}-link`,
        resourceGroupName: this.resourceGroupName,
        privateDnsZoneName: resource.name,
        virtualNetworkId,
        registrationEnabled: false,
        tags: this.tags ? { ...this.tags } : undefined,
      });
    }
  }
}

export interface PrivateDnsZoneLinksProps {
  /** The resource group the zones live in (e.g. the platform stack's). */
  readonly resourceGroupName: string;
  /** @default DEFAULT_PRIVATE_DNS_ZONES */
  readonly zones?: readonly string[];
  /** The network that resolves the zones. */
  readonly virtualNetworkId: string;
  /** Link name. */
  readonly name: string;
  /** @default - none */
  readonly tags?: Tags;
}

/** Links zones created elsewhere (another stack's `PrivateDnsZones`) to a network; child ids `<zone-key>`. */
export class PrivateDnsZoneLinks extends Construct {
  constructor(scope: Construct, id: string, props: PrivateDnsZoneLinksProps) {
    super(scope, id);
    for (const zone of props.zones ?? DEFAULT_PRIVATE_DNS_ZONES) {
      new PrivateDnsZoneVirtualNetworkLink(this, zoneKey(zone), {
        name: `${props.name}-link`,
        resourceGroupName: props.resourceGroupName,
        privateDnsZoneName: zone,
        virtualNetworkId: props.virtualNetworkId,
        registrationEnabled: false,
        tags: props.tags ? { ...props.tags } : undefined,
      });
    }
  }
}
