/** msgpack as Terraform writes it, for tests: `ExtEncoder(type, bytes)` stands for an unknown (0, or 12 refined). */
import { encode as plainEncode, ExtData } from '@msgpack/msgpack';

export class ExtEncoder extends ExtData {
  constructor(type: number, data: number[]) {
    super(type, Uint8Array.from(data));
  }
}

export function encode(value: unknown): Uint8Array {
  return plainEncode(value);
}
