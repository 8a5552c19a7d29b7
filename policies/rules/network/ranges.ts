/**
 * Network sources as the access rules judge them: private space and the approved public ranges are
 * admitted; every other public address, `*`, `Internet` and service tags that span Azure are not.
 * Plain IPv4 arithmetic over address intervals (no cdktf, no configuration module), and the port
 * ranges of security rules.
 */
import type { Resolved } from '../../model/resolve';

export interface Interval {
  readonly start: number;
  /** Inclusive. */
  readonly end: number;
}

/** Private, loopback, link-local and shared (CGNAT) IPv4 space: never the internet. */
const PRIVATE_RANGES: readonly Interval[] = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '100.64.0.0/10',
].map((text) => parseIpv4(text) as Interval);

/** Service tags that only ever name the network itself or Azure's own probes. */
const LOCAL_TAGS = new Set(['virtualnetwork', 'azureloadbalancer']);

/** `a.b.c.d`, `a.b.c.d/n` (host bits allowed, as Azure masks them) → the interval; anything else undefined. */
export function parseIpv4(text: string): Interval | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  if (octets.some((o) => o > 255)) return undefined;
  const prefix = match[5] === undefined ? 32 : Number(match[5]);
  if (prefix > 32) return undefined;
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - prefix);
  const start = address - (address % size);
  return { start, end: start + size - 1 };
}

const inside = (inner: Interval, outer: Interval) => inner.start >= outer.start && inner.end <= outer.end;

/** The approved ranges as intervals; entries that do not parse are left out (and admit nothing). */
export function approvedIntervals(ranges: readonly string[] | undefined): Interval[] {
  return (ranges ?? []).flatMap((r) => {
    const interval = parseIpv4(r);
    return interval ? [interval] : [];
  });
}

/**
 * Why a source is not admitted, or undefined when it is (private space, the virtual network, or inside
 * an approved range). `*`, `Internet`, `AzureCloud` and every other service tag span addresses abroad.
 */
export function unapprovedSource(source: string, approved: readonly Interval[]): string | undefined {
  const text = source.trim();
  const lower = text.toLowerCase();
  if (LOCAL_TAGS.has(lower)) return undefined;
  if (lower === '*' || lower === 'any' || lower === 'internet')
    return `${JSON.stringify(text)} (the internet)`;
  const interval = parseIpv4(text);
  if (!interval) {
    if (text.includes(':')) return `${JSON.stringify(text)} (IPv6 is not in the approved ranges)`;
    if (/^[A-Za-z][A-Za-z0-9.]*$/.test(text))
      return `${JSON.stringify(text)} (a service tag spanning addresses outside the hospital, e.g. Azure worldwide)`;
    return `${JSON.stringify(text)} (not an address range)`;
  }
  if (PRIVATE_RANGES.some((p) => inside(interval, p))) return undefined;
  if (approved.some((a) => inside(interval, a))) return undefined;
  return `${JSON.stringify(text)} (public, outside the approved ranges)`;
}

/** Why the address interval `start`–`end` is not admitted, or undefined when it lies inside an approved range. */
export function unapprovedInterval(
  start: string,
  end: string,
  approved: readonly Interval[],
): string | undefined {
  const a = parseIpv4(start);
  const b = parseIpv4(end);
  if (!a || !b || a.start > b.end) return `${start}–${end} is not an address range`;
  if (a.start === 0 && b.end === 0) return `${start}–${end} admits every Azure service, in every country`;
  const interval = { start: a.start, end: b.end };
  if (PRIVATE_RANGES.some((p) => inside(interval, p))) return undefined;
  if (approved.some((r) => inside(interval, r))) return undefined;
  return `${start}–${end} is public and outside the approved ranges`;
}

/** Strings of a value that may be a string or a list (a rule's prefixes, ports); undefined when unknown. */
export function resolvedStrings(resolved: Resolved): string[] | undefined {
  if (resolved.kind === 'absent') return [];
  if (resolved.kind === 'oneOf') return resolved.values.map(String);
  if (resolved.kind === 'unknown') return undefined;
  const value = resolved.value;
  if (Array.isArray(value))
    return value.every((v) => typeof v === 'string' || typeof v === 'number') ? value.map(String) : undefined;
  return typeof value === 'string' || typeof value === 'number' ? [String(value)] : undefined;
}

/** Whether a port range expression (`22`, `20-30`, `*`, unknown) includes `port`. */
export function coversPort(range: string, port: number): boolean {
  const text = range.trim();
  // Plans list both the single and the list attribute; the unused one is an empty string.
  if (text === '') return false;
  if (text === '*' || text === '<unknown>') return true;
  const single = /^(\d+)$/.exec(text);
  if (single) return Number(single[1]) === port;
  const span = /^(\d+)\s*-\s*(\d+)$/.exec(text);
  if (span) return Number(span[1]) <= port && port <= Number(span[2]);
  // Anything else is not a port range Azure accepts; treat it as open rather than guess.
  return true;
}
