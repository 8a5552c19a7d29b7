/**
 * The data residency map: for every data-bearing resource, where its primary lives and where every copy
 * goes — geo-replicas in the paired region, explicit replicas, backups, log destinations and the key that
 * encrypts it. Not a rule: it describes, so reviewers can see the whole picture, including what passes.
 * Every location is resolved through `Resolver`; what cannot be resolved is shown as unknown, never guessed.
 */
import {
  isNorwayLocation,
  normaliseLocation,
  NORWAY_REGIONS,
  NorwayRegion,
  REGION_CAPABILITIES,
} from '../../constructs/core/region';
import { NOT_IN_ESTATE } from '../model/resolve';
import { Resolved, Resolver, Target } from '../model/resolve';
import type { TfModel, TfResource, Workspace } from '../model/types';
import { asBlocks, getPath, PathSegment, ownEntry } from '../model/values';
import { attributePath, azureType, typesWhere } from '../azure/catalogue';
import { isDataBearing } from '../rules/data-bearing';
import type { CopyKind, DataCopy, DataResidency, Place, StatePlace } from './places';

export type { CopyKind, DataCopy, DataResidency, Place, PlaceStatus, StatePlace } from './places';
export { describePlace, hasResidencyConcern } from './places';

const KIND_ORDER: Record<CopyKind, number> = { replica: 0, backup: 1, logs: 2, key: 3 };

/** Storage replication types whose secondary is the paired region. */
const GEO_STORAGE = new Set(['GRS', 'RAGRS', 'GZRS', 'RAGZRS']);

/** Where a data store's customer-managed key is named, by type (from the catalogue). */
const KEY_PATHS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  typesWhere((e) => e.keys !== undefined).map((type) => [type, azureType(type)!.keys!]),
);

/** Separate resources that attach a key to a data store: type → [owner attribute, key attributes]. */
const KEY_ATTACHMENTS: Readonly<Record<string, readonly [string, readonly string[]]>> = Object.fromEntries(
  typesWhere((e) => e.keyAttachment !== undefined).map((type) => {
    const { owner, keys } = azureType(type)!.keyAttachment!;
    return [type, [owner, keys]];
  }),
);

/** Resources that copy one data store to another place: type → [source attribute, destination attribute, kind]. */
const COPY_LINKS: Readonly<Record<string, readonly [string, string, CopyKind]>> = Object.fromEntries(
  typesWhere((e) => e.copy?.destination !== undefined).map((type) => {
    const { source, destination, kind } = azureType(type)!.copy!;
    return [type, [source, destination!, kind]];
  }),
);

/** Resources created as copies of another: the source gets a replica where this one lives. */
const COPY_OF: Readonly<Record<string, { readonly source: string; readonly createModes: RegExp }>> =
  Object.fromEntries(
    typesWhere((e) => e.copy?.createModes !== undefined).map((type) => {
      const { source, createModes } = azureType(type)!.copy!;
      return [type, { source, createModes: new RegExp(createModes!, 'i') }];
    }),
  );

const DIAGNOSTIC_DESTINATIONS: readonly [string, string][] = [
  ['log_analytics_workspace_id', 'Log Analytics'],
  ['storage_account_id', 'storage'],
  ['eventhub_authorization_rule_id', 'Event Hub'],
  ['partner_solution_id', 'partner solution'],
];

/** Compute the residency map of the data-bearing managed resources in `reportOn` (default: every model). */
export function residencyMap(
  workspace: Workspace,
  reportOn: readonly TfModel[] = workspace.models,
  resolver: Resolver = new Resolver(workspace),
): DataResidency[] {
  return [...residencyByModel(workspace, reportOn, resolver).values()].flat();
}

