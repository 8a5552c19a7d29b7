/** The shape of the Azure catalogue: one entry per Terraform type, facts only, no logic. */

/**
 * What a type does with data.
 * - `data-store`: holds patient data (a storage account, a database, a disk, a container in an account);
 * - `key-store`: holds the keys and secrets that unlock it;
 * - `backup-store` and `log-destination`: hold copies of it (backups; logs and telemetry);
 * - `copy`: moves data from one resource to another (replication, failover, backup and log routes);
 * - `compute`: processes data without being its store (VMs, apps, AI deployments);
 * - `network` and `control-plane`: carry packets or configure access, hold no data;
 * - `deployment`: creates other resources (ARM templates, azapi bodies), judged by what it creates;
 * - `read`: a data source, which creates nothing;
 * - `unclassified`: nobody has decided; rules treat it as data-bearing with an unknown place.
 */
export type DataRole =
  | 'data-store'
  | 'key-store'
  | 'backup-store'
  | 'log-destination'
  | 'copy'
  | 'compute'
  | 'network'
  | 'control-plane'
  | 'deployment'
  | 'read'
  | 'unclassified';

/**
 * Where a type's location comes from: `own` (a `location` attribute), `inherited` (from the resource its
 * `parent` attribute points at), `global` (hard-wired or defaulted to global), `none` (no place at all:
 * role assignments, policies, Entra ID objects).
 */
export type LocationSource = 'own' | 'inherited' | 'global' | 'none';

export type CopyKind = 'replica' | 'backup' | 'logs';

/** A separate resource that attaches a customer-managed key to a store. */
export interface KeyAttachment {
  /** Attribute naming the store the key is attached to. */
  readonly owner: string;
  /** Attributes naming the key (or its vault), in order of preference. */
  readonly keys: readonly string[];
}

/** A copy of data from `source` to `destination` (dotted attribute paths, without indices). */
export interface CopyLink {
  readonly source: string;
  /** Absent when the resource itself is the copy (a database created as a secondary of another). */
  readonly destination?: string;
  /** For a resource that is a copy: the `create_mode` values (a case-insensitive `|` list) that make it one. */
  readonly createModes?: string;
  readonly kind: CopyKind;
}

/** SKUs whose processing happens outside the resource's own region. */
export interface SkuProcessing {
  /** Dotted attribute path of the SKU name (`sku.name`). */
  readonly attribute: string;
  /**
   * The SKUs that process data in the resource's own region. Any other (Global, Data Zone, Developer, a
   * SKU Azure adds later) may process data elsewhere.
   */
  readonly inRegion: readonly string[];
}

export interface Retirement {
  /** The type that replaces it; rules judge the retired type as they judge the successor. */
  readonly successor?: string;
  readonly reason: string;
}

/** How the entry's role was decided: by name in `decisions.ts`, by a family pattern, or not at all. */
export type Decision = 'type' | 'family' | 'none';

export interface AzureType {
  readonly role: DataRole;
  readonly decided: Decision;
  readonly location: LocationSource;
  /** With `location: 'inherited'`: the attributes that may name the parent, the first one written wins. */
  readonly parents?: readonly string[];
  /** ARM resource type (`Microsoft.Storage/storageAccounts`), where decided. */
  readonly arm?: string;
  /** Attributes (dotted, without indices) that name other resources or endpoints: ids, URIs, URLs, connection strings. */
  readonly refs?: readonly string[];
  /** Computed attributes holding this resource's own endpoints, which other resources may name. */
  readonly endpoints?: readonly string[];
  /** The type has a `public_network_access_enabled` argument. */
  readonly publicNetworkAccess?: true;
  readonly globalAllowed?: true;
  /** `by-default`: global when no location is written. */
  readonly globalByDefault?: true;
  readonly store?: true;
  readonly child?: true;
  readonly webApp?: true;
  readonly vnetInjectedWith?: string;
  readonly keys?: readonly string[];
  readonly keyAttachment?: KeyAttachment;
  readonly copy?: CopyLink;
  readonly processing?: SkuProcessing;
  readonly retired?: Retirement;
  /** Not in the installed bindings: decided by hand (other providers, removed azurerm types). */
  readonly extra?: true;
}

/** The catalogue file as generated. */
export interface CatalogueData {
  readonly provider: { readonly package: string; readonly version: string };
  readonly resources: Readonly<Record<string, AzureType>>;
  readonly dataSources: Readonly<Record<string, AzureType>>;
}
