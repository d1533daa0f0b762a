// The answer a tape describes (crates/embed/src/tape.rs has the words): the object
// JSON.parse would give for the answer's JSON text, built without the text.
//
// The module's constant text (field names, messages, the rule book's words) lies in its
// data segment, [base, base + size) of its memory, and never changes: each is decoded
// once and kept in `kept` by its address (with its byte length in `lengths`, since two
// constants may start at one address), so an answer mostly reuses strings it has.

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });
let kept = [];
let lengths = new Uint32Array(0);
let base = 0;
let buffer = null;
let u8 = null;
let u32 = null;
let f64 = null;
// Where decoding is: the next word, the next number, the copied text's address.
let w = 0;
let n = 0;
let bytes = 0;

function text() {
  const kind = u32[w];
  const at = u32[w + 1];
  const len = u32[w + 2];
  w += 3;
  if (kind !== 4) return utf8.decode(u8.subarray(bytes + at, bytes + at + len));
  const slot = at - base;
  if (lengths[slot] === len && len !== 0) return kept[slot];
  const s = utf8.decode(u8.subarray(at, at + len));
  kept[slot] = s;
  lengths[slot] = len;
  return s;
}

function value() {
  switch (u32[w]) {
    case 0: w += 1; return null;
    case 1: w += 1; return true;
    case 2: w += 1; return false;
    case 3: w += 1; return f64[n++];
    case 6: {
      w += 1;
      const a = [];
      while (u32[w] !== 8) a.push(value());
      w += 1;
      return a;
    }
    case 7: {
      w += 1;
      const o = {};
      while (u32[w] !== 8) {
        const k = text();
        const v = value();
        // As JSON.parse does: "__proto__" is an own field, not the prototype.
        if (k === '__proto__') {
          Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
        } else {
          o[k] = v;
        }
      }
      w += 1;
      return o;
    }
    default: return text();
  }
}

/** The answer of `count` words at `words`, numbers at `numbers`, copied text at `copied`. */
export function decode(memory, words, count, numbers, copied, dataBase, dataSize) {
  if (memory.buffer !== buffer) {
    buffer = memory.buffer;
    u8 = new Uint8Array(buffer);
    u32 = new Uint32Array(buffer);
    f64 = new Float64Array(buffer);
  }
  if (dataBase !== base || dataSize !== lengths.length) {
    base = dataBase;
    kept = new Array(dataSize).fill(undefined);
    lengths = new Uint32Array(dataSize);
  }
  w = words >>> 2;
  n = numbers >>> 3;
  bytes = copied;
  const end = w + count;
  const answer = value();
  if (w !== end) throw new Error('impower: a damaged answer tape');
  return answer;
}

// The other way: what lib.rs's request reader asks of a JS value, one call per value.

/**
 * What `v` is to JSON.stringify, as lib.rs's `Kind`: 0 left out (undefined, a function, a
 * symbol), 1 null (or a number that is not finite), 2 false, 3 true, 4 a number, 5 a
 * string, 6 a BigInt, 7 an object with a toJSON method, 8 an array, 9 another object,
 * 10 an object whose toJSON cannot be read.
 */
export function kind(v) {
  switch (typeof v) {
    case 'undefined': case 'function': case 'symbol': return 0;
    case 'boolean': return v ? 3 : 2;
    case 'number': return Number.isFinite(v) ? 4 : 1;
    case 'string': return 5;
    case 'bigint': return 6;
    default:
      if (v === null) return 1;
      try {
        if (typeof v.toJSON === 'function') return 7;
      } catch {
        return 10;
      }
      return Array.isArray(v) ? 8 : 9;
  }
}

/** A number's shortest text, as JSON.stringify writes it. */
export function numberText(v) {
  return String(v);
}

export function callToJSON(v) {
  return v.toJSON();
}

/** The Error a refused request throws: the contract's `code`, `message` and `path`. */
export function failure(message, code, path) {
  const e = new Error(message);
  e.code = code;
  e.path = path;
  e.name = 'ImpowerError';
  return e;
}
