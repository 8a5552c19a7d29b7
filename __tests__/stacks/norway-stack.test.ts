/** The base stack's backend and provider: login settings are written only when configured. */
import { App, Testing } from 'cdktf';
import { NorwayStack, StateBackendConfig } from '../../stacks/norway-stack';

const STATE: StateBackendConfig = {
  resourceGroupName: 'rg-state',
  storageAccountName: 'ststate',
  containerName: 'tfstate',
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Terraform JSON is read by path
function synth(state: StateBackendConfig): any {
  const stack = new NorwayStack(new App({ stackTraces: false }), 'base', { region: 'norwayeast', state });
  return JSON.parse(Testing.synth(stack));
}

describe('NorwayStack login settings', () => {
  test.each([
    ['not configured', undefined, undefined],
    ['configured true', true, true],
    ['configured false', false, false],
  ])('useOidc %s: backend and provider carry use_oidc = %s', (_, useOidc, expected) => {
    // GIVEN / WHEN
    const json = synth({ ...STATE, useOidc });
    // THEN
    expect(json.terraform.backend.azurerm.use_oidc).toBe(expected);
    expect(json.provider.azurerm[0].use_oidc).toBe(expected);
    expect('use_oidc' in json.terraform.backend.azurerm).toBe(expected !== undefined);
  });
});
