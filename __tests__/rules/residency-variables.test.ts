/**
 * Variables are not promises: a root variable's default (or tfvars value) proves nothing, because
 * `-var`, `TF_VAR_<name>` or another tfvars file may set any value; only a validation that restricts
 * it to Norway does, and a validation is read exactly. The same cases in synthesized JSON and in `.tf`.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { loadHclDirectory } from '../../policies/model/load-hcl';
import { RES_001 } from '../../policies/rules/residency/res-001-norway-location';
import { findingsOf, ruleTester, tf } from '../helpers/rule-tester';

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
  ],
  invalid: [
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
