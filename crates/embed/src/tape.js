// The answer a tape describes (crates/embed/src/tape.rs has the words): the object
// JSON.parse would give for the answer's JSON text, built without the text.
//
// The module's constant text (field names, messages, the rule book's words) lies in its
// data segment, [base, base + size) of its memory, and never changes: each is decoded
// once and kept in `kept` by its address (with its byte length in `lengths`, since two
// constants may start at one address), so an answer mostly reuses strings it has.
//
// The words, numbered as tape.rs numbers them: 0 null, 1 true, 2 false, 3 number,
// 4 constant text (address, length), 5 text (offset, length), 6 array, 7 object, 8 end.

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

// The other way: a request, read as JSON.stringify reads a value, written as a tape
// of the same words (strings as offset and length in the UTF-8 `reqText`) for lib.rs to
// read, so that walking the request takes one call, not several per value.

const utf8out = new TextEncoder();
let reqWords = new Uint32Array(256);
let reqText = new Uint8Array(1024);
let used = 0;
let written = 0;

function put(word) {
  if (used === reqWords.length) {
    const bigger = new Uint32Array(reqWords.length * 2);
    bigger.set(reqWords);
    reqWords = bigger;
  }
  reqWords[used++] = word;
}

function putText(kind, s) {
  const n = s.length;
  // Short ASCII text (keys, names, numbers) is copied a code unit at a time: quicker
  // than a call to encodeInto.
  if (n <= 64 && written + n <= reqText.length) {
    let i = 0;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c > 0x7f) break;
      reqText[written + i] = c;
      i += 1;
    }
    if (i === n) {
      put(kind);
      put(written);
      put(n);
      written += n;
      return;
    }
  }
  const need = written + n * 3;
  if (need > reqText.length) {
    const bigger = new Uint8Array(Math.max(need, reqText.length * 2));
    bigger.set(reqText.subarray(0, written));
    reqText = bigger;
  }
  const len = utf8out.encodeInto(s, reqText.subarray(written)).written;
  put(kind);
  put(written);
  put(len);
  written += len;
}

// Refusals, as lib.rs names them.
const UNDEFINED = -1;
const BIGINT = -2;
const TOO_DEEP = -3;
const TO_JSON_FAILED = -4;
const UNREADABLE = -5;

class Refused {
  constructor(code) {
    this.code = code;
  }
}

// Writes `v` and returns true, or returns false when JSON leaves it out (undefined, a
// function, a symbol); throws a Refused.
function write(v, depth, limit) {
  switch (typeof v) {
    case 'undefined': case 'function': case 'symbol': return false;
    case 'boolean': put(v ? 1 : 2); return true;
    case 'number':
      if (Number.isFinite(v)) putText(3, String(v));
      else put(0);
      return true;
    case 'string': putText(5, v); return true;
    case 'bigint': throw new Refused(BIGINT);
    default: break;
  }
  if (v === null) {
    put(0);
    return true;
  }
  if (depth >= limit) throw new Refused(TOO_DEEP);
  let toJSON;
  try {
    toJSON = v.toJSON;
  } catch {
    throw new Refused(UNREADABLE);
  }
  if (typeof toJSON === 'function') {
    let inner;
    try {
      inner = toJSON.call(v);
    } catch {
      throw new Refused(TO_JSON_FAILED);
    }
    return write(inner, depth + 1, limit);
  }
  // Boxed primitives are their values, as JSON.stringify has them.
  if (v instanceof Number) return write(Number(v), depth, limit);
  if (v instanceof String) return write(String(v), depth, limit);
  if (v instanceof Boolean) return write(v.valueOf(), depth, limit);
  if (Array.isArray(v)) {
    put(6);
    for (let i = 0; i < v.length; i += 1) {
      let item;
      try {
        item = v[i];
      } catch {
        throw new Refused(UNREADABLE);
      }
      if (!write(item, depth + 1, limit)) put(0);
    }
    put(8);
    return true;
  }
  put(7);
  for (const key of Object.keys(v)) {
    let item;
    try {
      item = v[key];
    } catch {
      throw new Refused(UNREADABLE);
    }
    const at = used;
    putText(5, key);
    // Left out: the key goes too.
    if (!write(item, depth + 1, limit)) used = at;
  }
  put(8);
  return true;
}

/**
 * Writes `request` as a tape; returns its count of words, or a negative refusal. Its
 * text's length is then `encodedText()`, and `take` copies both into the module.
 */
export function encode(request, limit) {
  used = 0;
  written = 0;
  try {
    return write(request, 0, limit) ? used : UNDEFINED;
  } catch (e) {
    if (e instanceof Refused) return e.code;
    // The engine's own limit (a stack overflow), or a Proxy whose traps throw.
    return e instanceof RangeError ? TOO_DEEP : UNREADABLE;
  }
}

export function encodedText() {
  return written;
}

export function take(memory, words, bytes) {
  new Uint32Array(memory.buffer, words, used).set(reqWords.subarray(0, used));
  new Uint8Array(memory.buffer, bytes, written).set(reqText.subarray(0, written));
}

/** The Error a refused request throws: the contract's `code`, `message` and `path`. */
export function failure(message, code, path) {
  const e = new Error(message);
  e.code = code;
  e.path = path;
  e.name = 'ImpowerError';
  return e;
}
