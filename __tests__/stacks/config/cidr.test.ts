import fc from 'fast-check';
import { cidrContains, cidrsOverlap, parseCidr, subnetOf } from '../../../stacks/config/cidr';

describe('parseCidr', () => {
  test.each([
    ['10.0.0.0/22', '10.0.0.0/22'],
    [' 10.64.4.0/22 ', '10.64.4.0/22'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    ['192.168.1.7/32', '192.168.1.7/32'],
  ])('accepts %s', (input, canonical) => {
    expect(parseCidr(input).text).toBe(canonical);
  });

  test.each([
    ['10.0.0.0', /not IPv4 CIDR notation/],
    ['10.0.0/22', /invalid IPv4 address/],
    ['10.0.0.256/24', /invalid IPv4 address/],
    ['10.00.0.0/24', /invalid IPv4 address/],
    ['10.0.0.0/33', /prefix \/33/],
    ['fd00::/8', /not IPv4 CIDR notation/],
  ])('fails on %s', (input, message) => {
    expect(() => parseCidr(input)).toThrow(message);
  });

  test('fails when host bits are set, naming the network that was probably meant', () => {
    expect(() => parseCidr('10.0.1.0/22')).toThrow(
      '"10.0.1.0/22" has host bits set; did you mean 10.0.0.0/22?',
    );
  });
});

describe('cidrsOverlap', () => {
  test.each([
    ['10.0.0.0/22', '10.0.3.0/24', true],
    ['10.0.0.0/22', '10.0.4.0/22', false],
    ['10.0.0.0/16', '10.0.255.0/24', true],
    ['10.0.0.0/8', '11.0.0.0/8', false],
    ['0.0.0.0/0', '255.255.255.255/32', true],
    ['10.0.4.0/22', '10.0.0.0/22', false],
  ])('%s and %s → %s', (a, b, expected) => {
    expect(cidrsOverlap(parseCidr(a), parseCidr(b))).toBe(expected);
    expect(cidrsOverlap(parseCidr(b), parseCidr(a))).toBe(expected);
  });

  test('agrees with address-by-address comparison', () => {
    const cidr = fc
      .tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 20, max: 32 }))
      .map(([address, prefix]) => {
        const size = 2 ** (32 - prefix);
        const network = address - (address % size);
        return { network, prefix, size };
      });
    fc.assert(
      fc.property(cidr, cidr, (a, b) => {
        const expected = Math.max(a.network, b.network) < Math.min(a.network + a.size, b.network + b.size);
        return cidrsOverlap({ ...a, text: '' }, { ...b, text: '' }) === expected;
      }),
    );
  });
});

describe('subnetOf and cidrContains', () => {
  test('carves the n-th /24 out of a /22', () => {
    const parent = parseCidr('10.64.4.0/22');
    expect([0, 1, 2, 3].map((i) => subnetOf(parent, 24, i).text)).toEqual([
      '10.64.4.0/24',
      '10.64.5.0/24',
      '10.64.6.0/24',
      '10.64.7.0/24',
    ]);
    expect(cidrContains(parent, subnetOf(parent, 24, 3))).toBe(true);
    expect(cidrContains(subnetOf(parent, 24, 3), parent)).toBe(false);
  });

  test('fails when the index is out of range or the prefix is larger than the parent', () => {
    expect(() => subnetOf(parseCidr('10.0.0.0/22'), 24, 4)).toThrow(
      '10.0.0.0/22 holds 4 subnets of /24; index 4 is out of range',
    );
    expect(() => subnetOf(parseCidr('10.0.0.0/22'), 20, 0)).toThrow('cannot carve a /20 out of 10.0.0.0/22');
  });
});
