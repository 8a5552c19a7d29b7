/**
 * Resource types that hold patient data or its copies, as the Azure catalogue decides them. Used by the
 * rules that protect data from loss (BCK-002, CHG-001), by the residency map in reports, and by anyone
 * asking "does losing this lose data?".
 */
import { isDataBearingRole, isDataBearingType, typesWhere } from '../azure/catalogue';

/**
 * Types decided one by one to hold data. Families decided as stores wholesale (every Cosmos DB child,
 * say) and unclassified types count as data-bearing through `isDataBearing`, but only a type decided by
 * name says whether it is a top-level store or lives inside one, which deletion protection needs.
 */
export const DATA_BEARING_TYPES: ReadonlySet<string> = new Set(
  typesWhere((e) => e.decided === 'type' && e.role !== 'unclassified' && isDataBearingRole(e.role)),
);

/**
 * Data-bearing types that live inside another data-bearing resource: a lock on the parent (or its
 * resource group) covers them, so deletion protection is required on the parent, not on each child.
 */
export const DATA_BEARING_CHILD_TYPES: ReadonlySet<string> = new Set(
  typesWhere((e) => e.child === true && isDataBearingRole(e.role)),
);

/** Whether losing a resource of this type loses data; a type nobody classified does (fail closed). */
export function isDataBearing(type: string): boolean {
  return isDataBearingType(type);
}
