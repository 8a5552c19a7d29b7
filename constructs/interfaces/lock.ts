/**
 * The `lock` interface: deletion protection as a management lock plus Terraform
 * `lifecycle.prevent_destroy`, or `{ relaxed: true, justification }` to go without both.
 */
import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { ManagementLock } from '@cdktf/provider-azurerm/lib/management-lock';
import { isRelaxed, LockConfig } from '../core/interfaces';
import { Problems, warnRelaxed } from '../core/validation';

export const DEFAULT_LOCK: LockConfig = { kind: 'CanNotDelete' };

/** Validate a lock option (call before creating resources). */
export function validateLock(problems: Problems, lock: LockConfig | undefined): void {
  validateLockAt(problems, 'lock', lock);
}

/** Validate a lock given under another prop path (e.g. `databases.records.lock`). */
export function validateLockAt(problems: Problems, prop: string, lock: LockConfig | undefined): void {
  if (isRelaxed(lock)) problems.relaxed(prop, lock);
  else if (lock !== undefined && lock.kind !== 'CanNotDelete' && lock.kind !== 'ReadOnly') {
    problems.add(
      `${prop}.kind ${JSON.stringify((lock as { kind?: unknown }).kind)} is not 'CanNotDelete' or 'ReadOnly'; ` +
        'to go without deletion protection pass { relaxed: true, justification }',
    );
  }
}

/**
 * Protect `resource` from deletion: a management lock (child id `Lock`) and `lifecycle.prevent_destroy`.
 * `{ relaxed: true, justification }` removes both and leaves a warning.
 */
export function protectFromDeletion(
  scope: Construct,
  resource: TerraformResource,
  lock: LockConfig = DEFAULT_LOCK,
): ManagementLock | undefined {
  if (isRelaxed(lock)) {
    warnRelaxed(scope, 'deletion protection removed (no CanNotDelete lock, no prevent_destroy)', lock);
    return undefined;
  }
  resource.lifecycle = { ...(resource.lifecycle ?? {}), preventDestroy: true };
  return new ManagementLock(scope, 'Lock', {
    name: lock.name ?? (lock.kind === 'CanNotDelete' ? 'can-not-delete' : 'read-only'),
    scope: resourceId(resource),
    lockLevel: lock.kind,
    notes: lock.notes ?? 'Holds patient data or protects it; remove only through a reviewed change.',
  });
}

/** The `id` attribute of any azurerm resource. */
export function resourceId(resource: TerraformResource): string {
  return resource.getStringAttribute('id');
}

/** True unless `lock` is a relaxation: whether the construct's resources get `prevent_destroy`. */
export function isDeletionProtected(lock: LockConfig | undefined): boolean {
  return !isRelaxed(lock);
}
