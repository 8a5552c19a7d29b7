import { encode } from '@msgpack/msgpack';
import { UNKNOWN, decodeValue, encodeValue, toJson } from '../../../tools/tf-stand-in/cty';

describe('cty msgpack values', () => {
  it('decodes an unknown as extension 0 and a refined unknown as extension 12', () => {
    // fixext1 type 0 (what terraform sends for a plain unknown), ext8 type 12 with refinement bytes
    expect(decodeValue(Uint8Array.from([0xd4, 0x00, 0x00]))).toBe(UNKNOWN);
    expect(decodeValue(Uint8Array.from([0xc7, 0x03, 0x0c, 0x81, 0x01, 0xc3]))).toBe(UNKNOWN);
  });

  it('decodes unknowns nested in objects and lists', () => {
    const bytes = Uint8Array.from([
      0x82, 0xa2, 0x69, 0x64, 0xd4, 0x00, 0x00, 0xa1, 0x6c, 0x91, 0xd4, 0x0c, 0x00,
    ]);
    expect(decodeValue(bytes)).toEqual({ id: UNKNOWN, l: [UNKNOWN] });
  });

  it('encodes an unknown as extension 0 and null as nil', () => {
    expect([...encodeValue(UNKNOWN)]).toEqual([0xd4, 0x00, 0x00]);
    expect([...encodeValue(null)]).toEqual([0xc0]);
    expect([...encodeValue({ a: null })]).toEqual([0x81, 0xa1, 0x61, 0xc0]);
  });

  it('round-trips known values unchanged', () => {
    const value = { name: 'stx', n: 3, f: 1.5, b: false, tags: { a: 'b' }, list: ['x'], none: null };
    expect(decodeValue(encodeValue(value))).toEqual(value);
    expect(decodeValue(encode(value))).toEqual(value);
  });

  it('reads an absent DynamicValue as null', () => {
    expect(decodeValue(new Uint8Array())).toBeNull();
    expect(decodeValue(undefined)).toBeNull();
  });

  it('renders unknowns readably', () => {
    expect(toJson({ id: UNKNOWN, l: [UNKNOWN, 'x'] })).toEqual({
      id: '(known after apply)',
      l: ['(known after apply)', 'x'],
    });
  });
});
