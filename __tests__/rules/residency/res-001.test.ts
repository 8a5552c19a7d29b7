/**
 * The valid and invalid cases of RES-001 (`policies/rules/residency/res-001-norway-location.ts`).
 *
 * Variables are not promises: a root variable's default (or tfvars value) proves nothing, because
 * `-var`, `TF_VAR_<name>` or another tfvars file may set any value; only a validation that restricts
 * it to Norway does, and a validation is read exactly.
 */
import { loadHclDirectory } from '../../../policies/model/load-hcl';
import { RES_001 } from '../../../policies/rules/residency/res-001-norway-location';
import { findingsOf, plan, RG, ruleTester, tf } from '../../helpers/rule-tester';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/** A resource group located by `var.region`, declared with `declaration` (HCL body and JSON body). */
function located(hclDeclaration: string, jsonDeclaration: Record<string, unknown>) {
  return {
    synth: tf(
      { 'azurerm_resource_group.rg': { name: 'rg', location: '${var.region}' } },
      { variable: { region: jsonDeclaration } },
    ),
    hcl: `
variable "region" {
${hclDeclaration}
}
resource "azurerm_resource_group" "rg" {
  name     = "rg"
  location = var.region
}
`,
  };
}

const NORWAY_ONLY = '${contains(["norwayeast", "norwaywest"], var.region)}';

const HINT = 'validation { condition = contains(["norwayeast", "norwaywest"], var.region) }';

const overridable = (shown: string) =>
  `location cannot be verified before apply: var.region has a default (${shown}), ` +
  `but -var, TF_VAR_region or another tfvars file may set any value; only a validation restricts it: ${HINT}; ` +
  'a value that cannot be resolved counts as outside Norway.';

const unrestricted =
  'location cannot be verified before apply: var.region has no default and no ' +
  'validation that limits it; a value that cannot be resolved counts as outside Norway.';

