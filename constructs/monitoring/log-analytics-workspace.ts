/** A Log Analytics workspace in Norway: the destination of every diagnostic setting. */
import { Construct } from 'constructs';
import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import {
  addDiagnosticSettings,
  addRoleAssignments,
  protectFromDeletion,
  RoleAssignments,
  validateLock,
  validateRoleAssignments,
} from '../interfaces';
import type { Relaxed, LockConfig, NorwayConstructProps } from '../core/interfaces';
import { LOG_ANALYTICS_WORKSPACE_NAME, nameProblem } from '../core/naming';
import { Problems, warnRelaxed } from '../core/validation';

/** Health-sector logging keeps at least a year of logs (LOG-002). */
export const MIN_RETENTION_DAYS = 365;

export interface NorwayLogAnalyticsWorkspaceProps extends NorwayConstructProps {
  readonly name: string;
  /**
   * Days of retention. Below 365 needs `shortRetention: { relaxed: true, justification }`.
   * @default 365
   */
  readonly retentionInDays?: number;
  /** Allow retention under 365 days. @default - not allowed */
  readonly shortRetention?: Relaxed;
  /**
   * Shared-key (workspace key) authentication for ingestion and queries.
   * @default - off: Entra ID only
   */
  readonly localAuthentication?: Relaxed;
  /**
   * Send the workspace's own audit log (who queried what) to itself.
   * @default true
   */
  readonly auditToSelf?: boolean;
  /** @default - CanNotDelete lock and prevent_destroy */
  readonly lock?: LockConfig;
  /** @default - none */
  readonly roleAssignments?: RoleAssignments;
}

export class NorwayLogAnalyticsWorkspace extends Construct {
  readonly resource: LogAnalyticsWorkspace;
  readonly region: NorwayLogAnalyticsWorkspaceProps['region'];
  /** Resource id; pass it as `diagnosticSettings.workspaceId`. */
  readonly workspaceId: string;
  readonly id: string;
  readonly name: string;

  constructor(scope: Construct, id: string, props: NorwayLogAnalyticsWorkspaceProps) {
    super(scope, id);
    const retention = props.retentionInDays ?? MIN_RETENTION_DAYS;
    const problems = new Problems(this);
    problems.region(props.region);
    const bad = nameProblem(props.name, LOG_ANALYTICS_WORKSPACE_NAME);
    if (bad) problems.add(bad);
    if (retention < 30 || retention > 730) problems.add(`retentionInDays ${retention} is outside 30-730`);
    if (retention < MIN_RETENTION_DAYS) {
      if (!props.shortRetention)
        problems.add(
          `retentionInDays ${retention} is under ${MIN_RETENTION_DAYS}; keep a year of logs or pass shortRetention: { relaxed: true, justification }`,
        );
      else problems.relaxed('shortRetention', props.shortRetention);
    }
    if (props.localAuthentication) problems.relaxed('localAuthentication', props.localAuthentication);
    validateLock(problems, props.lock);
    validateRoleAssignments(problems, props.roleAssignments);
    problems.throwIfAny();

    this.region = props.region;
    this.resource = new LogAnalyticsWorkspace(this, 'Resource', {
      name: props.name,
      location: props.region,
      resourceGroupName: props.resourceGroupName,
      sku: 'PerGB2018',
      retentionInDays: retention,
      localAuthenticationEnabled: props.localAuthentication ? true : false,
      tags: props.tags ? { ...props.tags } : undefined,
    });
    this.workspaceId = this.resource.id;
    this.id = this.resource.id;
    this.name = this.resource.name;

    if (retention < MIN_RETENTION_DAYS && props.shortRetention)
      warnRelaxed(this, `log retention ${retention} days (< ${MIN_RETENTION_DAYS})`, props.shortRetention);
    if (props.localAuthentication)
      warnRelaxed(this, 'workspace key authentication enabled', props.localAuthentication);
    protectFromDeletion(this, this.resource, props.lock);
    addRoleAssignments(this, this.resource.id, props.roleAssignments);
    if (props.auditToSelf ?? true) {
      addDiagnosticSettings(
        this,
        this.resource.id,
        { workspaceId: this.resource.id },
        { logCategoryGroups: ['audit'], metricCategories: [] },
      );
    }
  }
}
