import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../policies/cli';
import { buildWorkspace } from '../../policies/model/build';
import { describeSyntaxError, parseHcl } from '../../policies/model/hcl-parser';
import { loadHclDirectory, scanHeaders } from '../../policies/model/load-hcl';
import { loadPath } from '../../policies/model/load-path';
import { Resolver } from '../../policies/model/resolve';
import { InputError, TfModel } from '../../policies/model/types';
import { ALL_RULES } from '../../policies/rules';

const TF = join(__dirname, '..', 'fixtures', 'tf');

function must(model: TfModel, address: string) {
  const resource = model.byAddress.get(address);
  if (!resource) throw new Error(`no ${address} in ${[...model.byAddress.keys()].join(', ')}`);
  return resource;
}

function cli(args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('HCL parser bridge', () => {
  it('parses synchronously into hcl2json shape', () => {
    expect(parseHcl('a.tf', 'resource "azurerm_resource_group" "rg" {\n  location = var.region\n}\n')).toEqual({
      resource: { azurerm_resource_group: { rg: [{ location: '${var.region}' }] } },
    });
  });

  it('reports the first diagnostic with line and column, naming the real file', () => {
    const parse = () => parseHcl('/src/main.tf', 'resource "a" "b" {\n  x = \n}\n');
    expect(parse).toThrow(InputError);
    expect(parse).toThrow('/src/main.tf: line 2, column 7: Invalid expression (Expected the start of an expression, but found an invalid expression token)');
    expect(describeSyntaxError('something else')).toBe('syntax error: something else');
  });

  it('keeps working after a syntax error', () => {
    expect(() => parseHcl('bad.tf', '{{{')).toThrow(InputError);
    expect(parseHcl('good.tf', 'locals {\n  a = 1\n}\n')).toEqual({ locals: [{ a: 1 }] });
  });

  it('finds resource, data and module header lines, with quoted or bare labels', () => {
    const text = ['# comment', 'resource "azurerm_x" "a" {', '}', '  data azurerm_y b {', '}', 'module "net" {', '}'].join('\n');
    expect([...scanHeaders(text)]).toEqual([
      ['resource azurerm_x a', 2],
      ['data azurerm_y b', 4],
      ['module net', 6],
    ]);
  });
});

describe('a directory of hand-written .tf files', () => {
  let model: TfModel;
  let resolver: Resolver;
  beforeAll(() => {
    [model] = loadPath(join(TF, 'violations'));
    resolver = new Resolver(buildWorkspace([model]));
  });

  it('adapts every file into one model with file and line per resource', () => {
    expect(model.kind).toBe('hcl');
    expect(model.origin).toBe(join(TF, 'violations'));
    expect(model.resources.map((r) => [r.address, r.source.file.slice(TF.length + 1), r.source.line])).toEqual([
      ['azurerm_log_analytics_workspace.insights', 'violations/analytics.tf', 2],
      ['azurerm_network_security_group.jump', 'violations/network.tf', 6],
      ['azurerm_resource_group.clinic', 'violations/network.tf', 1],
      ['azurerm_storage_account.records', 'violations/storage.tf', 1],
    ]);
    expect(model.resources.every((r) => r.valuesAreExpressions && r.provider === 'azurerm' && r.providerSource === 'hashicorp/azurerm')).toBe(true);
  });

  it('reads the backend, variables with validations, and nested blocks as arrays', () => {
    expect(model.backend?.type).toBe('azurerm');
    expect(model.backend?.config.use_azuread_auth).toBe(true);
    expect(model.variables.get('region')).toMatchObject({ default: 'norwayeast', hasDefault: true });
    const nsg = must(model, 'azurerm_network_security_group.jump');
    expect(resolver.value(model, nsg, 'security_rule.1.destination_port_range')).toEqual({ kind: 'known', value: '3389' });
    expect(Array.isArray(nsg.values.security_rule)).toBe(true);
  });

  it('resolves locations through references and variable validations', () => {
    const bounded = { kind: 'oneOf', values: ['norwayeast', 'norwaywest'], reason: 'var.region is limited by its validation to norwayeast, norwaywest' };
    expect(resolver.value(model, must(model, 'azurerm_resource_group.clinic'), 'location')).toEqual(bounded);
    expect(resolver.value(model, must(model, 'azurerm_storage_account.records'), 'location')).toEqual(bounded);
    expect(resolver.value(model, must(model, 'azurerm_log_analytics_workspace.insights'), 'location')).toEqual({ kind: 'known', value: 'West Europe' });
    expect(resolver.value(model, must(model, 'azurerm_resource_group.clinic'), 'name')).toEqual({
      kind: 'unknown',
      reason: 'the expression rg-clinic-${var.environment} is computed by Terraform',
    });
  });

  it('yields exactly the Norway violation, the public storage account and the open RDP port', () => {
    const { code, stdout, stderr } = cli(['check', join(TF, 'violations'), '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    type Found = { ruleId: string; severity: string; address: string; file: string; line?: number };
    const findings = (JSON.parse(stdout) as { findings: Found[] }).findings;
    expect(ALL_RULES.map((r) => r.id)).toEqual(expect.arrayContaining(['RES-001', 'NET-001', 'NET-003']));
    const expected = [
      { ruleId: 'RES-001', address: 'azurerm_log_analytics_workspace.insights', file: join(TF, 'violations', 'analytics.tf'), line: 2 },
      { ruleId: 'NET-001', address: 'azurerm_storage_account.records', file: join(TF, 'violations', 'storage.tf'), line: 1 },
      { ruleId: 'NET-003', address: 'azurerm_network_security_group.jump', file: join(TF, 'violations', 'network.tf'), line: 6 },
    ];
    // Errors of the families this fixture is written to satisfy (other families judge hardening it does not
    // model; warnings such as NET-005 "no private endpoint" do not block). NET-001 reports each public
    // setting of the account separately, so pairs are compared as a set.
    const inScope = findings.filter((f) => f.severity === 'error' && /^(RES|NET|TFS)-/.test(f.ruleId));
    const key = (f: { ruleId: string; address: string }) => `${f.ruleId} ${f.address}`;
    expect([...new Set(inScope.map(key))].sort()).toEqual(expected.map(key).sort());
    for (const want of expected) {
      expect(findings.find((f) => key(f) === key(want))).toMatchObject({ file: want.file, line: want.line });
    }
  });
});

describe('local modules, tfvars and dynamic blocks', () => {
  let model: TfModel;
  let resolver: Resolver;
  beforeAll(() => {
    [model] = loadPath(join(TF, 'compliant'));
    resolver = new Resolver(buildWorkspace([model]));
  });

  it('loads the resources of a local module under its module path', () => {
    expect(model.resources.map((r) => r.address)).toEqual([
      'azurerm_resource_group.imaging',
      'data.azurerm_client_config.current',
      'module.archive.azurerm_network_security_group.edge',
      'module.archive.azurerm_storage_account.this',
    ]);
    const account = must(model, 'module.archive.azurerm_storage_account.this');
    expect(account.source).toMatchObject({ module: 'module.archive', file: join(TF, 'compliant', 'modules', 'storage', 'main.tf'), line: 22 });
    expect(account.configAddress).toBe('module.archive.azurerm_storage_account.this');
  });

  it('resolves module variables through the calling module, and module locals in the module', () => {
    const bounded = { kind: 'oneOf', values: ['norwayeast', 'norwaywest'], reason: 'var.region is limited by its validation to norwayeast, norwaywest' };
    expect(resolver.value(model, must(model, 'module.archive.azurerm_storage_account.this'), 'location')).toEqual(bounded);
    expect(resolver.value(model, must(model, 'module.archive.azurerm_network_security_group.edge'), 'location')).toEqual(bounded);
    expect(resolver.value(model, must(model, 'module.archive.azurerm_storage_account.this'), 'name')).toEqual({ kind: 'known', value: 'sthelseimaging' });
    expect(resolver.value(model, must(model, 'azurerm_resource_group.imaging'), 'tags')).toEqual({ kind: 'known', value: { owner: 'imaging' } });
  });

  it('turns a dynamic block into blocks whose iterator values stay unknown', () => {
    const nsg = must(model, 'module.archive.azurerm_network_security_group.edge');
    expect(resolver.value(model, nsg, 'security_rule.0.source_address_prefix')).toEqual({ kind: 'known', value: 'VirtualNetwork' });
    expect(resolver.value(model, nsg, 'security_rule.0.destination_port_range').kind).toBe('unknown');
    expect(nsg.values.dynamic).toBeUndefined();
  });

  it('takes terraform.tfvars values over defaults', () => {
    const [overridden] = loadPath(join(TF, 'tfvars-override'));
    const rg = must(overridden, 'azurerm_resource_group.rg');
    expect(new Resolver(buildWorkspace([overridden])).value(overridden, rg, 'location')).toEqual({ kind: 'known', value: 'westeurope' });
  });
});

describe('plain Terraform that cannot be read fails with file and position', () => {
  it('a syntax error exits 2 naming file, line and column', () => {
    const { code, stdout, stderr } = cli(['check', join(TF, 'syntax-error')]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `norway-policy: ${join(TF, 'syntax-error', 'main.tf')}: line 8, column 14: Invalid expression (Expected the start of an expression, but found an invalid expression token)\n`,
    );
  });

  it('the same when the .tf file itself is given', () => {
    const { code, stderr } = cli(['check', join(TF, 'syntax-error', 'main.tf')]);
    expect(code).toBe(2);
    expect(stderr).toContain('main.tf: line 8, column 14');
  });

  it('a module from a registry exits 2: its resources would go unchecked', () => {
    const { code, stderr } = cli(['check', join(TF, 'registry-module')]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${join(TF, 'registry-module', 'main.tf')}: module "network" (line 1) comes from "Azure/avm-res-network-virtualnetwork/azurerm"`);
  });

  describe('generated directories', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'hcl-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('a resource declared in two files', () => {
      writeFileSync(join(dir, 'a.tf'), 'resource "azurerm_resource_group" "rg" {\n  location = "norwayeast"\n}\n');
      writeFileSync(join(dir, 'b.tf'), '\n\nresource "azurerm_resource_group" "rg" {\n  location = "westeurope"\n}\n');
      expect(() => loadHclDirectory(dir)).toThrow(`${join(dir, 'b.tf')}: azurerm_resource_group.rg is declared twice (first at ${join(dir, 'a.tf')}:1)`);
    });

    it('a module that calls itself', () => {
      writeFileSync(join(dir, 'main.tf'), 'module "again" {\n  source = "./"\n}\n');
      expect(() => loadHclDirectory(dir)).toThrow('module "again" (line 1) calls a module that calls it (a cycle)');
    });

    it('a module whose source is a symlink back to the caller', () => {
      mkdirSync(join(dir, 'modules'));
      symlinkSync(dir, join(dir, 'modules', 'loop'));
      writeFileSync(join(dir, 'main.tf'), 'module "loop" {\n  source = "./modules/loop"\n}\n');
      expect(() => loadHclDirectory(dir)).toThrow('(a cycle)');
    });

    it('a missing local module', () => {
      writeFileSync(join(dir, 'main.tf'), 'module "gone" {\n  source = "./nowhere"\n}\n');
      expect(() => loadHclDirectory(dir)).toThrow('module "gone" (line 1) has source "./nowhere", which is not a directory');
    });

    it('two backends', () => {
      writeFileSync(join(dir, 'a.tf'), 'terraform {\n  backend "azurerm" {}\n}\n');
      writeFileSync(join(dir, 'b.tf'), 'terraform {\n  backend "local" {}\n}\n');
      expect(() => loadHclDirectory(dir)).toThrow('declares a second backend');
    });

    it('__proto__ and constructor labels stay data', () => {
      writeFileSync(
        join(dir, 'main.tf'),
        'resource "__proto__" "constructor" {\n  polluted = "yes"\n}\nresource "azurerm_resource_group" "__proto__" {\n  location = "norwayeast"\n}\nlocals {\n  constructor = "x"\n}\n',
      );
      const [loaded] = loadPath(dir);
      expect(loaded.resources.map((r) => r.address).sort()).toEqual(['__proto__.constructor', 'azurerm_resource_group.__proto__']);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).constructor).toBe(Object);
      expect(must(loaded, '__proto__.constructor').values.polluted).toBe('yes');
    });

    it('override files replace arguments; *.auto.tfvars win over terraform.tfvars', () => {
      writeFileSync(join(dir, 'main.tf'), 'variable "region" {\n  default = "norwayeast"\n}\nresource "azurerm_resource_group" "rg" {\n  name     = "rg"\n  location = "norwayeast"\n}\n');
      writeFileSync(join(dir, 'dr_override.tf'), 'resource "azurerm_resource_group" "rg" {\n  location = var.region\n}\n');
      writeFileSync(join(dir, 'terraform.tfvars'), 'region = "norwaywest"\n');
      writeFileSync(join(dir, 'a.auto.tfvars'), 'region = "westeurope"\n');
      const [loaded] = loadPath(dir);
      const rg = must(loaded, 'azurerm_resource_group.rg');
      expect(rg.values.name).toBe('rg');
      expect(rg.source).toMatchObject({ file: join(dir, 'main.tf'), line: 4 });
      expect(new Resolver(buildWorkspace([loaded])).value(loaded, rg, 'location')).toEqual({ kind: 'known', value: 'westeurope' });
    });

    it('.tf.json files in the same directory join the configuration', () => {
      writeFileSync(join(dir, 'main.tf'), 'variable "region" {\n  default = "norwayeast"\n}\n');
      writeFileSync(join(dir, 'extra.tf.json'), JSON.stringify({ resource: { azurerm_resource_group: { rg: { location: '${var.region}' } } } }));
      const [loaded] = loadPath(dir);
      const rg = must(loaded, 'azurerm_resource_group.rg');
      expect(new Resolver(buildWorkspace([loaded])).value(loaded, rg, 'location')).toEqual({ kind: 'known', value: 'norwayeast' });
      expect(rg.source.file).toBe(join(dir, 'extra.tf.json'));
    });
  });
});