ruleTester(RES_001, {
  valid: [
    {
      name: 'literal norwayeast and display name "Norway West"',
      synth: tf({
        'azurerm_resource_group.rg': RG,
        'azurerm_resource_group.dr': { name: 'dr', location: 'Norway West' },
      }),
      plan: plan([
        { at: 'azurerm_resource_group.rg', values: RG },
        { at: 'azurerm_resource_group.dr', values: { name: 'dr', location: 'norwaywest' } },
      ]),
    },
    {
      name: 'location through a reference to the resource group',
      synth: tf({
        'azurerm_resource_group.rg': RG,
        'azurerm_storage_account.sa': { location: '${azurerm_resource_group.rg.location}' },
      }),
      plan: plan([
        { at: 'azurerm_resource_group.rg', values: RG },
        {
          at: 'azurerm_storage_account.sa',
          values: {},
          unknown: { location: true },
          references: { location: ['azurerm_resource_group.rg.location', 'azurerm_resource_group.rg'] },
        },
      ]),
    },
    {
      name: 'variable bounded by a validation to the Norway regions',
      synth: tf(
        { 'azurerm_resource_group.rg': { name: 'rg', location: '${var.region}' } },
        {
          variable: {
            region: {
              type: 'string',
              validation: [
                {
                  condition: '${contains(["norwayeast", "norwaywest"], var.region)}',
                  error_message: 'Norway only',
                },
              ],
            },
          },
        },
      ),
    },
    {
      name: 'resources without a location',
      synth: tf({ 'azurerm_role_assignment.ra': { scope: 'x' } }),
      plan: plan([{ at: 'azurerm_role_assignment.ra', values: { scope: 'x' } }]),
    },
    {
      name: 'global is left to RES-002',
      synth: tf({ 'azurerm_dns_zone.z': { name: 'x', location: 'global' } }),
    },
    {
      name: 'data sources are read, not created',
      synth: tf({ 'data.azurerm_resource_group.ext': { name: 'x', location: 'westeurope' } }),
    },
    {
      name: 'a Norway-only validation, with or without a default',
      ...located(
        `  default = "norwayeast"
  validation {
    condition     = contains(["norwayeast", "norwaywest"], var.region)
    error_message = "Norway only."
  }`,
        { default: 'norwayeast', validation: [{ condition: NORWAY_ONLY, error_message: 'Norway only.' }] },
      ),
    },
    {
      name: 'a validation over lower(var.region)',
      ...located(
        `  validation {
    condition     = contains(["norwayeast"], lower(var.region))
    error_message = "Norway East only."
  }`,
        { validation: [{ condition: '${contains(["norwayeast"], lower(var.region))}', error_message: 'x' }] },
      ),
    },
    {
      name: 'a validation by equality',
      ...located(
        `  validation {
    condition     = var.region == "norwaywest"
    error_message = "Norway West only."
  }`,
        { validation: [{ condition: '${var.region == "norwaywest"}', error_message: 'x' }] },
      ),
    },
    {
      name: 'location from a variable bounded by its validation, and through the resource group',
      hcl: `
variable "region" {
  type = string
  validation {
    condition     = contains(["norwayeast", "norwaywest"], var.region)
    error_message = "Norway only."
  }
}
resource "azurerm_resource_group" "rg" {
  name     = "rg"
  location = var.region
}
resource "azurerm_storage_account" "sa" {
  name     = "sa"
  location = azurerm_resource_group.rg.location
}
`,
    },
  ],
  invalid: [
    {
      name: 'a location written as a list instead of a string',
      messages: ['location is ["norwayeast"], outside Norway (allowed: norwayeast or norwaywest).'],
      synth: tf({ 'azurerm_resource_group.rg': { name: 'rg', location: ['norwayeast'] } }),
      errors: [['RES-001', 'azurerm_resource_group.rg']],
    },
    {
      name: 'literal westeurope, in a child module and for count instances',
      messages: ['location is "westeurope", outside Norway (allowed: norwayeast or norwaywest).'],
      synth: tf({ 'azurerm_resource_group.rg': { name: 'rg', location: 'westeurope' } }),
      plan: plan([
        { at: 'module.net.azurerm_virtual_network.vnet', index: 0, values: { location: 'westeurope' } },
        { at: 'module.net.azurerm_virtual_network.vnet', index: 1, values: { location: 'norwayeast' } },
      ]),
      errors: [['RES-001', 'azurerm_resource_group.rg']],
      planErrors: [['RES-001', 'module.net.azurerm_virtual_network.vnet[0]']],
      message: /outside Norway/,
    },
    {
      name: 'look-alikes and typos',
      messages: [
        'location is "norwayeastt", outside Norway (allowed: norwayeast or norwaywest).',
        'location is "norway-east", outside Norway (allowed: norwayeast or norwaywest).',
        'location is "norwayеast", outside Norway (allowed: norwayeast or norwaywest).',
      ],
      synth: tf({
        'azurerm_resource_group.a': { name: 'a', location: 'norwayeastt' },
        'azurerm_resource_group.b': { name: 'b', location: 'norway-east' },
        'azurerm_resource_group.c': { name: 'c', location: 'norwayеast' },
      }),
      errors: [
        ['RES-001', 'azurerm_resource_group.a'],
        ['RES-001', 'azurerm_resource_group.b'],
        ['RES-001', 'azurerm_resource_group.c'],
      ],
    },
    {
      name: 'unknown location fails closed (variable without validation; unresolvable plan value)',
      messages: [
        'location cannot be verified before apply: var.region has no default and no validation that limits it; a value that cannot be resolved counts as outside Norway.',
      ],
      synth: tf(
        { 'azurerm_resource_group.rg': { name: 'rg', location: '${var.region}' } },
        { variable: { region: { type: 'string' } } },
      ),
      plan: plan([
        { at: 'azurerm_resource_group.rg', index: 'x', values: { name: 'rg' }, unknown: { location: true } },
      ]),
      errors: [['RES-001', 'azurerm_resource_group.rg']],
      planErrors: [['RES-001', 'azurerm_resource_group.rg["x"]']],
      message: /cannot be verified/,
    },
    {
      name: 'a Norway default without a validation',
      messages: [overridable('"norwayeast"')],
      ...located('  default = "norwayeast"', { default: 'norwayeast' }),
      errors: [['RES-001', 'azurerm_resource_group.rg']],
    },
    {
      name: 'a validation whose list also holds another variable restricts nothing',
      messages: [overridable('"norwayeast"')],
      ...located(
        `  default = "norwayeast"
  validation {
    condition     = contains(["norwayeast", var.other], var.region)
    error_message = "x"
  }`,
        {
          default: 'norwayeast',
          validation: [
            { condition: '${contains(["norwayeast", var.other], var.region)}', error_message: 'x' },
          ],
        },
      ),
      errors: [['RES-001', 'azurerm_resource_group.rg']],
    },
    {
      name: 'a validation with "|| true" restricts nothing',
      messages: [unrestricted],
      ...located(
        `  validation {
    condition     = contains(["norwayeast"], var.region) || true
    error_message = "x"
  }`,
        {
          validation: [{ condition: '${contains(["norwayeast"], var.region) || true}', error_message: 'x' }],
        },
      ),
      errors: [['RES-001', 'azurerm_resource_group.rg']],
    },
    {
      name: 'a validation of another variable does not restrict this one',
      messages: [unrestricted],
      ...located(
        `  validation {
    condition     = contains(["norwayeast"], var.other)
    error_message = "x"
  }`,
        { validation: [{ condition: '${contains(["norwayeast"], var.other)}', error_message: 'x' }] },
      ),
      errors: [['RES-001', 'azurerm_resource_group.rg']],
    },
    {
      name: 'a validation that allows a region abroad',
      messages: [
        'location may be "westeurope", outside Norway (var.region is limited by its validation to norwayeast, westeurope).',
      ],
      ...located(
        `  validation {
    condition     = contains(["norwayeast", "westeurope"], var.region)
    error_message = "x"
  }`,
        {
          validation: [
            { condition: '${contains(["norwayeast", "westeurope"], var.region)}', error_message: 'x' },
          ],
        },
      ),
      errors: [['RES-001', 'azurerm_resource_group.rg']],
    },
    {
      name: 'a variable default abroad',
      messages: [
        'location cannot be verified before apply: var.region has a default ' +
          '("swedencentral"), but -var, TF_VAR_region or another tfvars file may set any value; only a validation ' +
          'restricts it: validation { condition = contains(["norwayeast", "norwaywest"], var.region) }; ' +
          'a value that cannot be resolved counts as outside Norway.',
      ],
      hcl: `
variable "region" {
  default = "swedencentral"
}
resource "azurerm_resource_group" "rg" {
  name     = "rg"
  location = var.region
}
`,
      errors: [['RES-001', 'azurerm_resource_group.rg']],
    },
  ],
});

