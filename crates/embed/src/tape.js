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
  switch (u32[w++]) {
    case 0: return null;
    case 1: return true;
    case 2: return false;
    case 3: return f64[n++];
    case 6: {
      const a = [];
      while (u32[w] !== 8) a.push(value());
      w += 1;
      return a;
    }
    case 7: {
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
    default:
      w -= 1;
      return text();
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
// read, so that walking the request takes one call, not several per value. What JSON
// cannot carry, or the command line would refuse as text, is refused where it is met,
// by its path (as rules::path writes paths), before anything is copied.

const utf8out = new TextEncoder();
let reqWords = new Uint32Array(256);
let reqText = new Uint8Array(1024);
let used = 0;
let written = 0;
// The UTF-8 length of the request's JSON text so far, as JSON.stringify writes it (no
// spaces), and the most allowed: counted while walking, so that a request too large is
// refused where it passes the limit.
let size = 0;
let most = 0;
// The path of the value being written: at[d] is the key or index of its part d + 1 deep.
const at = [];
// 0, or 1 while a request is walked, 2 once the API was called meanwhile (from a getter
// or toJSON): that call is refused (its words would overwrite the request's), and so is
// the request.
let busy = 0;
// The Error of the last refusal, for lib.rs to throw.
let error;

const UNREADABLE = 'it cannot be read (a getter or Proxy threw): pass plain JSON values';

// A refusal of the value `depth` deep, by its path: `wrong_type` unless `code` says
// otherwise.
class Refused {
  constructor(message, depth, code = 'wrong_type') {
    this.code = code;
    this.message = message;
    this.path = pathOf(depth);
  }
}

// A request too large, named by where counting stopped (the path is the command line's).
function tooLarge(depth) {
  const r = new Refused('', depth, 'out_of_range');
  r.message = `the request is over ${most} bytes as JSON text (counting stopped at ${r.path || 'the request'}): send at most ${most}`;
  r.path = '';
  return r;
}

function put(word) {
  if (used === reqWords.length) {
    const bigger = new Uint32Array(reqWords.length * 2);
    bigger.set(reqWords);
    reqWords = bigger;
  }
  reqWords[used++] = word;
}

// Writes the UTF-8 of `s` as a word of `kind` and counts its JSON text (`quotes`: 2 for
// a string, 0 for a number's digits); the value `depth` deep is refused when that takes
// the text past the limit, or when it is not Unicode text (a lone surrogate).
function putText(kind, s, quotes, depth) {
  const n = s.length;
  let len = n;
  let i = 0;
  // Short ASCII text (keys, names, numbers) is copied a code unit at a time: quicker
  // than a call to encodeInto.
  if (n <= 64 && written + n <= reqText.length) {
    for (let c; i < n && (c = s.charCodeAt(i)) < 0x80; i += 1) reqText[written + i] = c;
  }
  if (i < n) {
    // Each code unit is at least one byte: a string too long is refused unread.
    if (size + n + quotes > most) throw tooLarge(depth);
    if (/\p{Cs}/u.test(s)) {
      throw new Refused('a lone surrogate is not Unicode text: send well-formed strings', depth, 'malformed_json');
    }
    room(n * 3);
    len = utf8out.encodeInto(s, reqText.subarray(written)).written;
  }
  size += len + quotes;
  // What JSON's escapes add: `\n` one byte, `\u0001` five.
  for (i = written; i < written + len; i += 1) {
    const c = reqText[i];
    if (c < 0x20 || c === 0x22 || c === 0x5c) size += c === 0x22 || c === 0x5c || (c > 7 && c < 14 && c !== 11) ? 1 : 5;
  }
  if (size > most) throw tooLarge(depth);
  put(kind);
  put(written);
  put(len);
  written += len;
}

// Makes room for `more` bytes of text.
function room(more) {
  const need = written + more;
  if (need > reqText.length) {
    const bigger = new Uint8Array(Math.max(need, reqText.length * 2));
    bigger.set(reqText.subarray(0, written));
    reqText = bigger;
  }
}

// Writes `v`, the value `depth` deep (at `key`, a key or index, of its parent; '' for
// the request), or throws a Refused. As JSON.stringify does, an object's toJSON is
// called once, with the key, and boxed primitives are their values; unlike it, nothing
// is left out.
function write(v, key, depth, limit) {
  if (typeof v === 'object' && v !== null) {
    let f;
    try {
      f = v.toJSON;
      if (typeof f === 'function') v = f.call(v, String(key));
    } catch {
      throw new Refused(typeof f === 'function' ? 'its toJSON method failed: pass plain JSON values' : UNREADABLE, depth);
    }
  }
  switch (typeof v) {
    case 'boolean': put(v ? 1 : 2); size += v ? 4 : 5; return;
    case 'number':
      if (Number.isFinite(v)) return putText(3, String(v), 0, depth);
      v = null;
      break;
    case 'string': return putText(5, v, 2, depth);
    case 'object': break;
    default: throw new Refused(`expected a JSON value, got ${typeof v === 'undefined' ? 'undefined' : `a ${typeof v}`}: pass plain JSON values`, depth);
  }
  if (v === null) {
    put(0);
    size += 4;
    return;
  }
  if (depth >= limit) throw new Refused('nests too deeply or contains itself: pass plain JSON values', depth);
  let keys;
  let n;
  try {
    // Boxed primitives are their values, as JSON.stringify has them.
    if (v instanceof Number || v instanceof String || v instanceof Boolean || v instanceof BigInt) {
      return write(v.valueOf(), key, depth, limit);
    }
    keys = Array.isArray(v) ? null : Object.keys(v);
    n = keys ? keys.length : v.length;
  } catch (e) {
    throw e instanceof Refused ? e : new Refused(UNREADABLE, depth);
  }
  size += 2;
  put(keys ? 7 : 6);
  for (let i = 0; i < n; i += 1) {
    const k = keys ? keys[i] : i;
    at[depth] = k;
    let item;
    try {
      item = v[k];
    } catch {
      throw new Refused(UNREADABLE, depth + 1);
    }
    if (i > 0) size += 1;
    if (keys) {
      size += 1;
      putText(5, k, 2, depth + 1);
    }
    write(item, k, depth + 1, limit);
    if (size > most) throw tooLarge(depth + 1);
  }
  put(8);
}

// The path of the value `depth` deep as rules::path writes paths: `people[2].name`,
// `fees["a.b"]`.
function pathOf(depth) {
  let path = '';
  for (let d = 0; d < depth; d += 1) {
    const k = at[d];
    path += typeof k === 'number' ? `[${k}]` : /^\w+$/.test(k) ? (path ? `.${k}` : k) : `[${JSON.stringify(k)}]`;
  }
  return path;
}

/**
 * Writes `request` as a tape, at most `largest` bytes of JSON text and `limit` deep;
 * returns its count of words, or -1 when it is refused (`refused()` is then the Error).
 * The text's length is then `encodedText()`, and `take` copies both into the module.
 */
export function encode(request, limit, largest) {
  const reentered = 'impower was called again (from a getter or toJSON) while it read a request: read the values first';
  if (busy) {
    busy = 2;
    error = failure({ code: 'usage', message: reentered, path: '' });
    return -1;
  }
  busy = 1;
  used = 0;
  written = 0;
  size = 0;
  most = largest;
  let r;
  try {
    write(request, '', 0, limit);
  } catch (e) {
    // A throw not met where it was read (the engine's own stack limit).
    r = e instanceof Refused ? e : new Refused(UNREADABLE, 0);
  }
  const again = busy > 1;
  busy = 0;
  if (again) r = { code: 'usage', message: reentered, path: r ? r.path : '' };
  if (!r) return used;
  error = failure(r);
  return -1;
}

/** The Error of the request `encode` refused. */
export function refused() {
  return error;
}

export function encodedText() {
  return written;
}

export function take(memory, words, bytes) {
  new Uint32Array(memory.buffer, words, used).set(reqWords.subarray(0, used));
  new Uint8Array(memory.buffer, bytes, written).set(reqText.subarray(0, written));
}

/** The Error a refused request throws: the contract's `code`, `message` and `path`. */
export function failure({ code, message, path } = {}) {
  const e = new Error(message);
  e.code = code;
  e.path = path;
  e.name = 'ImpowerError';
  return e;
}
