/**
 * The one way constructs send logs and metrics to a Log Analytics workspace in Norway. Every
 * data-bearing construct (storage, Key Vault, NSG, Recovery Services vault, …) uses it, so the
 * destination rules (RES-005, LOG-001) see the same shape everywhere.
 */
import { Construct } from 'constructs';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import {
  DiagnosticSettingsConfig,
  DiagnosticSettingsOption,
  isDisabledDiagnostics,
} from '../core/interfaces';
import { Problems, warnRelaxed } from '../core/validation';

export const DEFAULT_DIAGNOSTIC_SETTING_NAME = 'to-log-analytics';

export interface DiagnosticSettingsProps extends DiagnosticSettingsConfig {
  /** The resource whose logs and metrics are collected. */
  readonly targetResourceId: string;
}

/**
 * A diagnostic setting to a Log Analytics workspace: the given log category groups and metric categories,
 * resource-specific tables. Never a storage account, Event Hub or partner solution: those are other places
 * logs could leave for.
 */
export class DiagnosticSettings extends Construct {
  readonly resource: MonitorDiagnosticSetting;

  constructor(scope: Construct, id: string, props: DiagnosticSettingsProps) {
    super(scope, id);
    const logGroups = props.logCategoryGroups ?? ['allLogs'];
    const metrics = props.metricCategories ?? ['AllMetrics'];
    this.resource = new MonitorDiagnosticSetting(this, 'Resource', {
      name: props.name ?? DEFAULT_DIAGNOSTIC_SETTING_NAME,
      targetResourceId: props.targetResourceId,
      logAnalyticsWorkspaceId: props.workspaceId,
      logAnalyticsDestinationType: 'Dedicated',
      enabledLog: logGroups.length > 0 ? logGroups.map((categoryGroup) => ({ categoryGroup })) : undefined,
      enabledMetric: metrics.length > 0 ? metrics.map((category) => ({ category })) : undefined,
    });
  }
}

/** What a construct's resource supports, so the helper can pick categories for it. */
export interface DiagnosticDefaults {
  readonly logCategoryGroups: readonly string[];
  readonly metricCategories: readonly string[];
}

/** Validate a construct's `diagnosticSettings` prop: required unless disabled with a justification. */
export function validateDiagnosticSettings(
  problems: Problems,
  option: DiagnosticSettingsOption | undefined,
): void {
  if (option === undefined) {
    problems.add(
      'diagnosticSettings is missing: pass { workspaceId } of a Log Analytics workspace in Norway (LOG-001), ' +
        'or { disabled: true, justification } to go without logs',
    );
  } else if (isDisabledDiagnostics(option)) {
    problems.justification('diagnosticSettings: { disabled: true }', option);
  } else if (!option.workspaceId) {
    problems.add(
      'diagnosticSettings.workspaceId is empty: pass the id of a Log Analytics workspace in Norway',
    );
  }
}

/**
 * Add diagnostic settings for `targetResourceId` under `scope` (child id `id`, default `Diagnostics`),
 * with `defaults` where the option does not choose. Returns undefined when disabled (with a warning).
 */
export function addDiagnosticSettings(
  scope: Construct,
  targetResourceId: string,
  option: DiagnosticSettingsOption,
  defaults: DiagnosticDefaults = { logCategoryGroups: ['allLogs'], metricCategories: ['AllMetrics'] },
  id = 'Diagnostics',
): DiagnosticSettings | undefined {
  if (isDisabledDiagnostics(option)) {
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
