/** The same rules on plain Terraform (.tf through the HCL loader): blocks, dynamic blocks, lifecycle, variables. */
import { BCK_002 } from '../../policies/rules/backup/bck-002-deletion-protection';
import { ENC_001 } from '../../policies/rules/encryption/enc-001-storage-transport';
import { NET_003 } from '../../policies/rules/network/net-003-management-ports';
import { RES_001 } from '../../policies/rules/residency/res-001-norway-location';
import { RES_004 } from '../../policies/rules/residency/res-004-replication-targets';
import { TFS_002 } from '../../policies/rules/state/tfs-002-no-literal-secrets';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(RES_001, {
  valid: [
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

ruleTester(ENC_001, {
  valid: [{ name: '4.x defaults', hcl: 'resource "azurerm_storage_account" "sa" {\n  name = "sa"\n}\n' }],
  invalid: [
    {
      name: 'the azurerm 3.x name enable_https_traffic_only = false',
      messages: ['enable_https_traffic_only is false.'],
      hcl: 'resource "azurerm_storage_account" "sa" {\n  name = "sa"\n  enable_https_traffic_only = false\n}\n',
      errors: [['ENC-001', 'azurerm_storage_account.sa']],
    },
  ],
});

ruleTester(RES_004, {
  valid: [
    {
      name: 'static geo_location blocks in Norway',
      hcl: `
resource "azurerm_cosmosdb_account" "c" {
  location = "norwayeast"
  geo_location {
    location          = "norwayeast"
    failover_priority = 0
  }
  geo_location {
    location          = "norwaywest"
    failover_priority = 1
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'geo locations from a dynamic block fail closed',
      messages: [
        'geo_location[0].location cannot be verified before apply: geo_location.value refers to geo_location.value, which is not in this configuration; a value that cannot be resolved counts as outside Norway.',
      ],
      hcl: `
variable "regions" {
  default = ["norwayeast"]
}
resource "azurerm_cosmosdb_account" "c" {
  location = "norwayeast"
  dynamic "geo_location" {
    for_each = var.regions
    content {
      location = geo_location.value
    }
  }
}
`,
      errors: [['RES-004', 'azurerm_cosmosdb_account.c']],
    },
  ],
});

ruleTester(NET_003, {
  valid: [
    {
      name: 'SSH from an internal range in an inline rule',
      hcl: `
resource "azurerm_network_security_group" "nsg" {
  security_rule {
    name                       = "ssh"
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_address_prefix      = "10.0.0.0/8"
    destination_port_range     = "22"
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'RDP from the internet in the second inline rule',
      messages: ['security_rule[1] allows inbound from "Internet" to port 3389.'],
      hcl: `
resource "azurerm_network_security_group" "nsg" {
  security_rule {
    name                   = "https"
    direction              = "Inbound"
    access                 = "Allow"
    protocol               = "Tcp"
    source_address_prefix  = "*"
    destination_port_range = "443"
  }
  security_rule {
    name                   = "rdp"
    direction              = "Inbound"
    access                 = "Allow"
    protocol               = "*"
    source_address_prefix  = "Internet"
    destination_port_range = "3389"
  }
}
`,
      errors: [['NET-003', 'azurerm_network_security_group.nsg']],
      message: /security_rule\[1\]/,
    },
  ],
});

ruleTester(BCK_002, {
  valid: [
    {
      name: 'prevent_destroy and a lock on the resource group',
      hcl: `
resource "azurerm_resource_group" "rg" {
  name     = "rg-data"
  location = "norwayeast"
}
resource "azurerm_key_vault" "kv" {
  resource_group_name = azurerm_resource_group.rg.name
  lifecycle {
    prevent_destroy = true
  }
}
resource "azurerm_management_lock" "rg" {
  name       = "keep"
  scope      = azurerm_resource_group.rg.id
  lock_level = "CanNotDelete"
}
`,
    },
  ],
  invalid: [
    {
      name: 'a lock but no prevent_destroy',
      messages: ['no lifecycle.prevent_destroy.'],
      hcl: `
resource "azurerm_key_vault" "kv" {
  resource_group_name = "rg"
}
resource "azurerm_management_lock" "kv" {
  name       = "keep"
  scope      = azurerm_key_vault.kv.id
  lock_level = "CanNotDelete"
}
`,
      errors: [['BCK-002', 'azurerm_key_vault.kv']],
      message: /prevent_destroy/,
    },
  ],
});

ruleTester(TFS_002, {
  valid: [
    {
      name: 'a generated password',
      hcl: 'resource "random_password" "p" {\n  length = 32\n}\nresource "azurerm_mssql_server" "s" {\n  administrator_login_password = random_password.p.result\n}\n',
    },
  ],
  invalid: [
    {
      name: 'a literal password',
      messages: ['administrator_login_password is a secret written as a literal.'],
      hcl: 'resource "azurerm_mssql_server" "s" {\n  administrator_login_password = "Sommer2026!"\n}\n',
      errors: [['TFS-002', 'azurerm_mssql_server.s']],
    },
    {
      name: 'a client secret written into the provider block',
      messages: ['Provider azurerm has client_secret written into the configuration.'],
      hcl: 'provider "azurerm" {\n  features {}\n  client_secret = "abc~secret"\n}\n',
      errors: [['TFS-002', 'provider.azurerm']],
    },
    {
      name: "a literal password in a connection block; a key in a provisioner's connection",
      messages: [
        'connection[0].password is a secret written as a literal.',
        'provisioner.remote-exec[0].connection[0].private_key is a secret written as a literal.',
      ],
      hcl: `resource "null_resource" "deploy" {
  connection {
    type     = "ssh"
    host     = "10.0.0.4"
    password = "Sommer2026!"
  }
  provisioner "remote-exec" {
    inline = ["systemctl restart app"]
    connection {
      host        = "10.0.0.4"
      private_key = "-----BEGIN OPENSSH PRIVATE KEY-----"
    }
  }
}
`,
      errors: [
        ['TFS-002', 'null_resource.deploy'],
        ['TFS-002', 'null_resource.deploy'],
      ],
    },
  ],
});