describe('variables of plain Terraform directories', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'variables-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  };
  const residency = () => findingsOf(RES_001, loadHclDirectory(dir));

  it('a tfvars value in Norway is no promise either: -var overrides it', () => {
    write(
      'main.tf',
      'variable "region" {}\nresource "azurerm_resource_group" "rg" {\n  location = var.region\n}\n',
    );
    write('terraform.tfvars', 'region = "norwayeast"\n');
    expect(residency().messages).toEqual([
      'location cannot be verified before apply: var.region is set in a tfvars file ' +
        `("norwayeast"), but -var, TF_VAR_region or another tfvars file may set any value; only a validation ` +
        `restricts it: ${HINT}; a value that cannot be resolved counts as outside Norway.`,
    ]);
  });

  it("a child module's default is fixed by its caller's code, and its own tfvars file is ignored", () => {
    write('main.tf', 'module "m" {\n  source = "./m"\n}\n');
    write(
      'm/main.tf',
      'variable "region" {\n  default = "norwayeast"\n}\nresource "azurerm_resource_group" "rg" {\n  location = var.region\n}\n',
    );
    write('m/terraform.tfvars', 'region = "westeurope"\n');
    expect(residency()).toEqual({ pairs: [], messages: [] });
  });

  it("a child module's input from a root variable with a default is no promise", () => {
    write(
      'main.tf',
      'variable "region" {\n  default = "norwayeast"\n}\nmodule "m" {\n  source = "./m"\n  region = var.region\n}\n',
    );
    write(
      'm/main.tf',
      'variable "region" {}\nresource "azurerm_resource_group" "rg" {\n  location = var.region\n}\n',
    );
    expect(residency().pairs).toEqual([['RES-001', 'module.m.azurerm_resource_group.rg']]);
  });

  it('a list of regions validated element by element places each element', () => {
    write(
      'main.tf',
      `variable "regions" {
  type = list(string)
  validation {
    condition     = alltrue([for r in var.regions : contains(["norwayeast", "norwaywest"], r)])
    error_message = "Norway only."
  }
}
resource "azurerm_resource_group" "rg" {
  location = var.regions[0]
}
`,
    );
    expect(residency()).toEqual({ pairs: [], messages: [] });
  });
});
