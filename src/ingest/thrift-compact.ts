/**
 * Thrift's compact protocol, the encoding of a Parquet footer: a generic reader and writer that
 * keep every field (known to this code or not) with its id and type, so a footer read and
 * written again without changes is the same bytes. parquet-row-group.ts uses it to cut a file's
 * footer down to one row group.
 */

/** Compact-protocol type ids (the low nibble of a field header). */
export const T = {
  TRUE: 1,
  FALSE: 2,
  BYTE: 3,
  I16: 4,
  I32: 5,
  I64: 6,
  DOUBLE: 7,
  BINARY: 8,
  LIST: 9,
  SET: 10,
  MAP: 11,
  STRUCT: 12,
} as const;

export type TValue = number | bigint | boolean | Uint8Array | TStruct | TList | TMap;
/** A field: i16/i32/byte as number, i64 as bigint, binary as bytes, bool as boolean. */
export interface TField {
  id: number;
  type: number;
  value: TValue;
}
export interface TStruct {
  kind: 'struct';
  fields: TField[];
}
export interface TList {
  kind: 'list';
  elem: number;
  set: boolean;
  items: TValue[];
}
export interface TMap {
  kind: 'map';
  key: number;
  val: number;
  entries: [TValue, TValue][];
}

/** Read one struct starting at `pos`; returns it and the offset just after it. */
export function readStruct(buf: Uint8Array, pos = 0): { value: TStruct; end: number } {
  let p = pos;
  const byte = () => {
    if (p >= buf.length) throw new Error('thrift: unexpected end of data');
    return buf[p++];
  };
  const varint = (): bigint => {
    let r = 0n;
    let s = 0n;
    for (;;) {
      const b = byte();
      r |= BigInt(b & 0x7f) << s;
      if (!(b & 0x80)) return r;
      s += 7n;
      if (s > 70n) throw new Error('thrift: varint too long');
    }
  };
  const zigzag = (): bigint => {
    const v = varint();
    return (v >> 1n) ^ -(v & 1n);
  };
  const read = (type: number, depth: number): TValue => {
    switch (type) {
      case T.TRUE:
      case T.FALSE:
        // In a list or map a boolean is a whole byte: 1 true, anything else false.
        return byte() === 1;
      case T.BYTE:
        return (byte() << 24) >> 24;
      case T.I16:
      case T.I32:
        return Number(zigzag());
      case T.I64:
        return zigzag();
      case T.DOUBLE: {
        if (p + 8 > buf.length) throw new Error('thrift: unexpected end of data');
        const v = new DataView(buf.buffer, buf.byteOffset + p, 8).getFloat64(0, true);
        p += 8;
        return v;
      }
      case T.BINARY: {
        const n = Number(varint());
        if (p + n > buf.length) throw new Error('thrift: unexpected end of data');
        const v = buf.subarray(p, p + n);
        p += n;
        return v;
      }
      case T.LIST:
      case T.SET: {
        const h = byte();
        let n = h >> 4;
        const elem = h & 0x0f;
        if (n === 15) n = Number(varint());
        const items: TValue[] = [];
        for (let i = 0; i < n; i++) items.push(read(elem, depth + 1));
        return { kind: 'list', elem, set: type === T.SET, items };
      }
      case T.MAP: {
        const n = Number(varint());
        if (!n) return { kind: 'map', key: 0, val: 0, entries: [] };
        const kv = byte();
        const entries: [TValue, TValue][] = [];
        for (let i = 0; i < n; i++) {
          const k = read(kv >> 4, depth + 1);
          entries.push([k, read(kv & 0x0f, depth + 1)]);
        }
        return { kind: 'map', key: kv >> 4, val: kv & 0x0f, entries };
      }
      case T.STRUCT:
        return struct(depth + 1);
    }
    throw new Error(`thrift: unknown type ${type}`);
  };
  const struct = (depth: number): TStruct => {
    if (depth > 64) throw new Error('thrift: nested too deeply');
    const fields: TField[] = [];
    let last = 0;
    for (;;) {
      const h = byte();
      if (h === 0) return { kind: 'struct', fields };
      const type = h & 0x0f;
      const delta = h >> 4;
      const id = delta ? last + delta : Number(zigzag());
      last = id;
      const value = type === T.TRUE ? true : type === T.FALSE ? false : read(type, depth);
      fields.push({ id, type, value });
    }
  };
  const value = struct(0);
  return { value, end: p };
}

/** Write a struct (as readStruct gives it) in the compact protocol. */
export function writeStruct(s: TStruct): Uint8Array {
  let out = new Uint8Array(1024);
  let n = 0;
  const room = (k: number) => {
    if (n + k <= out.length) return;
    const bigger = new Uint8Array(Math.max(out.length * 2, n + k));
    bigger.set(out.subarray(0, n));
    out = bigger;
  };
  const push = (b: number) => {
    room(1);
    out[n++] = b;
  };
  const varint = (v: bigint) => {
    do {
      let b = Number(v & 0x7fn);
      v >>= 7n;
      if (v) b |= 0x80;
      push(b);
    } while (v);
  };
  const zigzag = (v: bigint) => varint(v >= 0n ? v << 1n : (-v << 1n) - 1n);
  const write = (type: number, v: TValue) => {
    switch (type) {
      case T.TRUE:
      case T.FALSE:
        push(v ? 1 : 2);
        return;
      case T.BYTE:
        push((v as number) & 0xff);
        return;
      case T.I16:
      case T.I32:
        zigzag(BigInt(v as number));
        return;
      case T.I64:
        zigzag(v as bigint);
        return;
      case T.DOUBLE: {
        room(8);
        new DataView(out.buffer, n, 8).setFloat64(0, v as number, true);
        n += 8;
        return;
      }
      case T.BINARY: {
        const b = v as Uint8Array;
        varint(BigInt(b.length));
        room(b.length);
        out.set(b, n);
        n += b.length;
        return;
      }
      case T.LIST:
      case T.SET: {
        const l = v as TList;
        const len = l.items.length;
        if (len < 15) push((len << 4) | l.elem);
        else {
          push(0xf0 | l.elem);
          varint(BigInt(len));
        }
        for (const it of l.items) write(l.elem, it);
        return;
      }
      case T.MAP: {
        const m = v as TMap;
        varint(BigInt(m.entries.length));
        if (!m.entries.length) return;
        push((m.key << 4) | m.val);
        for (const [k, x] of m.entries) {
          write(m.key, k);
          write(m.val, x);
        }
        return;
      }
      case T.STRUCT:
        struct(v as TStruct);
        return;
    }
    throw new Error(`thrift: unknown type ${type}`);
  };
  const struct = (st: TStruct) => {
    let last = 0;
    for (const f of st.fields) {
      const type = f.type === T.TRUE || f.type === T.FALSE ? (f.value ? T.TRUE : T.FALSE) : f.type;
      const delta = f.id - last;
      if (delta > 0 && delta <= 15) push((delta << 4) | type);
      else {
        push(type);
        zigzag(BigInt(f.id));
      }
      last = f.id;
      if (type !== T.TRUE && type !== T.FALSE) write(type, f.value);
    }
    push(0);
  };
  struct(s);
  return out.slice(0, n);
}

/** A field of a struct by id (undefined when absent). */
export function field(s: TStruct, id: number): TField | undefined {
  return s.fields.find((f) => f.id === id);
}