/** The residency map of each model of `reportOn`, in that order. */
export function residencyByModel(
  workspace: Workspace,
  reportOn: readonly TfModel[],
  resolver: Resolver = new Resolver(workspace),
): Map<TfModel, DataResidency[]> {
  const places = new PlaceFinder(resolver);
  const extra = new Map<TfResource, DataCopy[]>();
  const add = (owner: TfResource | undefined, copy: DataCopy) => {
    if (!owner) return;
    const list = extra.get(owner);
    if (list) list.push(copy);
    else extra.set(owner, [copy]);
  };

  for (const model of workspace.models) {
    for (const resource of model.resources) {
      if (resource.mode !== 'managed' || isDeleted(resource)) continue;
      const link = ownEntry(COPY_LINKS, resource.type);
      if (link) {
        const [sourcePath, destinationPath, kind] = link;
        const owner = ownerResource(resolver.target(model, resource, sourcePath));
        const destination = places.ofTarget(model, resource, attributePath(destinationPath));
        add(owner, { kind, via: resource.address, target: destination.target, place: destination.place });
      }
      const attachment = ownEntry(KEY_ATTACHMENTS, resource.type);
      if (attachment) {
        const owner = ownerResource(resolver.target(model, resource, attachment[0]));
        const keyPath = attachment[1].find((p) => resolver.isWritten(resource, p));
        if (keyPath) {
          const key = places.ofTarget(model, resource, keyPath);
          add(owner, { kind: 'key', via: resource.address, target: key.target, place: key.place });
        }
      }
      const copyOf = ownEntry(COPY_OF, resource.type);
      if (
        copyOf &&
        copyOf.createModes.test(knownString(resolver.value(model, resource, 'create_mode')) ?? '')
      ) {
        const owner = ownerResource(resolver.target(model, resource, copyOf.source));
        add(owner, {
          kind: 'replica',
          via: resource.address,
          target: resource.address,
          place: places.of(model, resource),
        });
      }
      if (resource.type === 'azurerm_monitor_diagnostic_setting') {
        const owner = diagnosticOwner(resolver, model, resource);
        for (const [path, label] of DIAGNOSTIC_DESTINATIONS) {
          if (!resolver.isWritten(resource, path)) continue;
          const destination =
            path === 'partner_solution_id'
              ? {
                  target: stringAt(resource, path),
                  place: {
                    status: 'outside' as const,
                    detail: 'a partner solution sends logs to a third party',
                  },
                }
              : places.ofTarget(model, resource, path);
          add(owner, {
            kind: 'logs',
            via: `${resource.address} (${label})`,
            target: destination.target,
            place: destination.place,
          });
        }
      }
    }
  }

  const byModel = new Map<TfModel, DataResidency[]>();
  for (const model of reportOn) {
    const entries = byModel.get(model) ?? [];
    byModel.set(model, entries);
    for (const resource of model.resources) {
      if (resource.mode !== 'managed' || !isDataBearing(resource.type) || isDeleted(resource)) continue;
      const primary = places.of(model, resource);
      const copies = [
        ...ownCopies(resolver, places, model, resource, primary),
        ...(extra.get(resource) ?? []),
        ...unclassifiedCopies(resource),
      ];
      entries.push({
        address: resource.address,
        type: resource.type,
        name: resource.name,
        primary,
        copies: copies.sort(compareCopies),
      });
    }
  }
  return byModel;
}

/**
 * A type nobody classified may copy its data anywhere: the map says so rather than show it as clean
 * (RES-009 reports the type itself).
 */
function unclassifiedCopies(resource: TfResource): DataCopy[] {
  const entry = azureType(resource.type);
  if (entry && entry.role !== 'unclassified') return [];
  const why = entry ? 'is not classified in the Azure catalogue' : 'is not in the Azure catalogue';
  return [
    {
      kind: 'replica',
      via: `${resource.type} (unclassified type)`,
      place: { status: 'unknown', detail: `${resource.type} ${why}, so where it copies data is unknown` },
    },
  ];
}

/** Copies a resource makes by its own attributes. */
function ownCopies(
  resolver: Resolver,
  places: PlaceFinder,
  model: TfModel,
  resource: TfResource,
  primary: Place,
): DataCopy[] {
  const copies: DataCopy[] = [];
  const value = (path: string) => knownString(resolver.value(model, resource, path));
  const pair = (kind: CopyKind, via: string) => copies.push({ kind, via, place: pairOf(primary) });
  switch (resource.type) {
    case 'azurerm_storage_account': {
      const replication = value('account_replication_type');
      if (replication && GEO_STORAGE.has(replication.toUpperCase()))
        pair('replica', `account_replication_type = ${replication}`);
      else if (replication === undefined)
        copies.push({
          kind: 'replica',
          via: 'account_replication_type',
          place: unknownPlace(resolver.value(model, resource, 'account_replication_type')),
        });
      break;
    }
    case 'azurerm_key_vault':
      pair('replica', 'Key Vault built-in replication');
      break;
    case 'azurerm_recovery_services_vault': {
      // The provider's default storage mode is GeoRedundant.
      const mode = value('storage_mode_type') ?? 'GeoRedundant';
      if (mode === 'GeoRedundant') pair('backup', `storage_mode_type = ${mode}`);
      break;
    }
    case 'azurerm_data_protection_backup_vault': {
      const redundancy = value('redundancy');
      if (redundancy === 'GeoRedundant') pair('backup', `redundancy = ${redundancy}`);
      break;
    }
    case 'azurerm_postgresql_flexible_server':
      if (isTrue(resolver.value(model, resource, 'geo_redundant_backup_enabled')))
        pair('backup', 'geo_redundant_backup_enabled = true');
      break;
    case 'azurerm_mssql_database': {
      // Backup storage redundancy; the provider's default is Geo.
      const redundancy = value('storage_account_type') ?? 'Geo';
      if (/^geo/i.test(redundancy)) pair('backup', `storage_account_type = ${redundancy}`);
      break;
    }
    case 'azurerm_cosmosdb_account': {
      const primaryLocation = primary.location;
      asBlocks(resource.values.geo_location).forEach((_block, i) => {
        const resolved = resolver.value(model, resource, ['geo_location', i, 'location']);
        const place = placeOf(resolved);
        if (place.location !== undefined && place.location === primaryLocation) return;
        copies.push({ kind: 'replica', via: `geo_location[${i}]`, place });
      });
      const redundancy = value('backup.0.storage_redundancy');
      if (redundancy === 'Geo') pair('backup', `backup.storage_redundancy = ${redundancy}`);
      break;
    }
    case 'azurerm_container_registry':
      asBlocks(resource.values.georeplications).forEach((_block, i) => {
        copies.push({
          kind: 'replica',
          via: `georeplications[${i}]`,
          place: placeOf(resolver.value(model, resource, ['georeplications', i, 'location'])),
        });
      });
      break;
  }
  for (const path of ownEntry(KEY_PATHS, resource.type) ?? []) {
    if (!resolver.isWritten(resource, attributePath(path))) continue;
    const key = places.ofTarget(
      model,
      resource,
      path,
      resource.type === 'azurerm_managed_disk' ? 'key_vault_key_id' : undefined,
    );
    copies.push({ kind: 'key', via: path, target: key.target, place: key.place });
  }
  return copies;
}

