/**
 * Indexes over a model's instances, built lazily once per model: with module instances (`for_each`
 * over trusts) one configuration address has thousands of instances, and filtering them on every
 * reference made large plans quadratic.
 */
import type { TfModel, TfResource } from './types';

type Grouped<K> = Map<string, Map<K, TfResource[]>>;

const BY_MODULE = new WeakMap<TfModel, Grouped<string>>();
const BY_INDEX = new WeakMap<TfModel, Grouped<string | number | undefined>>();

/** The instances of `configAddress` in module instance `modulePath`, in model order (empty when none). */
export function instancesInModule(
  model: TfModel,
  configAddress: string,
  modulePath: string,
): readonly TfResource[] {
  let index = BY_MODULE.get(model);
  if (!index) BY_MODULE.set(model, (index = group(model, (r) => r.source.module)));
  return index.get(configAddress)?.get(modulePath) ?? [];
}

/** The instances of `configAddress` whose count index or for_each key is `key` (`===`), in model order. */
export function instancesWithKey(
  model: TfModel,
  configAddress: string,
  key: string | number | undefined,
): readonly TfResource[] {
  let index = BY_INDEX.get(model);
  if (!index) BY_INDEX.set(model, (index = group(model, (r) => r.index)));
  return index.get(configAddress)?.get(key) ?? [];
}

function group<K>(model: TfModel, keyOf: (resource: TfResource) => K): Grouped<K> {
  const out: Grouped<K> = new Map();
  for (const [configAddress, instances] of model.byConfigAddress) {
    const byKey = new Map<K, TfResource[]>();
    for (const resource of instances) {
      const key = keyOf(resource);
      const list = byKey.get(key);
      if (list) list.push(resource);
      else byKey.set(key, [resource]);
    }
    out.set(configAddress, byKey);
  }
  return out;
}
