/**
 * The one shape for relaxing a secure default, `{ relaxed: true, justification }`: on every construct and
 * every prop, a relaxation without a justification fails with the same message, and one with a
 * justification leaves exactly one `[relaxed default]` warning annotation.
 */
import { NorwayRecoveryVault } from '../../constructs/backup';
import { NorwayLinuxVirtualMachine } from '../../constructs/compute';
import type { Relaxed } from '../../constructs/core/interfaces';
import { isRelaxed } from '../../constructs/core/interfaces';
import { NORWAY_EAST, NORWAY_WEST, NorwayRegion } from '../../constructs/core/region';
import { NorwayKeyVault } from '../../constructs/keyvault';
import { NorwayLogAnalyticsWorkspace } from '../../constructs/monitoring';
import { NorwayNetworkSecurityGroup } from '../../constructs/network';
import { NorwayStorageAccount } from '../../constructs/storage';
import type { NorwayStack } from '../../stacks/norway-stack';
import { logsAndKeyVault, relaxedWarnings, TEST_TENANT, testStack } from './support';

const SUBNET = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pe';
const SSH_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGd4eC0mZ2l0aHViLmNvbS9ub3J3YXktaWFjL3Rlc3Qta2V5 ops@hospital';
const REASON = 'Test estate with synthetic data only (CHG-42)';

type Build = (stack: NorwayStack, region: NorwayRegion, relaxed: Relaxed) => void;

/** The construct under test with secure props except the one relaxation. */
const storage =
  (extra: (r: Relaxed) => Record<string, unknown>): Build =>
  (stack, region, relaxed) => {
    const { logs, keyVault } = logsAndKeyVault(stack, region, SUBNET);
    new NorwayStorageAccount(stack, 'subject', {
      region,
      resourceGroupName: 'rg',
      name: 'sthospitaldata01',
      customerManagedKey: { keyVault },
      diagnosticSettings: { workspaceId: logs.workspaceId },
      ...extra(relaxed),
    });
  };

const keyVault =
  (extra: (r: Relaxed) => Record<string, unknown>): Build =>
  (stack, region, relaxed) => {
    new NorwayKeyVault(stack, 'subject', {
      region,
      resourceGroupName: 'rg',
      name: 'kv-subject',
      tenantId: TEST_TENANT,
      diagnosticSettings: { workspaceId: '/subscriptions/s/resourceGroups/rg/workspaces/law' },
      ...extra(relaxed),
    });
  };

const workspace =
  (extra: (r: Relaxed) => Record<string, unknown>): Build =>
  (stack, region, relaxed) => {
    new NorwayLogAnalyticsWorkspace(stack, 'subject', {
      region,
      resourceGroupName: 'rg',
      name: 'law-subject',
      ...extra(relaxed),
    });
  };

const recoveryVault =
  (extra: (r: Relaxed) => Record<string, unknown>): Build =>
  (stack, region, relaxed) => {
    const { logs, keyVault } = logsAndKeyVault(stack, region, SUBNET);
    new NorwayRecoveryVault(stack, 'subject', {
      region,
      resourceGroupName: 'rg',
      name: 'rsv-subject',
      customerManagedKey: { keyVault },
      diagnosticSettings: { workspaceId: logs.workspaceId },
      ...extra(relaxed),
    });
  };

const nsg: Build = (stack, region, relaxed) => {
  new NorwayNetworkSecurityGroup(stack, 'subject', {
    region,
    resourceGroupName: 'rg',
    name: 'nsg-subject',
    diagnosticSettings: { workspaceId: '/subscriptions/s/resourceGroups/rg/workspaces/law' },
    allowInbound: [
      {
        name: 'https',
        priority: 100,
        protocol: 'Tcp',
        sources: ['Internet'],
        ports: [443],
        fromInternet: relaxed,
      },
    ],
  });
};

const vm: Build = (stack, region, relaxed) => {
  new NorwayLinuxVirtualMachine(stack, 'subject', {
    region,
    resourceGroupName: 'rg',
    name: 'vm-subject',
    subnetId: SUBNET,
    sshPublicKeys: [SSH_KEY],
    customerManagedKey: relaxed,
  });
};