/** Resolves where resources and the things ids point at live, following parents for child resources. */
class PlaceFinder {
  private readonly memo = new Map<TfResource, Place>();

  constructor(private readonly resolver: Resolver) {}

  of(model: TfModel, resource: TfResource): Place {
    const cached = this.memo.get(resource);
    if (cached) return cached;
    const place = this.compute(model, resource);
    this.memo.set(resource, place);
    return place;
  }

  /**
   * Where the resource an attribute points at lives. With `through`, read that attribute of the target
   * first (a disk encryption set → its key).
   */
  ofTarget(
    model: TfModel,
    resource: TfResource,
    path: string | readonly PathSegment[],
    through?: string,
  ): { target?: string; place: Place } {
    const target = this.resolver.target(model, resource, path);
    if (target.kind === 'resource' && through) {
      const next = this.ofTarget(target.model, target.resource, through);
      return {
        target: next.target ? `${next.target} via ${target.resource.address}` : target.resource.address,
        place: next.place,
      };
    }
    return this.ofResolvedTarget(target);
  }

  private ofResolvedTarget(target: Target): { target?: string; place: Place } {
    switch (target.kind) {
      case 'resource':
        return { target: target.resource.address, place: this.of(target.model, target.resource) };
      case 'external':
        return { target: target.value, place: { status: 'unknown', detail: NOT_IN_ESTATE } };
      case 'unknown':
        return { place: { status: 'unknown', detail: target.reason } };
      case 'absent':
        return { place: { status: 'unknown', detail: 'not set' } };
    }
  }

  /** Where the resource lives, as the rules see it (one resolver, one notion of parents). */
  private compute(model: TfModel, resource: TfResource): Place {
    return placeOf(this.resolver.locationOf(model, resource));
  }
}

export function placeOf(resolved: Resolved): Place {
  switch (resolved.kind) {
    case 'known':
      if (typeof resolved.value !== 'string')
        return { status: 'unknown', detail: `not a region: ${JSON.stringify(resolved.value)}` };
      return {
        location: normaliseLocation(resolved.value),
        status: isNorwayLocation(resolved.value) ? 'norway' : 'outside',
      };
    case 'oneOf': {
      const all = resolved.values.map(String);
      const norway = all.every(isNorwayLocation);
      return { status: norway ? 'norway' : 'outside', detail: `one of ${all.join(', ')}` };
    }
    case 'unknown':
      return { status: 'unknown', detail: resolved.reason };
    case 'absent':
      return { status: 'unknown', detail: 'not set' };
  }
}

/**
 * Geo-redundant copies go to the primary's paired region; a Norway primary's pair is in Norway, even when
 * which Norway region the primary is in is not known (`one of norwayeast, norwaywest`): every Norway
 * region pairs with a Norway region (`REGION_CAPABILITIES[…].pair` is a `NorwayRegion`).
 */
