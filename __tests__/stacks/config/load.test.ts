import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import {
  CONFIG_ENV_VAR,
  ConfigError,
  defaultConfigFile,
  loadConfig,
  locateConfig,
  parseConfig,
  readConfigFile,
} from '../../../stacks/config/load';

/** The embedded default as a plain document, freshly parsed so each test can break it its own way. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test breaks the document its own way
function defaultDocument(): any {
  return parse(readFileSync(defaultConfigFile(), 'utf8'));
}

function problemsOf(document: unknown, today = '2026-11-25'): string[] {
  try {
    parseConfig(document, 'test.yaml', today);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems.map((p) => `${p.path}: ${p.message}`);
  }
  throw new Error('expected the configuration to be rejected');
}

describe('the embedded default configuration', () => {
  test('is a hospital region with three trusts, dev and prod, prod with DR in Norway West', () => {
    const { config, source } = loadConfig({ env: {} });
    expect(source.origin).toBe('default');
    expect(config.trusts.map((t) => t.name)).toEqual(['fjellheim', 'kystbyen', 'dalen']);
    expect(config.environments.map((e) => e.name)).toEqual(['dev', 'prod']);
    const prod = config.environments[1];
    expect(prod.primary.region).toBe('norwayeast');
    expect(prod.dr?.region).toBe('norwaywest');
    expect(config.trusts.every((t) => Object.keys(t.environments).join() === 'dev,prod')).toBe(true);
  });
});

describe('configuration errors: one message per problem, naming the path', () => {
  test('fails when address spaces overlap', () => {
    const doc = defaultDocument();
    doc.trusts[1].environments.prod.addressSpace = '10.64.0.0/22';
    expect(problemsOf(doc)).toEqual([
      'trusts[1].environments.prod.addressSpace: 10.64.0.0/22 overlaps 10.64.0.0/22 at environments[1].primary.hubAddressSpace',
    ]);
  });

  test('fails when a region is outside Norway', () => {
    const doc = defaultDocument();
    doc.environments[0].primary.region = 'westeurope';
    expect(problemsOf(doc)).toEqual([
      `environments[0].primary.region: "westeurope" is not a Norway region: Azure would place it outside Norway. Allowed: 'norwayeast' (Norway East) or 'norwaywest' (Norway West).`,
    ]);
  });

  test('fails on a look-alike region name, suggesting the right one', () => {
    const doc = defaultDocument();
    doc.environments[1].dr.region = 'norway-west';
    expect(problemsOf(doc)).toEqual([
      expect.stringMatching(
        /^environments\[1\]\.dr\.region: "norway-west" is not a Norway region: .*did you mean 'norwaywest'\?/,
      ),
    ]);
  });

  test('fails on duplicate trust and environment names', () => {
    const doc = defaultDocument();
    doc.trusts[2].name = 'fjellheim';
    doc.environments.push({
      ...doc.environments[0],
      primary: { region: 'norwayeast', hubAddressSpace: '10.200.0.0/22' },
    });
    expect(problemsOf(doc)).toEqual([
      'access.adminGroups[3].scope: no platform or trust named "dalen"; use one of: platform, fjellheim, kystbyen',
      'environments[2].name: duplicate environment name "dev" (also environments[0].name)',
      'trusts[2].name: duplicate trust name "fjellheim" (also trusts[0].name)',
    ]);
  });

  test('fails when DR is in the same region as the primary', () => {
    const doc = defaultDocument();
    doc.environments[1].dr.region = 'norwayeast';
    expect(problemsOf(doc)).toEqual([
      'environments[1].dr.region: the DR site must be in the other Norway region than the primary (norwayeast); use norwaywest',
    ]);
  });

  test('fails when zones are requested in Norway West', () => {
    const doc = defaultDocument();
    doc.environments[1].dr.zones = ['1'];
    expect(problemsOf(doc)).toEqual([
      'environments[1].dr.zones: norwaywest (Norway West) has no availability zones; remove zones',
    ]);
  });

  test('fails when a trust names an environment that does not exist', () => {
    const doc = defaultDocument();
    doc.trusts[0].environments.test = { addressSpace: '10.128.0.0/22' };
    expect(problemsOf(doc)).toEqual([
      'trusts[0].environments.test: no environment named "test"; defined: dev, prod',
    ]);
  });

  test('fails on malformed fields, each with its path', () => {
    const doc = defaultDocument();
    doc.trusts[0].environments.dev.addressSpace = '10.0.5.0/22';
    doc.trusts[1].code = 'Kystbyen';
    doc.environments[0].primary.hubAddressSpace = '10.0.0.0/12';
    doc.organisation.colour = 'blue';
    expect(problemsOf(doc)).toEqual([
      'organisation: Unrecognized key: "colour"',
      'environments[0].primary.hubAddressSpace: 10.0.0.0/12 is a /12; use a /16 to /24 (it is split into four subnets)',
      'trusts[0].environments.dev.addressSpace: "10.0.5.0/22" has host bits set; did you mean 10.0.4.0/22?',
      'trusts[1].code: a trust code is 2-6 lower-case letters or digits, starting with a letter (it goes into storage account and Key Vault names)',
    ]);
  });

  test('a trust declares its applications by name; the default runs a PostgreSQL journal at fjellheim', () => {
    const config = parseConfig(defaultDocument(), 'default.yaml', '2026-11-25');
    expect(config.trusts.map((t) => Object.keys(t.apps))).toEqual([
      ['journal', 'fhir', 'backup', 'platform', 'portal'],
      ['lab', 'pacs', 'portal', 'notify'],
      ['ris', 'hl7', 'images', 'vitals'],
    ]);
    expect(config.trusts[0].apps.journal).toEqual({
      kind: 'postgresql',
      entraAdministrator: {
        objectId: '00000000-0000-4000-8000-00000000a001',
        principalName: 'fjh-journal-dba',
        principalType: 'Group',
      },
      version: '16',
      skuName: 'GP_Standard_D2ds_v5',
    });
  });

  test('fails on an application with an unknown kind, a bad administrator or a Burstable database', () => {
    const doc = defaultDocument();
    doc.trusts[2].apps = {
      web: { kind: 'mainframe' },
      small: {
        kind: 'postgresql',
        entraAdministrator: { objectId: 'not-a-guid', principalName: 'x' },
        skuName: 'B_Standard_B1ms',
      },
    };
    expect(problemsOf(doc)).toEqual([
      "trusts[2].apps.web.kind: Invalid discriminator value. Expected 'aks' | 'gateway' | 'postgresql' | 'sql' | 'windowsvm' | 'files' | 'healthdata' | 'backupvault' | 'messaging' | 'registry' | 'eventhubs' | 'webapp' | 'containerapp'",
      'trusts[2].apps.small.entraAdministrator.objectId: expected a GUID',
      "trusts[2].apps.small.skuName: expected a General Purpose or Memory Optimized SKU such as 'GP_Standard_D2ds_v5'",
    ]);
  });

  test('a registry and an Event Hubs namespace: defaults, and bad partitions, hub names or options', () => {
    // GIVEN / WHEN the default: dalen runs `images` and `vitals`
    expect(parseConfig(defaultDocument(), 'test.yaml', '2026-11-25').trusts[2].apps).toMatchObject({
      images: { kind: 'registry', georeplicate: true },
      vitals: { kind: 'eventhubs', capacity: 1, hubs: { monitors: 4 } },
    });
    // THEN broken ones are named by path
    const doc = defaultDocument();
    doc.trusts[2].apps = {
      images: { kind: 'registry', georeplicate: 'yes', adminEnabled: true },
      vitals: { kind: 'eventhubs', capacity: 3, hubs: { Monitors: 4, ecg: 101 } },
    };
    expect(problemsOf(doc)).toEqual([
      'trusts[2].apps.images.georeplicate: Invalid input: expected boolean, received string',
      'trusts[2].apps.images: Unrecognized key: "adminEnabled"',
      'trusts[2].apps.vitals.capacity: Invalid input',
      'trusts[2].apps.vitals.hubs.ecg: Too big: expected number to be <=100',
      'trusts[2].apps.vitals.hubs.Monitors: an event hub name is 1-50 lower-case letters, digits or hyphens, starting with a letter',
    ]);
  });

  test('the default runs a private AKS cluster and a gateway at fjellheim', () => {
    const config = parseConfig(defaultDocument(), 'default.yaml', '2026-11-25');
    expect(config.trusts[0].apps.platform).toEqual({
      kind: 'aks',
      adminGroupObjectIds: ['00000000-0000-4000-8000-00000000a003'],
      vmSize: 'Standard_D4ds_v5',
      minNodes: 1,
      maxNodes: 5,
    });
    expect(config.trusts[0].apps.portal).toEqual({
      kind: 'gateway',
      sites: {
        journal: {
          hostName: 'journal.fjellheim.example.no',
          certificateName: 'journal-tls',
          backendFqdns: ['journal.apps.fjellheim.internal'],
        },
      },
    });
  });

  test('fails on an AKS app without a GUID admin group or with inverted bounds, and a gateway site without a backend', () => {
    const doc = defaultDocument();
    doc.trusts[2].apps = {
      k8s: { kind: 'aks', adminGroupObjectIds: ['aks-admins'] },
      k8s2: {
        kind: 'aks',
        adminGroupObjectIds: ['00000000-0000-4000-8000-00000000a003'],
        minNodes: 6,
        maxNodes: 3,
      },
      web: { kind: 'gateway', sites: { portal: { hostName: 'not a host', certificateName: 'tls' } } },
    };
    expect(problemsOf(doc)).toEqual([
      'trusts[2].apps.k8s.adminGroupObjectIds[0]: expected a GUID',
      'trusts[2].apps.web.sites.portal.hostName: expected a host name',
      'trusts[2].apps.web.sites.portal: a site needs backendIpAddresses or backendFqdns',
      'trusts[2].apps.k8s2.minNodes: minNodes 6 is above maxNodes 3',
    ]);
  });

  test('fails on an application name that cannot be part of a resource name', () => {
    const doc = defaultDocument();
    doc.trusts[1].apps = {
      'Bad-Name': {
        kind: 'postgresql',
        entraAdministrator: { objectId: '00000000-0000-4000-8000-00000000a002', principalName: 'x' },
      },
    };
    expect(problemsOf(doc)).toEqual([
      'trusts[1].apps.Bad-Name: an application name is 2-12 lower-case letters or digits, starting with a letter',
    ]);
  });

  test('fails on a key that is not an OpenSSH public key', () => {
    const doc = defaultDocument();
    doc.compute.sshPublicKeys = ['-----BEGIN OPENSSH PRIVATE KEY-----'];
    expect(problemsOf(doc)).toEqual([
      'compute.sshPublicKeys[0]: expected an OpenSSH public key (ssh-ed25519 AAAA… comment)',
    ]);
  });

  test('fails when a temporary firewall opening for bootstrap has expired or lasts more than a year', () => {
    const doc = defaultDocument();
    doc.bootstrapAccess = {
      allowedIpRanges: ['203.0.113.10'],
      justification: 'First deployment (CHG-1)',
      expires: '2026-11-24',
    };
    expect(problemsOf(doc)).toEqual([
      'bootstrapAccess.expires: 2026-11-24 has passed; remove bootstrapAccess (and re-apply bootstrap and the platform stacks) or renew it with a new justification',
    ]);
    doc.bootstrapAccess.expires = '2027-11-26';
    expect(problemsOf(doc)).toEqual([
      'bootstrapAccess.expires: 2027-11-26 is more than a year ahead; a firewall opening is temporary (at most 2027-11-25)',
    ]);
    doc.bootstrapAccess = {
      allowedIpRanges: ['10.0.0.1/33'],
      justification: 'short',
      expires: '2026-12-40',
    };
    expect(problemsOf(doc)).toEqual([
      'bootstrapAccess.allowedIpRanges[0]: "10.0.0.1/33" has prefix /33; an IPv4 prefix is 0-32',
      'bootstrapAccess.justification: a justification has at least 10 characters',
      'bootstrapAccess.expires: expected a date YYYY-MM-DD',
    ]);
  });

  test('fails when bootstrapAccess opens to an address outside the approved ranges', () => {
    const doc = defaultDocument();
    doc.bootstrapAccess = {
      allowedIpRanges: ['203.0.113.10', '0.0.0.0/0', '198.51.100.0/24'],
      justification: 'First deployment (CHG-1)',
      expires: '2026-12-24',
    };
    expect(problemsOf(doc)).toEqual([
      "bootstrapAccess.allowedIpRanges[1]: 0.0.0.0/0 is outside the approved ranges (203.0.113.0/24, 198.51.100.0/26); an opening admits only the hospital's own addresses",
      "bootstrapAccess.allowedIpRanges[2]: 198.51.100.0/24 is outside the approved ranges (203.0.113.0/24, 198.51.100.0/26); an opening admits only the hospital's own addresses",
    ]);
  });

  test('fails on approved ranges that are private or too wide, foreign tenants and unknown scopes', () => {
    const doc = defaultDocument();
    doc.access.approvedRanges = ['10.1.0.0/16', '0.0.0.0/1', '203.0.113.0/24'];
    doc.tenantId = '11111111-2222-4333-8444-555555555555';
    doc.access.adminGroups[1].scope = 'nowhere';
    doc.access.adminGroups[2].name = 'platform-admins';
    doc.access.breakGlass.push({ ...doc.access.breakGlass[0], name: 'again' });
    expect(problemsOf(doc)).toEqual([
      "access.approvedRanges[0]: 10.1.0.0/16 is a private range; list the hospital's public egress ranges (private networks need no allow-list entry)",
      "access.approvedRanges[1]: 0.0.0.0/1 is a /1; an approved range is the hospital's own egress, a /16 or narrower",
      'tenantId: 11111111-2222-4333-8444-555555555555 is not the home tenant 5b2c6a1e-0d3f-4c8e-9a71-2f4e6d8b0c13; Key Vaults trust only the home tenant',
      'access.adminGroups[1].scope: no platform or trust named "nowhere"; use one of: platform, fjellheim, kystbyen, dalen',
      'access.adminGroups[2].name: duplicate admin group name "platform-admins" (also access.adminGroups[0].name)',
      'access.breakGlass[1].objectId: duplicate break-glass account 0f6e2d4c-8a1b-4e3f-9c5d-7b2a1e0f4d61 (also access.breakGlass[0].objectId)',
    ]);
  });

  test('fails when the CI runners deploy from outside the approved ranges', () => {
    const doc = defaultDocument();
    doc.access.workloadIdentity = {
      servicePrincipalObjectId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
      runnerEgressRanges: ['203.0.113.64/28', '20.50.0.0/16'],
    };
    expect(problemsOf(doc)).toEqual([
      "access.workloadIdentity.runnerEgressRanges[1]: 20.50.0.0/16 is outside the approved ranges (203.0.113.0/24, 198.51.100.0/26); runners deploy from the hospital's own addresses",
    ]);
  });

  test('fails on an access section without a home tenant or with a standing role', () => {
    const doc = defaultDocument();
    delete doc.access.homeTenantId;
    doc.access.adminGroups[0].role = 'Reader';
    doc.access.adminGroups[0].eligibleDays = 400;
    doc.access.breakGlass[0].justification = 'because';
    expect(problemsOf(doc)).toEqual([
      'access.homeTenantId: Invalid input: expected string, received undefined',
      'access.adminGroups[0].role: Invalid option: expected one of "Owner"|"Contributor"|"User Access Administrator"|"Role Based Access Control Administrator"|"Key Vault Administrator"|"Storage Blob Data Owner"',
      'access.adminGroups[0].eligibleDays: Too big: expected number to be <=365',
      'access.breakGlass[0].justification: a justification has at least 10 characters',
    ]);
  });

  test('reports every problem at once', () => {
    const doc = defaultDocument();
    doc.environments[1].dr.region = 'norwayeast';
    doc.environments[1].dr.zones = ['2'];
    doc.trusts[2].environments.dev.addressSpace = '10.0.8.0/22';
    expect(problemsOf(doc)).toEqual([
      'environments[1].dr.region: the DR site must be in the other Norway region than the primary (norwayeast); use norwaywest',
      'trusts[2].environments.dev.addressSpace: 10.0.8.0/22 overlaps 10.0.8.0/22 at trusts[1].environments.dev.addressSpace',
    ]);
  });
});

describe('where the configuration comes from', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'norway-config-'));

  test('the environment variable wins over the cdktf context key, which wins over the default', () => {
    expect(locateConfig({ env: { [CONFIG_ENV_VAR]: 'a.yaml' }, context: 'b.yaml', cwd: dir })).toEqual({
      file: path.join(dir, 'a.yaml'),
      origin: 'environment',
    });
    expect(locateConfig({ env: {}, context: 'b.yaml', cwd: dir })).toEqual({
      file: path.join(dir, 'b.yaml'),
      origin: 'context',
    });
    expect(locateConfig({ env: {}, cwd: dir })).toEqual({ file: defaultConfigFile(), origin: 'default' });
  });

  test('a user file with problems is rejected with its path in the message', () => {
    const file = path.join(dir, 'bad.yaml');
    const doc = defaultDocument();
    doc.environments[1].dr.zones = ['1'];
    writeFileSync(file, JSON.stringify(doc));
    expect(() => loadConfig({ env: { [CONFIG_ENV_VAR]: file } })).toThrow(
      `Configuration ${file} has 1 problem:\n  - environments[1].dr.zones: norwaywest (Norway West) has no availability zones; remove zones`,
    );
  });

  test('fails on a file that is not YAML, and on a file that does not exist', () => {
    const file = path.join(dir, 'broken.yaml');
    writeFileSync(file, 'trusts: [\n');
    expect(() => readConfigFile(file)).toThrow(
      /broken\.yaml has 1 problem:\n {2}- \(file\): is not valid YAML or JSON/,
    );
    expect(() => readConfigFile(path.join(dir, 'missing.yaml'))).toThrow(
      /missing\.yaml has 1 problem:\n {2}- \(file\): cannot be read/,
    );
  });
});
