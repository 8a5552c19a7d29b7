/**
 * Data stores and web apps as the Azure catalogue decides them. Shared by the exposure, private-endpoint,
 * logging and loss-protection rules so they agree on what a store is.
 */
import { azureType, isDataBearingRole, typesWhere } from '../azure/catalogue';

/** Data stores: hold patient data and are reached over the network. Retired stores are judged alike. */
export const DATA_STORE_TYPES: readonly string[] = typesWhere((e) => e.store === true);

/** Web applications: not stores, but they serve patient data and must not be public either. */
export const WEB_APP_TYPES: readonly string[] = typesWhere((e) => e.webApp === true);

/**
 * Types whose public endpoint must be switched off: every store and web app, and every other type
 * decided to hold data whose bindings have `public_network_access_enabled`.
 */
export const PUBLIC_ACCESS_TYPES: readonly string[] = typesWhere(
  (e) =>
    e.store === true ||
    e.webApp === true ||
    (e.publicNetworkAccess === true && e.decided === 'type' && isDataBearingRole(e.role)),
);

/** Servers that can be injected into a virtual network instead of using private endpoints. */
export const VNET_INJECTED_WITH: Readonly<Record<string, string>> = Object.fromEntries(
  typesWhere((e) => e.vnetInjectedWith !== undefined).map((t) => [t, azureType(t)!.vnetInjectedWith!]),
);
