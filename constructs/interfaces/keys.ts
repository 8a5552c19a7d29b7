/**
 * Keys of the keyed interfaces (`roleAssignments`, `privateEndpoints`): they become child ids, hence
 * Terraform addresses, so they must be stable words rather than list positions.
 */
import type { Problems } from '../core/validation';

const KEY = /^[A-Za-z][A-Za-z0-9-]{0,79}$/;

/** Every key of `record` must be a letter followed by letters, digits or hyphens (at most 80). */
export function validateKeys(problems: Problems, what: string, record: object | undefined): void {
  if (record === undefined) return;
  if (Array.isArray(record)) {
    problems.add(
      `${what} is a list; pass a record keyed by a stable name (e.g. { blob: {...} }) so reordering replaces nothing`,
    );
    return;
  }
  for (const key of Object.keys(record)) {
    if (!KEY.test(key)) {
      problems.add(
        `${what} key ${JSON.stringify(key)} is invalid; use a letter then letters, digits or '-' (at most 80)`,
      );
    }
  }
}

/** The child id for `key`: `<prefix>-<key>`. */
export function childId(prefix: string, key: string): string {
  return `${prefix}-${key}`;
}
