/** policies/cdktf/block-metadata.ts: a block's policy metadata, written where cdktf keeps it for resources and data sources alike. */
import { TerraformStack, Testing } from 'cdktf';
import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import {
  blockBodyPath,
  isTerraformBlock,
  writeBlockMetadata,
  writtenBlockMetadata,
} from '../../policies/cdktf/block-metadata';

function stackWithBlocks() {
  const stack = new TerraformStack(Testing.app(), 'blocks');
  const group = new ResourceGroup(stack, 'rg', { name: 'rg-app', location: 'norwayeast' });
  const client = new DataAzurermClientConfig(stack, 'cc');
  return { stack, group, client };
}

/** The `"//"` of one block in the stack's JSON, as synth writes it (Testing.synth strips `"//"`). */
function metadataIn(stack: TerraformStack, section: 'resource' | 'data', type: string, name: string) {
  const document = stack.toTerraform() as Record<
    string,
    Record<string, Record<string, Record<string, unknown>>>
  >;
  return document[section][type][name]['//'];
}

describe('isTerraformBlock', () => {
  it('is true for resources and data sources, false for the stack', () => {
    const { stack, group, client } = stackWithBlocks();
    expect([isTerraformBlock(group), isTerraformBlock(client), isTerraformBlock(stack)]).toEqual([
      true,
      true,
      false,
    ]);
  });
});

describe('blockBodyPath', () => {
  it('names the section, the type and the name of the block as synthesized', () => {
    const { group, client } = stackWithBlocks();
    expect(blockBodyPath(group)).toBe('resource.azurerm_resource_group.rg');
    expect(blockBodyPath(client)).toBe('data.azurerm_client_config.cc');
  });
});

describe('writeBlockMetadata', () => {
  const site = { file: 'stacks/app.ts', line: 12 };
  const suppressions = [{ ruleId: 'RES-001', reason: 'a reason long enough', expires: '2027-01-31' }];

  it('lands in the block\u2019s own "//" beside cdktf\u2019s metadata, for a resource and a data source', () => {
    const { stack, group, client } = stackWithBlocks();
    writeBlockMetadata(group, 'suppressions', suppressions);
    writeBlockMetadata(client, 'source', site);
    expect(metadataIn(stack, 'resource', 'azurerm_resource_group', 'rg')).toEqual({
      metadata: { path: 'blocks/rg', uniqueId: 'rg' },
      norway_policy: { suppressions },
    });
    expect(metadataIn(stack, 'data', 'azurerm_client_config', 'cc')).toEqual({
      metadata: { path: 'blocks/cc', uniqueId: 'cc' },
      norway_policy: { source: site },
    });
  });

  it('keeps each field, and a later value of a field replaces the earlier one', () => {
    const { stack, client } = stackWithBlocks();
    writeBlockMetadata(client, 'suppressions', []);
    writeBlockMetadata(client, 'source', { file: 'old.ts', line: 1 });
    writeBlockMetadata(client, 'source', site);
    expect(writtenBlockMetadata(stack, 'data.azurerm_client_config.cc')).toEqual({
      norway_policy: { suppressions: [], source: site },
    });
    expect(metadataIn(stack, 'data', 'azurerm_client_config', 'cc')).toEqual({
      metadata: { path: 'blocks/cc', uniqueId: 'cc' },
      norway_policy: { suppressions: [], source: site },
    });
  });
});

describe('writtenBlockMetadata', () => {
  it('is undefined for a block nothing was written for, and for another stack', () => {
    const { stack, group } = stackWithBlocks();
    writeBlockMetadata(group, 'source', { file: 'stacks/app.ts', line: 3 });
    expect(writtenBlockMetadata(stack, 'data.azurerm_client_config.cc')).toBeUndefined();
    expect(
      writtenBlockMetadata(stackWithBlocks().stack, 'resource.azurerm_resource_group.rg'),
    ).toBeUndefined();
  });
});
