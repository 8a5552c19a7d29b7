/** A team adds its own stacks through the extensions directory, without editing main.ts or the stacks. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App } from 'cdktf';
import { checkModels } from '../../policies/engine/engine';
import { ALL_RULES } from '../../policies/rules';
import { loadCdktfOut } from '../../policies/model/load-cdktf-out';
import { loadConfig } from '../../stacks/config/load';
import { requiredDnsZones } from '../../stacks/dns-zones';
import { ExtensionError, extensionsDir, loadExtensions } from '../../stacks/extensions';
import { buildPlatform, policySettings } from '../../stacks/platform-app';
import { TODAY } from '../helpers/today';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'extensions');
const RADIOLOGY = path.join(FIXTURES, 'radiology');
const POSTGRES_ZONE = 'privatelink.postgres.database.azure.com';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Terraform JSON is read by path
const read = (outdir: string, stack: string): any =>
  JSON.parse(readFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
const zonesOf = (json: { resource: { azurerm_private_dns_zone: Record<string, { name: string }> } }) =>
  Object.values(json.resource.azurerm_private_dns_zone).map((z) => z.name);

describe('platform extensions', () => {
  test('a team stack from the extensions directory is synthesized beside the platform and passes the policy', () => {
    // GIVEN the default configuration and the radiology team's extension
    const { config } = loadConfig({ env: {} });
    const extensions = loadExtensions(RADIOLOGY);
    const outdir = mkdtempSync(path.join(tmpdir(), 'norway-ext-'));
    const app = new App({ outdir, stackTraces: false });
    // WHEN
    buildPlatform(app, config, { extensions, policy: { today: TODAY } });
    app.synth();
    // THEN the team's stacks exist, depend on their platform, and the whole estate has no errors
    const manifest = JSON.parse(readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
    expect(manifest.stacks['team-radiology-dev'].dependencies).toEqual(['platform-dev-norwayeast']);
    expect(manifest.stacks['team-radiology-prod'].dependencies).toEqual(['platform-prod-norwayeast']);
    expect(Object.keys(read(outdir, 'team-radiology-dev').resource.azurerm_storage_account)).toHaveLength(1);
    const report = checkModels(loadCdktfOut(outdir), {
      rules: ALL_RULES,
      today: TODAY,
      settings: policySettings(config),
    });
    expect(report.findings.filter((f) => !f.suppressed && f.severity === 'error')).toEqual([]);
    // and every hub has the zone the team needs, beside the estate's own and those of the trusts' apps
    for (const hub of ['platform-dev-norwayeast', 'platform-prod-norwayeast', 'platform-prod-norwaywest'])
      expect(zonesOf(read(outdir, hub)).sort()).toEqual([
        'privatelink.azurecr.io',
        'privatelink.azurehealthcareapis.com',
        'privatelink.azurewebsites.net',
        'privatelink.blob.core.windows.net',
        'privatelink.database.windows.net',
        'privatelink.dicom.azurehealthcareapis.com',
        'privatelink.file.core.windows.net',
        'privatelink.norwayeast.azmk8s.io',
        POSTGRES_ZONE,
        'privatelink.servicebus.windows.net',
        'privatelink.vaultcore.azure.net',
      ]);
  });

  test('main.ts picks the extension up from NORWAY_IAC_EXTENSIONS, unchanged', () => {
    const outdir = mkdtempSync(path.join(tmpdir(), 'norway-ext-main-'));
    const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'main.ts'], {
      cwd: ROOT,
      env: { ...process.env, NORWAY_IAC_EXTENSIONS: RADIOLOGY, CDKTF_OUTDIR: outdir },
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const stacks = Object.keys(JSON.parse(readFileSync(path.join(outdir, 'manifest.json'), 'utf8')).stacks);
    expect(stacks.filter((s) => s.startsWith('team-'))).toEqual([
      'team-radiology-dev',
      'team-radiology-prod',
    ]);
    // Every resource carries the TypeScript line that created its top-level construct, exactly.
    const fixture = path.join(RADIOLOGY, 'radiology.ts');
    const lines = readFileSync(fixture, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes("new NorwayStorageAccount(stack, 'Archive'")) + 1;
    const json = read(outdir, 'team-radiology-dev');
    for (const account of Object.values<{ '//': { norway_policy: unknown } }>(
      json.resource.azurerm_storage_account,
    ))
      expect(account['//'].norway_policy).toEqual({ source: { file: path.relative(ROOT, fixture), line } });
  }, 60_000);

  test('derived zones: the estate first, extension zones sorted and once', () => {
    const ext = (name: string, privateDnsZones: string[]) => ({
      name,
      privateDnsZones,
      extend: () => undefined,
    });
    expect(requiredDnsZones()).toEqual([
      'privatelink.blob.core.windows.net',
      'privatelink.vaultcore.azure.net',
    ]);
    expect(
      requiredDnsZones(undefined, [
        ext('a', ['privatelink.servicebus.windows.net', POSTGRES_ZONE]),
        ext('b', [POSTGRES_ZONE, 'privatelink.blob.core.windows.net']),
      ]),
    ).toEqual([
      'privatelink.blob.core.windows.net',
      'privatelink.vaultcore.azure.net',
      POSTGRES_ZONE,
      'privatelink.servicebus.windows.net',
    ]);
  });

  test.each([
    [
      'a module without a valid extension',
      path.join(FIXTURES, 'broken'),
      { required: false },
      /broken\.ts: `extend\(context\)` is a function; `privateDnsZones` is a list of zone names\./,
    ],
    [
      'a named directory that does not exist',
      path.join(FIXTURES, 'missing'),
      { required: true },
      /Extensions directory .*missing does not exist\./,
    ],
  ])('fails with one message for %s', (_, dir, options, message) => {
    expect(() => loadExtensions(dir, options)).toThrow(ExtensionError);
    expect(() => loadExtensions(dir, options)).toThrow(message);
  });

  test('no extensions directory by default is no extension; the directory comes from env, then context', () => {
    expect(loadExtensions(path.join(FIXTURES, 'missing'))).toEqual([]);
    expect(extensionsDir(undefined, {}, '/p')).toBe('/p/extensions');
    expect(extensionsDir('teams', {}, '/p')).toBe('/p/teams');
    expect(extensionsDir('teams', { NORWAY_IAC_EXTENSIONS: '/x' }, '/p')).toBe('/x');
  });
});
