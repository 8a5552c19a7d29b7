/**
 * The configuration's temporary `bootstrapAccess` opening, applied the same way wherever the first
 * deployment needs a data plane before any hub runner exists: the construct's justified
 * `publicNetworkAccess` (a visible warning at synth) and a NET-001 suppression with the configuration's
 * reason and expiry (so every policy report shows it, and it fails once it expires).
 */
import type { IConstruct } from 'constructs';
import { suppress } from '../policies/cdktf/suppress';
import type { BootstrapAccess } from './config/schema';

/** Rules the opening breaks on purpose. */
export const BOOTSTRAP_ACCESS_RULES = ['NET-001'] as const;

/** The `publicNetworkAccess` prop for a Key Vault or storage account, or undefined when there is no opening. */
export function publicNetworkAccessFor(access: BootstrapAccess | undefined) {
  return access
    ? { relaxed: true as const, allowedIpRanges: access.allowedIpRanges, justification: access.justification }
    : undefined;
}

/** Suppress the rules the opening breaks on `targets`, until the opening expires. */
export function suppressBootstrapAccess(access: BootstrapAccess | undefined, ...targets: IConstruct[]): void {
  if (!access) return;
  for (const target of targets) {
    for (const ruleId of BOOTSTRAP_ACCESS_RULES) {
      suppress(target, {
        ruleId,
        reason: `bootstrapAccess: ${access.justification}`,
        expires: access.expires,
      });
    }
  }
}
