import { NORWAY_EAST, NORWAY_WEST, NorwayRegion } from '../../constructs/core/region';
import { NorwayLogAnalyticsWorkspace } from '../../constructs/monitoring';
import { errorFindings, Json, only, relaxedWarnings, synth, testStack } from './support';
import { NorwayStack } from '../../stacks/norway-stack';

describe.each([NORWAY_EAST, NORWAY_WEST])(
  'NorwayLogAnalyticsWorkspace with defaults in %s',
  (region: NorwayRegion) => {
    let stack: NorwayStack;
    let json: Json;
    beforeAll(() => {
      // GIVEN
      stack = testStack(region);
      // WHEN
      new NorwayLogAnalyticsWorkspace(stack, 'logs', {
        region,
        resourceGroupName: 'rg-logs',
        name: 'law-platform',
      });
      json = synth(stack);
    });

    test('the workspace is in the region, keeps a year of logs and takes Entra ID only', () => {
      const law = only(json, 'azurerm_log_analytics_workspace');
      expect(law.location).toBe(region);
      expect(law.retention_in_days).toBe(365);
      expect(law.local_authentication_enabled).toBe(false);
      expect(law.lifecycle).toEqual({ prevent_destroy: true });
    });

    test('a CanNotDelete lock on the workspace and its audit log to itself', () => {
      const lock = only(json, 'azurerm_management_lock');
      expect(lock.lock_level).toBe('CanNotDelete');
      expect(lock.scope).toBe('${azurerm_log_analytics_workspace.logs_0B6081B1.id}');
      const diag = only(json, 'azurerm_monitor_diagnostic_setting');
      expect(diag.log_analytics_workspace_id).toBe('${azurerm_log_analytics_workspace.logs_0B6081B1.id}');
      expect(diag.enabled_log).toEqual([{ category_group: 'audit' }]);
    });

    test('zero error findings from the policy engine', () => {
      expect(errorFindings(stack)).toEqual([]);
    });
  },
);

describe('NorwayLogAnalyticsWorkspace validation', () => {
  test('fails when retention is under a year without a justification, and the name is invalid', () => {
    const stack = testStack(NORWAY_EAST);
    expect(
      () =>
        new NorwayLogAnalyticsWorkspace(stack, 'logs', {
          region: NORWAY_EAST,
          resourceGroupName: 'rg',
          name: 'x',
          retentionInDays: 90,
        }),
    ).toThrow(
      /test-norwayeast\/logs: 2 problems:\n {2}- Log Analytics workspace name "x" is invalid.*\n {2}- retentionInDays 90 is under 365/,
    );
  });

  test('fails when the region is not in Norway', () => {
    const stack = testStack(NORWAY_EAST);
    expect(
      () =>
        new NorwayLogAnalyticsWorkspace(stack, 'logs', {
          region: 'westeurope' as NorwayRegion,
          resourceGroupName: 'rg',
          name: 'law-x',
        }),
    ).toThrow(/region "westeurope" is not a Norway region/);
  });

  test('short retention with a justification is a visible warning', () => {
    const stack = testStack(NORWAY_EAST);
    new NorwayLogAnalyticsWorkspace(stack, 'logs', {
      region: NORWAY_EAST,
      resourceGroupName: 'rg',
      name: 'law-scratch',
      retentionInDays: 30,
      shortRetention: {
        relaxed: true,
        justification: 'Scratch workspace for load tests, holds no patient data',
      },
    });
    expect(only(synth(stack), 'azurerm_log_analytics_workspace').retention_in_days).toBe(30);
    expect(relaxedWarnings(stack)).toEqual([
      '[relaxed default] test-norwayeast/logs: log retention 30 days (< 365). Justification: Scratch workspace for load tests, holds no patient data',
    ]);
  });
});