function pairOf(primary: Place): Place {
  if (primary.location && (NORWAY_REGIONS as readonly string[]).includes(primary.location)) {
    const pair = REGION_CAPABILITIES[primary.location as NorwayRegion].pair;
    return { location: pair, status: 'norway', detail: `paired region of ${primary.location}` };
  }
  if (primary.location) return { status: 'outside', detail: `paired region of ${primary.location}` };
  if (primary.status === 'norway')
    return { status: 'norway', detail: `paired region of ${primary.detail || 'a primary in Norway'}` };
  return { status: 'unknown', detail: 'paired region of an unknown primary' };
}

function unknownPlace(resolved: Resolved): Place {
  return {
    status: 'unknown',
    detail: resolved.kind === 'unknown' ? resolved.reason : 'replication type not set',
  };
}

function ownerResource(target: Target): TfResource | undefined {
  return target.kind === 'resource' ? target.resource : undefined;
}

/**
 * The resource a diagnostic setting watches. Its `target_resource_id` is often a sub-resource id built from
 * the owner's (`${azurerm_storage_account.sa.id}/blobServices/default`); the owner is still the store.
 */
function diagnosticOwner(resolver: Resolver, model: TfModel, setting: TfResource): TfResource | undefined {
  const target = resolver.target(model, setting, 'target_resource_id');
  if (target.kind === 'resource') return target.resource;
  const raw = setting.values.target_resource_id;
  if (typeof raw !== 'string') {
    const references = setting.references?.get('target_resource_id') ?? [];
    return references.map((r) => model.byConfigAddress.get(r.replace(/\.id$/, ''))?.[0]).find(Boolean);
  }
  const reference = /\$\{\s*((?:data\.)?[A-Za-z0-9_]+\.[A-Za-z0-9_-]+)\.id\s*\}/.exec(raw);
  if (reference) return model.byConfigAddress.get(reference[1])?.[0];
  // A literal sub-resource id from a plan: the owner's id is its longest known prefix.
  const wanted = raw.toLowerCase();
  let best: TfResource | undefined;
  for (const candidate of model.resources) {
    const id = candidate.values.id;
    if (typeof id !== 'string' || !wanted.startsWith(`${id.toLowerCase()}/`)) continue;
    if (!best || id.length > String(best.values.id).length) best = candidate;
  }
  return best;
}

function isDeleted(resource: TfResource): boolean {
  const actions = resource.change?.actions ?? [];
  return actions.length === 1 && actions[0] === 'delete';
}

function knownString(resolved: Resolved): string | undefined {
  if (resolved.kind !== 'known') return undefined;
  return typeof resolved.value === 'string' ||
    typeof resolved.value === 'boolean' ||
    typeof resolved.value === 'number'
    ? String(resolved.value)
    : undefined;
}

function isTrue(resolved: Resolved): boolean {
  return resolved.kind === 'known' && (resolved.value === true || resolved.value === 'true');
}

function stringAt(resource: TfResource, path: string): string | undefined {
  const value = getPath(resource.values, [path]);
  return typeof value === 'string' ? value : undefined;
}

function compareCopies(a: DataCopy, b: DataCopy): number {
  return (
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    (a.target ?? '').localeCompare(b.target ?? '') ||
    a.via.localeCompare(b.via)
  );
}

export function statePlace(
  workspace: Workspace,
  model: TfModel,
  resolver: Resolver = new Resolver(workspace),
): StatePlace | undefined {
  const backend = model.backend;
  if (!backend) return undefined;
  if (backend.type === 'local') {
    // Only the bootstrap stack may do this (TFS-001); where the operator's machine is, no input can say.
    const detail = model.bootstrap
      ? 'a local file on the operator’s machine (bootstrap stack)'
      : 'a local file';
    return { backend: 'local', place: { status: 'unknown', detail } };
  }
  if (backend.type !== 'azurerm')
    return {
      backend: backend.type,
      place: {
        status: 'outside',
        detail: `a ${backend.type} backend stores state outside our Azure subscriptions`,
      },
    };
  const name = backend.config.storage_account_name;
  if (typeof name !== 'string')
    return {
      backend: 'azurerm',
      place: { status: 'unknown', detail: 'storage_account_name is not a literal' },
    };
  for (const candidate of workspace.models) {
    for (const account of candidate.byType.get('azurerm_storage_account') ?? []) {
      const resolved = resolver.value(candidate, account, 'name');
      if (resolved.kind !== 'known' || resolved.value !== name) continue;
      return {
        backend: 'azurerm',
        account: `${candidate.stack ? `${candidate.stack}/` : ''}${account.address}`,
        place: placeOf(resolver.value(candidate, account, 'location')),
      };
    }
  }
  return {
    backend: 'azurerm',
    place: { status: 'unknown', detail: `state account ${name} is ${NOT_IN_ESTATE}` },
  };
}
