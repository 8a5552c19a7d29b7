/**
 * The `diagnosticSettings` interface: logs and metrics of a construct's resource to a Log Analytics
 * workspace in Norway, or `{ relaxed: true, justification }` to go without them.
 */
import { Construct } from 'constructs';
import { DiagnosticSettingsOption, isRelaxed } from '../core/interfaces';
import { Problems, warnRelaxed } from '../core/validation';
import { DiagnosticSettings } from '../monitoring/diagnostic-settings';

/** What a construct's resource supports, so the helper can pick categories for it. */
export interface DiagnosticDefaults {
  readonly logCategoryGroups: readonly string[];
  readonly metricCategories: readonly string[];
}

/** Validate a construct's `diagnosticSettings` prop: required, or relaxed with a justification. */
export function validateDiagnosticSettings(
  problems: Problems,
  option: DiagnosticSettingsOption | undefined,
): void {
  if (option === undefined) {
    problems.add(
      'diagnosticSettings is missing: pass { workspaceId } of a Log Analytics workspace in Norway (LOG-001), ' +
        'or { relaxed: true, justification } to go without logs',
    );
  } else if (isRelaxed(option)) {
    problems.relaxed('diagnosticSettings', option);
  } else if (!option.workspaceId) {
    problems.add(
      'diagnosticSettings.workspaceId is empty: pass the id of a Log Analytics workspace in Norway',
    );
  }
}

/**
 * Add diagnostic settings for `targetResourceId` under `scope` (child id `id`, default `Diagnostics`),
 * with `defaults` where the option does not choose. Returns undefined when relaxed (with a warning).
 */
export function addDiagnosticSettings(
  scope: Construct,
  targetResourceId: string,
  option: DiagnosticSettingsOption,
  defaults: DiagnosticDefaults = { logCategoryGroups: ['allLogs'], metricCategories: ['AllMetrics'] },
  id = 'Diagnostics',
): DiagnosticSettings | undefined {
  if (isRelaxed(option)) {
    warnRelaxed(scope, 'diagnostic settings disabled (no logs to Log Analytics)', option);
    return undefined;
  }
  return new DiagnosticSettings(scope, id, {
    ...option,
    targetResourceId,
    logCategoryGroups: option.logCategoryGroups ?? defaults.logCategoryGroups,
    metricCategories: option.metricCategories ?? defaults.metricCategories,
  });
}
