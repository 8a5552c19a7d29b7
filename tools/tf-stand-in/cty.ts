/**
 * cty values on the wire: Terraform sends and expects `DynamicValue.msgpack`, in which an unknown value
 * is a msgpack extension (type 0, or 12 for a "refined" unknown that carries hints we ignore) and null
 * is nil. Types travel as the JSON of a cty type: `"string"`, `["list","string"]`, `["object",{...}]`.
 */
import { decode, encode, ExtensionCodec } from '@msgpack/msgpack';

export type CtyType =
  | 'string'
  | 'number'
  | 'bool'
  | 'dynamic'
  | ['list' | 'set' | 'map', CtyType]
  | ['object', { [name: string]: CtyType }];

/** The one unknown value; compared by identity. */
export const UNKNOWN: unique symbol = Symbol('unknown');
export type CtyValue =
  null | string | number | boolean | typeof UNKNOWN | CtyValue[] | { [key: string]: CtyValue };

const UNKNOWN_EXT = 0;
const REFINED_UNKNOWN_EXT = 12;

const codec = new ExtensionCodec();
codec.register({
  type: UNKNOWN_EXT,
  encode: (value) => (value === UNKNOWN ? new Uint8Array([0]) : null),
  decode: () => UNKNOWN,
});
codec.register({
  type: REFINED_UNKNOWN_EXT,
  // Refinements (not null, string prefix, number bounds) only narrow an unknown; it stays unknown here.
  encode: () => null,
  decode: () => UNKNOWN,
});

export function decodeValue(bytes: Uint8Array | undefined | null): CtyValue {
  if (!bytes || bytes.length === 0) return null;
  return decode(bytes, { extensionCodec: codec, useBigInt64: false }) as CtyValue;
}

export function encodeValue(value: CtyValue): Uint8Array {
  return encode(value, { extensionCodec: codec, ignoreUndefined: false, forceIntegerToFloat: false });
}

export function isObject(value: CtyValue): value is { [key: string]: CtyValue } {
  return value !== null && value !== UNKNOWN && typeof value === 'object' && !Array.isArray(value);
}

/** A JSON rendering for diagnostics and tests: unknown becomes the string "(known after apply)". */
export function toJson(value: CtyValue): unknown {
  if (value === UNKNOWN) return '(known after apply)';
  if (Array.isArray(value)) return value.map(toJson);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  return value;
}
