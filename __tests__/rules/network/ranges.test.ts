/**
 * policies/rules/network/ranges.ts: how NET-003, NET-007, NET-008 and NET-009 read addresses, sources
 * and port ranges. The reasons end up verbatim in findings, so each case pins the exact sentence.
 */
import type { Resolved } from '../../../policies/model/resolve';
import {
  approvedIntervals,
  coversPort,
  parseIpv4,
  resolvedStrings,
  unapprovedInterval,
  unapprovedSource,
  type Interval,
} from '../../../policies/rules/network/ranges';

/** `a.b.c.d` as the number the intervals hold. */
const ip = (text: string): number => text.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
const span = (start: string, end: string): Interval => ({ start: ip(start), end: ip(end) });

describe('parseIpv4', () => {
  test.each<[string, Interval]>([
    ['1.2.3.4', span('1.2.3.4', '1.2.3.4')],
    ['1.2.3.4/32', span('1.2.3.4', '1.2.3.4')],
    [' 1.2.3.4/24 ', span('1.2.3.0', '1.2.3.255')],
    ['10.1.2.3/8', span('10.0.0.0', '10.255.255.255')],
    ['255.255.255.255', span('255.255.255.255', '255.255.255.255')],
    ['0.0.0.0/0', span('0.0.0.0', '255.255.255.255')],
  ])('%s is an interval', (text, interval) => {
    expect(parseIpv4(text)).toEqual(interval);
  });

  test.each([
    '256.0.0.1',
    '1.2.3.300',
    '1.2.3.4/33',
    '1.2.3.4/99',
    '1234.1.1.1',
    'x1.2.3.4',
    '1.2.3.4x',
    '1.2.3.4/24x',
    '1.2.3',
    '',
    '2001:db8::/32',
  ])('%j is not an IPv4 range', (text) => {
    expect(parseIpv4(text)).toBeUndefined();
  });
});

describe('approvedIntervals', () => {
  test('no ranges approve nothing', () => {
    expect(approvedIntervals(undefined)).toEqual([]);
    expect(approvedIntervals([])).toEqual([]);
  });

  test('entries that do not parse are left out', () => {
    expect(approvedIntervals(['nope', '203.0.113.0/24', '300.1.1.1'])).toEqual([
      span('203.0.113.0', '203.0.113.255'),
    ]);
  });
});

describe('unapprovedSource', () => {
  const approved = approvedIntervals(['203.0.113.0/24']);

  test.each([
    '10.1.2.3',
    '10.0.0.0/8',
    '172.16.5.0/24',
    '192.168.1.1',
    '127.0.0.1',
    '169.254.169.254',
    '100.64.0.0/10',
    '203.0.113.7',
    '203.0.113.0/25',
    ' 203.0.113.0/24 ',
    'VirtualNetwork',
    ' virtualnetwork ',
    'AzureLoadBalancer',
  ])('%j is admitted', (source) => {
    expect(unapprovedSource(source, approved)).toBeUndefined();
  });

  test.each([
    ['*', '"*" (the internet)'],
    ['Any', '"Any" (the internet)'],
    ['any', '"any" (the internet)'],
    ['Internet', '"Internet" (the internet)'],
    [' internet ', '"internet" (the internet)'],
    ['8.8.8.8', '"8.8.8.8" (public, outside the approved ranges)'],
    [' 8.8.8.8 ', '"8.8.8.8" (public, outside the approved ranges)'],
    ['172.32.0.1', '"172.32.0.1" (public, outside the approved ranges)'],
    ['203.0.112.0/23', '"203.0.112.0/23" (public, outside the approved ranges)'],
    ['0.0.0.0/0', '"0.0.0.0/0" (public, outside the approved ranges)'],
    ['2001:db8::/32', '"2001:db8::/32" (IPv6 is not in the approved ranges)'],
    [
      'AzureCloud',
      '"AzureCloud" (a service tag spanning addresses outside the hospital, e.g. Azure worldwide)',
    ],
    [
      'Storage.NorwayEast',
      '"Storage.NorwayEast" (a service tag spanning addresses outside the hospital, e.g. Azure worldwide)',
    ],
    ['9Storage', '"9Storage" (not an address range)'],
    ['Azure Cloud', '"Azure Cloud" (not an address range)'],
    ['Azure-Cloud', '"Azure-Cloud" (not an address range)'],
    ['300.1.1.1', '"300.1.1.1" (not an address range)'],
  ])('%j is refused: %s', (source, reason) => {
    expect(unapprovedSource(source, approved)).toBe(reason);
  });

  test('without approved ranges only private space and local tags are admitted', () => {
    expect(unapprovedSource('203.0.113.7', [])).toBe('"203.0.113.7" (public, outside the approved ranges)');
    expect(unapprovedSource('10.0.0.1', [])).toBeUndefined();
  });
});

