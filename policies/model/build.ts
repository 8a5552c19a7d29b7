/** Assemble a `TfModel` from loaded resources: indexes are built once, here, so rules never scan. */
import { InputError, TfModel, TfResource, Workspace } from './types';

export type ModelParts = Omit<TfModel, 'byAddress' | 'byConfigAddress' | 'byType'>;

/**
 * `indexed`, when given, is `parts.resources` by address as the loader already built it (and checked for
 * repeated addresses): a plan's resources are not indexed twice.
 */
export function buildModel(parts: ModelParts, indexed?: ReadonlyMap<string, TfResource>): TfModel {
  const byAddress = indexed ?? indexByAddress(parts);
  const byConfigAddress = new Map<string, TfResource[]>();
  const byType = new Map<string, TfResource[]>();
  for (const resource of parts.resources) {
    push(byConfigAddress, resource.configAddress, resource);
    push(byType, resource.type, resource);
  }
  return { ...parts, byAddress, byConfigAddress, byType };
}

function indexByAddress(parts: ModelParts): Map<string, TfResource> {
  const byAddress = new Map<string, TfResource>();
  for (const resource of parts.resources) {
    if (byAddress.has(resource.address)) {
      throw new InputError(
        parts.origin,
        `the address ${resource.address} appears twice; every resource needs a unique address`,
      );
    }
    byAddress.set(resource.address, resource);
  }
  return byAddress;
}

export function buildWorkspace(models: readonly TfModel[]): Workspace {
  const byStack = new Map<string, TfModel>();
  for (const model of models)
    if (model.stack !== undefined && !byStack.has(model.stack)) byStack.set(model.stack, model);
  return { models, byStack };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The provider's short name from a source address: `registry.terraform.io/hashicorp/azurerm` → `azurerm`. */
export function providerShortName(source: string): string {
  // Every resource of a plan names its provider; a plan has a handful of distinct sources.
  let short = SHORT_NAMES.get(source);
  if (short === undefined) {
    const last = source.split('/').pop() ?? source;
    short = last.split('.')[0];
    if (SHORT_NAMES.size < 1024) SHORT_NAMES.set(source, short);
  }
  return short;
}

const SHORT_NAMES = new Map<string, string>();
