/**
 * A plan summary's shapes: Terraform's change actions as reports count them. Pure (no model imports),
 * so reporters can format a summary without loading the model; plan-summary.ts computes it.
 */

export type ChangeAction = 'create' | 'update' | 'replace' | 'delete' | 'read' | 'no-op';

export const CHANGE_ACTIONS: readonly ChangeAction[] = [
  'create',
  'update',
  'replace',
  'delete',
  'read',
  'no-op',
];

export interface PlannedChange {
  readonly address: string;
  readonly type: string;
  readonly action: ChangeAction;
  readonly dataBearing: boolean;
  /** Set when the plan moves the resource to another location (a replacement). */
  readonly locationChange?: { readonly from: unknown; readonly to: unknown };
}

export interface PlanSummary {
  /** The plan's label, as the input is named in reports (`plan plans/prod.json`). */
  readonly input: string;
  readonly counts: Readonly<Record<ChangeAction, number>>;
  /** Every change except no-op and read, in address order. */
  readonly changes: readonly PlannedChange[];
  /** Deletes and replacements of data-bearing resources, in address order. */
  readonly destructive: readonly PlannedChange[];
}