describe('unapprovedInterval', () => {
  const approved = approvedIntervals(['203.0.113.0/24']);

  test.each([
    ['10.0.0.1', '10.0.0.9'],
    ['192.168.0.0', '192.168.255.255'],
    ['203.0.113.10', '203.0.113.20'],
    ['203.0.113.5', '203.0.113.5'],
  ])('%s–%s is admitted', (start, end) => {
    expect(unapprovedInterval(start, end, approved)).toBeUndefined();
  });

  test.each([
    ['x', '1.2.3.4', 'x–1.2.3.4 is not an address range'],
    ['1.2.3.4', 'x', '1.2.3.4–x is not an address range'],
    ['1.2.3.9', '1.2.3.1', '1.2.3.9–1.2.3.1 is not an address range'],
    ['0.0.0.0', '0.0.0.0', '0.0.0.0–0.0.0.0 admits every Azure service, in every country'],
    ['0.0.0.0', '0.0.0.5', '0.0.0.0–0.0.0.5 is public and outside the approved ranges'],
    ['10.0.0.0', '11.0.0.0', '10.0.0.0–11.0.0.0 is public and outside the approved ranges'],
    ['203.0.113.200', '203.0.114.1', '203.0.113.200–203.0.114.1 is public and outside the approved ranges'],
    ['8.8.8.8', '8.8.8.8', '8.8.8.8–8.8.8.8 is public and outside the approved ranges'],
  ])('%s–%s is refused', (start, end, reason) => {
    expect(unapprovedInterval(start, end, approved)).toBe(reason);
  });
});

describe('resolvedStrings', () => {
  test.each<[string, Resolved, string[] | undefined]>([
    ['absent', { kind: 'absent' }, []],
    ['one of', { kind: 'oneOf', values: ['22', 3389], reason: 'validation' }, ['22', '3389']],
    ['unknown', { kind: 'unknown', reason: 'computed' }, undefined],
    ['a string', { kind: 'known', value: '22' }, ['22']],
    ['a number', { kind: 'known', value: 22 }, ['22']],
    ['a list', { kind: 'known', value: ['10.0.0.0/8', 443] }, ['10.0.0.0/8', '443']],
    ['an empty list', { kind: 'known', value: [] }, []],
    ['a list holding an object', { kind: 'known', value: ['22', { port: 23 }] }, undefined],
    ['a list holding null', { kind: 'known', value: ['22', null] }, undefined],
    ['an object', { kind: 'known', value: { port: 22 } }, undefined],
    ['a boolean', { kind: 'known', value: true }, undefined],
    ['null', { kind: 'known', value: null }, undefined],
  ])('%s', (_, resolved, strings) => {
    expect(resolvedStrings(resolved)).toEqual(strings);
  });
});

describe('coversPort', () => {
  test.each<[string, number, boolean]>([
    ['22', 22, true],
    [' 22 ', 22, true],
    ['22', 23, false],
    [' 22 ', 23, false],
    ['', 22, false],
    ['  ', 22, false],
    ['*', 22, true],
    ['<unknown>', 3389, true],
    ['20-30', 20, true],
    ['20-30', 30, true],
    ['20 - 30', 25, true],
    ['20-30', 19, false],
    ['20-30', 31, false],
    [' 20-30 ', 31, false],
    // Not a range Azure accepts: open rather than a guess.
    ['x20-30', 40, true],
    ['20-30x', 40, true],
    ['20-30-40', 50, true],
    ['ssh', 22, true],
  ])('%j covers %d: %s', (range, port, covered) => {
    expect(coversPort(range, port)).toBe(covered);
  });
});