/** [construct, prop as the message names it, build, what the warning says was relaxed] */
const RELAXATIONS: [string, string, Build, RegExp][] = [
  ['NorwayStorageAccount', 'lock', storage((r) => ({ lock: r })), /deletion protection removed/],
  [
    'NorwayStorageAccount',
    'diagnosticSettings',
    storage((r) => ({ diagnosticSettings: r })),
    /diagnostic settings disabled/,
  ],
  [
    'NorwayStorageAccount',
    'customerManagedKey',
    storage((r) => ({ customerManagedKey: r })),
    /Microsoft-managed keys instead of a customer-managed key/,
  ],
  [
    'NorwayStorageAccount',
    'publicNetworkAccess',
    storage((r) => ({ publicNetworkAccess: { ...r, allowedIpRanges: ['193.156.0.0/16'] } })),
    /public network access enabled/,
  ],
  [
    'NorwayStorageAccount',
    'sharedAccessKey',
    storage((r) => ({ sharedAccessKey: r })),
    /shared key \(account key and SAS\) authorization enabled/,
  ],
  ['NorwayKeyVault', 'lock', keyVault((r) => ({ lock: r })), /deletion protection removed/],
  [
    'NorwayKeyVault',
    'diagnosticSettings',
    keyVault((r) => ({ diagnosticSettings: r })),
    /diagnostic settings disabled/,
  ],
  [
    'NorwayKeyVault',
    'publicNetworkAccess',
    keyVault((r) => ({ publicNetworkAccess: r })),
    /public network access enabled/,
  ],
  [
    'NorwayLogAnalyticsWorkspace',
    'shortRetention',
    workspace((r) => ({ retentionInDays: 30, shortRetention: r })),
    /log retention 30 days/,
  ],
  [
    'NorwayLogAnalyticsWorkspace',
    'localAuthentication',
    workspace((r) => ({ localAuthentication: r })),
    /workspace key authentication enabled/,
  ],
  [
    'NorwayRecoveryVault',
    'lowerRedundancy',
    recoveryVault((r) => ({ storageMode: 'LocallyRedundant', lowerRedundancy: r })),
    /storage mode LocallyRedundant/,
  ],
  [
    'NorwayRecoveryVault',
    'customerManagedKey',
    recoveryVault((r) => ({ customerManagedKey: r })),
    /Microsoft-managed keys/,
  ],
  [
    'NorwayNetworkSecurityGroup',
    'allowInbound.https.fromInternet',
    nsg,
    /rule https allows inbound from the internet/,
  ],
  ['NorwayLinuxVirtualMachine', 'customerManagedKey', vm, /disks encrypted with platform-managed keys/],
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.each([NORWAY_EAST, NORWAY_WEST])('one relaxation shape in %s', (region: NorwayRegion) => {
  describe.each(RELAXATIONS)('%s %s', (_construct, prop, build, what) => {
    test.each([
      ['no justification', undefined],
      ['an empty one', ''],
      ['one under 10 characters', 'too short'],
      ['only spaces', '             '],
    ])('fails with %s, in the same words as every other relaxation', (_case, justification) => {
      // GIVEN
      const stack = testStack(region);
      const relaxed = { relaxed: true, justification } as Relaxed;
      // WHEN / THEN
      expect(() => build(stack, region, relaxed)).toThrow(
        new RegExp(
          `^test-${region}/subject: (.*\\n {2}- )?${escape(prop)}: \\{ relaxed: true \\} needs a justification of at least 10 characters \\(given ${escape(String(JSON.stringify(justification)))}\\)`,
        ),
      );
    });

    test('fails when the object does not say relaxed: true', () => {
      const stack = testStack(region);
      const notRelaxed = { relaxed: false, justification: REASON } as unknown as Relaxed;
      if (prop === 'lock' || prop === 'diagnosticSettings' || prop === 'customerManagedKey') {
        // Without `relaxed: true` these props read it as their secure value, which is then incomplete.
        expect(() => build(stack, region, notRelaxed)).toThrow(`test-${region}/subject`);
      } else {
        expect(() => build(stack, region, notRelaxed)).toThrow(
          `${prop}: { relaxed: true } needs a justification of at least 10 characters`,
        );
      }
    });

    test('with a justification: exactly one warning, naming the construct, what was relaxed and why', () => {
      // GIVEN
      const stack = testStack(region);
      // WHEN
      build(stack, region, { relaxed: true, justification: `  ${REASON} ` });
      // THEN
      const warnings = relaxedWarnings(stack);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(new RegExp(`^\\[relaxed default\\] test-${region}/subject: `));
      expect(warnings[0]).toMatch(what);
      expect(warnings[0]).toMatch(new RegExp(`\\. Justification: ${escape(REASON)}$`));
    });
  });
});

describe('isRelaxed', () => {
  test.each([
    [{ relaxed: true, justification: REASON }, true],
    [{ relaxed: true }, true],
    [{ relaxed: false, justification: REASON }, false],
    [{ justification: REASON }, false],
    [{ workspaceId: 'x' }, false],
    [{ kind: 'CanNotDelete' }, false],
    [undefined, false],
    [null, false],
    ['relaxed', false],
  ])('%j -> %s', (option, expected) => {
    expect(isRelaxed(option)).toBe(expected);
  });
});
