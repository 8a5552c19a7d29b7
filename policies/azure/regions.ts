/**
 * Every public Azure region, by programmatic name (`westeurope`) and display name (`West Europe`), so a
 * region written anywhere, in either spelling, can be recognised as a place. Sovereign clouds (US Gov,
 * China) are not listed: a provider pointed at them is judged by its `environment`, not by region names.
 */
import { normaliseLocation } from '../../constructs/core/region';

export interface AzureRegion {
  readonly name: string;
  readonly displayName: string;
  /** One of the two regions in Norway. */
  readonly norway?: true;
}

/** [programmatic name, display name]; Norway's two are marked below. */
const REGIONS: readonly (readonly [string, string])[] = [
  ['australiacentral', 'Australia Central'],
  ['australiacentral2', 'Australia Central 2'],
  ['australiaeast', 'Australia East'],
  ['australiasoutheast', 'Australia Southeast'],
  ['austriaeast', 'Austria East'],
  ['belgiumcentral', 'Belgium Central'],
  ['brazilsouth', 'Brazil South'],
  ['brazilsoutheast', 'Brazil Southeast'],
  ['canadacentral', 'Canada Central'],
  ['canadaeast', 'Canada East'],
  ['centralindia', 'Central India'],
  ['centralus', 'Central US'],
  ['centraluseuap', 'Central US EUAP'],
  ['chilecentral', 'Chile Central'],
  ['denmarkeast', 'Denmark East'],
  ['eastasia', 'East Asia'],
  ['eastus', 'East US'],
  ['eastus2', 'East US 2'],
  ['eastus2euap', 'East US 2 EUAP'],
  ['francecentral', 'France Central'],
  ['francesouth', 'France South'],
  ['germanynorth', 'Germany North'],
  ['germanywestcentral', 'Germany West Central'],
  ['indonesiacentral', 'Indonesia Central'],
  ['israelcentral', 'Israel Central'],
  ['italynorth', 'Italy North'],
  ['japaneast', 'Japan East'],
  ['japanwest', 'Japan West'],
  ['jioindiacentral', 'Jio India Central'],
  ['jioindiawest', 'Jio India West'],
  ['koreacentral', 'Korea Central'],
  ['koreasouth', 'Korea South'],
  ['malaysiawest', 'Malaysia West'],
  ['mexicocentral', 'Mexico Central'],
  ['newzealandnorth', 'New Zealand North'],
  ['northcentralus', 'North Central US'],
  ['northeurope', 'North Europe'],
  ['norwayeast', 'Norway East'],
  ['norwaywest', 'Norway West'],
  ['polandcentral', 'Poland Central'],
  ['qatarcentral', 'Qatar Central'],
  ['southafricanorth', 'South Africa North'],
  ['southafricawest', 'South Africa West'],
  ['southcentralus', 'South Central US'],
  ['southeastasia', 'Southeast Asia'],
  ['southindia', 'South India'],
  ['spaincentral', 'Spain Central'],
  ['swedencentral', 'Sweden Central'],
  ['swedensouth', 'Sweden South'],
  ['switzerlandnorth', 'Switzerland North'],
  ['switzerlandwest', 'Switzerland West'],
  ['uaecentral', 'UAE Central'],
  ['uaenorth', 'UAE North'],
  ['uksouth', 'UK South'],
  ['ukwest', 'UK West'],
  ['westcentralus', 'West Central US'],
  ['westeurope', 'West Europe'],
  ['westindia', 'West India'],
  ['westus', 'West US'],
  ['westus2', 'West US 2'],
  ['westus3', 'West US 3'],
];

const NORWAY = new Set(['norwayeast', 'norwaywest']);

export const AZURE_REGIONS: readonly AzureRegion[] = REGIONS.map(([name, displayName]) =>
  NORWAY.has(name) ? { name, displayName, norway: true } : { name, displayName },
);

const BY_NAME: ReadonlyMap<string, AzureRegion> = new Map(AZURE_REGIONS.map((r) => [r.name, r]));

/**
 * The region a string names, in either spelling, after the provider's normalisation (lower-case, spaces
 * removed: `West Europe` → `westeurope`); undefined when it names none.
 */
export function azureRegion(value: string): AzureRegion | undefined {
  return BY_NAME.get(normaliseLocation(value));
}
