/**
 * The diagnostic setting construct; `constructs/interfaces/diagnostic-settings.ts` is how constructs add it.
 * The one way constructs send logs and metrics to a Log Analytics workspace in Norway. Every
 * data-bearing construct (storage, Key Vault, NSG, Recovery Services vault, …) uses it, so the
 * destination rules (RES-005, LOG-001) see the same shape everywhere.
 */
import { Construct } from 'constructs';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import type { DiagnosticSettingsConfig } from '../core/interfaces';

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
