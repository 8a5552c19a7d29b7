/**
 * How a resource without a location of its own finds the parent it lives in: the attribute that points
 * at the parent (an id or a name reference; both resolve to the parent resource). The Azure catalogue
 * records it per type; a type the catalogue does not know uses the first common parent attribute it sets.
 */
import { azureDataSource, azureType } from '../azure/catalogue';
import type { TfResource } from './types';
import type { PathSegment } from './values';

/** Attributes that point at a parent, in order of preference, for types the catalogue does not know. */
const COMMON_PARENT_ATTRIBUTES: readonly string[] = [
  'storage_account_id',
  'storage_account_name',
  'server_id',
  'key_vault_id',
  'namespace_id',
  'primary_namespace_id',
  'account_id',
  'vault_id',
  'workspace_id',
  'managed_hsm_id',
];

/**
 * The attribute naming the resource's parent: of the catalogue's parents, the first one written (else
 * the first); undefined for a type that has a location of its own or lives nowhere (role assignments).
 */
export function parentAttributeOf(
  resource: TfResource,
  isWritten: (resource: TfResource, path: string | readonly PathSegment[]) => boolean,
  /** The resource's own location is computed by the provider: a type with one may name its parent too. */
  ownLocationComputed = false,
): string | undefined {
  const entry = resource.mode === 'data' ? azureDataSource(resource.type) : azureType(resource.type);
  if (entry) {
    const inherits = entry.location === 'inherited' || (ownLocationComputed && entry.location === 'own');
    if (!inherits || !entry.parents || entry.parents.length === 0) return undefined;
    return entry.parents.find((p) => isWritten(resource, p)) ?? entry.parents[0];
  }
  return COMMON_PARENT_ATTRIBUTES.find((a) => isWritten(resource, a));
}
