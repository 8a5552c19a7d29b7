/** policies/engine/policy-file.ts: reading the policy file (YAML or JSON), its suppressions and settings. */
import * as path from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { loadPolicyDocument, loadPolicyFile, mergeSettings } from '../../policies/engine/policy-file';

describe('loadPolicyFile', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'policy-file-'));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  test('YAML with an unquoted date keeps the calendar day; entries keep their index', () => {
    const file = write(
      'p.yaml',
      'version: 1\nsuppressions:\n  - ruleId: NET-004\n    address: module.hub.*\n    reason: Bastion is the one entry\n    expires: 2027-06-30\n  - ruleId: RES-001\n    address: a.b\n    reason: Another reason here\n',
    );
    expect(loadPolicyFile(file)).toEqual([
      {
        spec: {
          ruleId: 'NET-004',
          address: 'module.hub.*',
          reason: 'Bastion is the one entry',
          expires: '2027-06-30',
        },
        origin: { kind: 'file', where: file, index: 0 },
      },
      {
        spec: { ruleId: 'RES-001', address: 'a.b', reason: 'Another reason here', expires: undefined },
        origin: { kind: 'file', where: file, index: 1 },
      },
    ]);
  });

  test('a YAML 1.1 document reads an unquoted date as a timestamp; the calendar day is kept', () => {
    const file = write(
      'p11.yaml',
      '%YAML 1.1\n---\nsuppressions:\n  - ruleId: NET-004\n    address: a.b\n    reason: Bastion is the one entry\n    expires: 2027-06-30\n',
    );
    expect(loadPolicyFile(file)[0].spec.expires).toBe('2027-06-30');
  });

  test('JSON is read as JSON (a YAML-only document fails there)', () => {
    const file = write(
      'p.json',
      JSON.stringify({
        suppressions: [{ ruleId: 'NET-004', address: 'a.b', reason: 'r', expires: '2027-01-01' }],
      }),
    );
    expect(loadPolicyFile(file)[0].spec.expires).toBe('2027-01-01');
    expect(() => loadPolicyFile(write('y.json', 'suppressions: []\n'))).toThrow(/malformed JSON/);
  });

  test('a JSON policy file with a key twice in one object is refused, as every JSON input is', () => {
    const text =
      '{"suppressions": [{"ruleId": "NET-004", "address": "a.b", "reason": "a long enough reason", "expires": "2027-01-01", "address": "*"}]}';
    expect(() => loadPolicyFile(write('dup.json', text))).toThrow(
      /the key "address" appears twice in one object/,
    );
    expect(() => loadPolicyFile(write('dup-top.json', '{"suppressions": [], "suppressions": [{}]}'))).toThrow(
      /the key "suppressions" appears twice/,
    );
  });

  test('settings: home tenant, approved ranges and home principals; wrong types are refused', () => {
    const file = write(
      'settings.yaml',
      'settings:\n  homeTenantId: 5b2c6a1e-0d3f-4c8e-9a71-2f4e6d8b0c13\n  approvedRanges: [203.0.113.0/24]\n',
    );
    expect(loadPolicyDocument(file)).toEqual({
      suppressions: [],
      settings: { homeTenantId: '5b2c6a1e-0d3f-4c8e-9a71-2f4e6d8b0c13', approvedRanges: ['203.0.113.0/24'] },
    });
    expect(() =>
      loadPolicyDocument(write('bad-settings.yaml', 'settings:\n  homeTenantId: contoso\n')),
    ).toThrow(/settings\.homeTenantId: expected a GUID/);
    expect(() =>
      mergeSettings(
        { homeTenantId: '5b2c6a1e-0d3f-4c8e-9a71-2f4e6d8b0c13' },
        { homeTenantId: '11111111-2222-4333-8444-555555555555' },
      ),
    ).toThrow(
      'policy settings: two home tenants are configured (5b2c6a1e-0d3f-4c8e-9a71-2f4e6d8b0c13, 11111111-2222-4333-8444-555555555555); name one',
    );
  });

  test.each([
    [
      'dup.yaml',
      'suppressions: []\nsuppressions: []\n',
      /cannot parse the policy file: .*[Mm]ap keys must be unique/,
    ],
    [
      'top.yaml',
      '- 1\n',
      /top level: .*expected \{ settings\?: \{ homeTenantId, approvedRanges, homePrincipals \}, suppressions: \[\{ ruleId, address, reason, expires: YYYY-MM-DD \}\] \}/,
    ],
    [
      'field.yaml',
      'suppressions:\n  - ruleId: NET-004\n    address: ""\n    reason: r\n',
      /suppressions\[0\]\.address: /,
    ],
    ['extra.yaml', 'suppressions: []\nother: 1\n', /top level: /],
    ['version.yaml', 'version: 2\nsuppressions: []\n', /^.*version: /],
  ])('%s is unusable with a message that says where', (name, text, message) => {
    expect(() => loadPolicyFile(write(name, text))).toThrow(message);
  });
});

describe('mergeSettings', () => {
  const TENANT = '5b2c6a1e-0d3f-4c8e-9a71-2f4e6d8b0c13';

  test('lists add up, one home tenant in any case, the strictest suppression limit wins', () => {
    expect(
      mergeSettings(
        { homeTenantId: TENANT.toUpperCase(), approvedRanges: ['203.0.113.0/24'], maxSuppressionMonths: 6 },
        { homeTenantId: TENANT, homePrincipals: ['a'], bootstrapStack: 'bootstrap' },
        {
          approvedRanges: ['198.51.100.7'],
          homePrincipals: ['b'],
          bootstrapStack: 'bootstrap',
          maxSuppressionMonths: 9,
        },
      ),
    ).toEqual({
      homeTenantId: TENANT,
      bootstrapStack: 'bootstrap',
      approvedRanges: ['203.0.113.0/24', '198.51.100.7'],
      homePrincipals: ['a', 'b'],
      maxSuppressionMonths: 6,
    });
  });

  test('nothing set: no tenant, empty lists, twelve months', () => {
    expect(mergeSettings({}, {})).toEqual({
      homeTenantId: undefined,
      bootstrapStack: undefined,
      approvedRanges: [],
      homePrincipals: [],
      maxSuppressionMonths: 12,
    });
  });

  test('two bootstrap stacks are refused, naming both', () => {
    expect(() => mergeSettings({ bootstrapStack: 'a' }, { bootstrapStack: 'b' })).toThrow(
      'policy settings: two bootstrap stacks are named (a, b); exactly one may keep local state',
    );
  });
});
