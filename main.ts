/** Builds the app from the embedded default configuration and synthesizes every stack. */
import { App } from 'cdktf';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { NORWAY_EAST } from './constructs/core/region';
import { NorwayStack } from './stacks/norway-stack';

const app = new App();
const stack = new NorwayStack(app, 'bootstrap', { region: NORWAY_EAST, bootstrap: true });
const rg = new ResourceGroup(stack, 'rg', { name: 'rg-tfstate-norwayeast', location: NORWAY_EAST });
new VirtualNetwork(stack, 'vnet', {
  name: 'vnet-hub-norwayeast',
  location: rg.location,
  resourceGroupName: rg.name,
  addressSpace: ['10.0.0.0/16'],
});
new StorageAccount(stack, 'state', {
  name: 'sttfstatenoe001',
  location: rg.location,
  resourceGroupName: rg.name,
  accountTier: 'Standard',
  accountReplicationType: 'GZRS',
  httpsTrafficOnlyEnabled: true,
  minTlsVersion: 'TLS1_2',
  publicNetworkAccessEnabled: false,
  sharedAccessKeyEnabled: false,
  allowNestedItemsToBePublic: false,
});
app.synth();
