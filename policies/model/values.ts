/**
 * Reading attribute values whatever the input shape: a nested block may be written as one object
 * (cdktf, for a single block) or as an array of objects (plans, HCL, cdktf for repeated blocks).
 */

export type PathSegment = string | number;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A fixed table's entry for a name the input gives (a resource type, a role name): only the table's own
 * entries, never what every object inherits (`constructor`, `toString`, `__proto__`).
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A nested block value as an array of block bodies: `undefined`/`null` → `[]`, an object → `[object]`. */
export function asBlocks(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.filter(isRecord);
  return isRecord(value) ? [value] : [];
}

/**
 * Follow `path` into `value`. A numeric segment applied to an object means "the single block";
 * a string segment applied to a one-element array descends into that element.
 */
export function getPath(value: unknown, path: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of path) current = getStep(current, segment);
  return current;
}

/** One step of `getPath`, without allocating a path. */
export function getStep(current: unknown, segment: PathSegment): unknown {
  // Nothing is found inside `undefined`, `null` or any other non-object: isRecord says no to all of them.
  if (typeof segment === 'number') {
    if (Array.isArray(current)) return current[segment];
    return segment === 0 && isRecord(current) ? current : undefined;
  }
  const inner = Array.isArray(current) ? (current.length === 1 ? current[0] : undefined) : current;
  return isRecord(inner) && Object.prototype.hasOwnProperty.call(inner, segment) ? inner[segment] : undefined;
}

/** `['network_rules', 0, 'default_action']` → `network_rules.0.default_action`. */
export function pathToString(path: readonly PathSegment[]): string {
  return path.map(String).join('.');
}

/** Parse a dotted path: numeric parts become indexes. */
export function parsePath(path: string): PathSegment[] {
  return path === '' ? [] : path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}
