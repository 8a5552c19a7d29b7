/**
 * Policy files for plans and other inputs without constructs: suppressions by address glob, in YAML or JSON.
 *
 *   suppressions:
 *     - ruleId: NET-004
 *       address: module.hub.azurerm_public_ip.bastion
 *       reason: Bastion is the one sanctioned public entry
 *       expires: 2027-06-30
 *
 *   settings:                       # what the access and network rules judge against
 *     homeTenantId: 5b2c6a1e-…
 *     approvedRanges: [203.0.113.0/24]
 *     homePrincipals: [0f6e2d4c-…]   # object ids known to be home-tenant identities
 *
 * Wrong types make the file unusable (exit 2); a short reason, an unknown rule or a past expiry are
 * TFS-003 findings, so they show up in the report next to what they tried to hide. JSON files are read
 * like every other JSON input: a key that appears twice in one object is refused.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { parseJsonText, readText } from '../model/read-json';
import { DeclaredSuppression, InputError } from '../model/types';
import type { PolicySettings } from '../rules/rule';

const entrySchema = z
  .object({
    ruleId: z.string(),
    address: z.string().min(1),
    reason: z.string(),
    expires: z.union([z.string(), z.date()]).optional(),
  })
  .strict();

const guid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'expected a GUID');
const ipv4 = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/, 'expected an IPv4 address or CIDR range');

const settingsSchema = z
  .object({
    homeTenantId: guid.optional(),
    approvedRanges: z.array(ipv4).optional(),
    homePrincipals: z.array(guid).optional(),
    maxSuppressionMonths: z.number().int().min(1).max(12).optional(),
    bootstrapStack: z.string().min(1).optional(),
  })
  .strict();

const policyFileSchema = z
  .object({
    version: z.literal(1).optional(),
    settings: settingsSchema.optional(),
    suppressions: z.array(entrySchema).default([]),
  })
  .strict();

export interface PolicyDocument {
  readonly suppressions: DeclaredSuppression[];
  readonly settings: PolicySettings;
}

export function loadPolicyFile(file: string): DeclaredSuppression[] {
  return loadPolicyDocument(file).suppressions;
}

/** Merge settings of several policy files (and CLI options, last): a later list adds to an earlier one. */
export function mergeSettings(...all: readonly PolicySettings[]): PolicySettings {
  const homeTenants = [
    ...new Set(all.flatMap((s) => (s.homeTenantId ? [s.homeTenantId.toLowerCase()] : []))),
  ];
  if (homeTenants.length > 1)
    throw new InputError(
      'policy settings',
      `two home tenants are configured (${homeTenants.join(', ')}); name one`,
    );
  const bootstraps = [...new Set(all.flatMap((s) => (s.bootstrapStack ? [s.bootstrapStack] : [])))];
  if (bootstraps.length > 1)
    throw new InputError(
      'policy settings',
      `two bootstrap stacks are named (${bootstraps.join(', ')}); exactly one may keep local state`,
    );
  return {
    homeTenantId: homeTenants[0],
    bootstrapStack: bootstraps[0],
    approvedRanges: all.flatMap((s) => s.approvedRanges ?? []),
    homePrincipals: all.flatMap((s) => s.homePrincipals ?? []),
    // The strictest limit wins: one file cannot lengthen what another shortened.
    maxSuppressionMonths: Math.min(12, ...all.map((s) => s.maxSuppressionMonths ?? 12)),
  };
}

export function loadPolicyDocument(file: string): PolicyDocument {
  const text = readText(file);
  let document: unknown;
  if (file.endsWith('.json')) document = parseJsonText(file, text);
  else {
    try {
      document = parseYaml(text, { uniqueKeys: true });
    } catch (error) {
      throw new InputError(file, `cannot parse the policy file: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  const parsed = policyFileSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where =
      issue.path.length > 0
        ? issue.path
            .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
            .join('')
            .replace(/^\./, '')
        : 'top level';
    throw new InputError(
      file,
      `${where}: ${issue.message}; expected { settings?: { homeTenantId, approvedRanges, homePrincipals }, suppressions: [{ ruleId, address, reason, expires: YYYY-MM-DD }] }`,
    );
  }
  const suppressions = parsed.data.suppressions.map((entry, index): DeclaredSuppression => ({
    spec: {
      ruleId: entry.ruleId,
      address: entry.address,
      reason: entry.reason,
      // A YAML 1.1 document (`%YAML 1.1`) reads an unquoted 2027-06-30 as a date; keep the calendar day it names.
      expires: entry.expires instanceof Date ? entry.expires.toISOString().slice(0, 10) : entry.expires,
    },
    origin: { kind: 'file', where: file, index },
  }));
  return { suppressions, settings: parsed.data.settings ?? {} };
}
