// review.html (issue 22): many exported applications at once, one row each, in this
// browser. The rows, and the CSV they download as, are what `impower assess --csv`
// prints for the same files, byte for byte: every figure is read from the JS API's
// `assess` answer (embed/impower.js, the rules in WebAssembly), exactly as the Rust
// reads it. Each part below names the Rust it mirrors; change them together.
// Nothing leaves the browser: the only requests are this page's own files.

// The JS API, from beside this page, each file checked against its integrity (written
// in by `cargo xtask post-build`), as embed/impower-ready.js loads the app: the module
// through a <link rel=modulepreload integrity> that must load before it is import()ed,
// the .wasm through fetch()'s integrity.
const API = new URL('embed/impower.js', import.meta.url).href;
const API_INTEGRITY = '@API_INTEGRITY@';
const WASM = new URL('embed/impower_bg.wasm', import.meta.url);
const WASM_INTEGRITY = '@API_WASM_INTEGRITY@';

/** rules::json::MAX_INPUT_BYTES: the most one file may hold. */
const MAX_INPUT_BYTES = 1 << 20;
/** crates/cli/src/batch.rs MAX_FILES: the most files one run checks. */
const MAX_FILES = 100_000;
/** rules::json::parse::MAX_DEPTH. */
const MAX_DEPTH = 64;

/** rules::json::review::COLUMNS, in order, with the words this page heads them with. */
const COLUMNS = [
  ['file', 'File'],
  ['organization', 'Organization'],
  ['rule_book', 'Rule book'],
  ['rule_book_digest', 'Rule book digest'],
  ['ready', 'Ready (C1–C3 all met)'],
  ['C1', 'C1: sponsor and clinical leader'],
  ['C2', 'C2: QI coach'],
  ['C3', 'C3: audits and data'],
  ['team_valid', 'Team complete'],
  ['must_fix', 'Must fix'],
  ['to_check', 'Check'],
  ['to_come', 'To come'],
  ['too_late', 'Too late'],
  ['projects', 'Projects'],
  ['total_usd', 'Fees (USD)'],
  ['total_usd_without_prior', 'Fees if earlier projects did not count (USD)'],
  ['next_cohort', 'Next cohort'],
  ['claim_deadline', 'Claim credit by'],
  ['error', 'Why it could not be read'],
];

// ---- Reading a file: crates/cli/src/main.rs `read_source` ----

/** A refusal: the contract's error `{code, path, message}`. */
const refused = (code, message, path = '') => ({ code, path, message });

/** The text of `file`, read as `read_source` reads a file: at most 1 MiB, then UTF-8. */
async function readText(file) {
  let bytes;
  try {
    bytes = new Uint8Array(await file.slice(0, MAX_INPUT_BYTES + 1).arrayBuffer());
  } catch (e) {
    throw refused('io', `could not read the file: ${e?.message || e}`);
  }
  if (bytes.length > MAX_INPUT_BYTES) {
    throw refused('out_of_range', `the request is over ${MAX_INPUT_BYTES} bytes (reading stopped there): send at most ${MAX_INPUT_BYTES}`);
  }
  try {
    // As String::from_utf8: a byte order mark is a character of the text, kept.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw refused('malformed_json', `the request is not UTF-8 text (invalid bytes at offset ${validUpTo(bytes)}): send one JSON object in UTF-8`);
  }
}

/** Utf8Error::valid_up_to: how many bytes of `b` are valid UTF-8 before the first that is not. */
function validUpTo(b) {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let n;
    let lo = 0x80;
    let hi = 0xbf;
    if (c < 0x80) n = 0;
    else if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) [n, lo, hi] = [2, c === 0xe0 ? 0xa0 : 0x80, c === 0xed ? 0x9f : 0xbf];
    else if (c >= 0xf0 && c <= 0xf4) [n, lo, hi] = [3, c === 0xf0 ? 0x90 : 0x80, c === 0xf4 ? 0x8f : 0xbf];
    else return i;
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return b.length;
}

// ---- rules::json::parse: strict JSON, refused with the Rust reader's words ----
//
// JSON.parse reads what it accepts into the same tree, but says other things where it
// refuses, and takes a key given twice: this walk refuses exactly what `parse` refuses,
// where and in the words it does. What it reads then reaches the rules as JSON.parse
// reads it, which differs from the command line in two corners no exported file has:
// a number is a double (2.9999999999999999 arrives as 3, 1e400 as null, where the
// command line reads the literal as written), and an object's keys that are whole
// numbers come first (so of two unknown keys, another may be named first).

const ESCAPED = '"\\/bfnrt';
const UNESCAPED = '"\\/\b\f\n\r\t';

/** `parse`'s refusal of `text`, or null when it reads it. */
function strictJson(text) {
  let i = 0;
  let duplicate = null;
  // Parser::malformed: where, by line and column (counted in characters).
  const fail = (what) => {
    const before = text.slice(0, i);
    const line = before.split('\n').length;
    const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
    throw refused('malformed_json', `the request is not valid JSON (${what} at line ${line} column ${column}): send one JSON object`);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const digits = () => {
    const start = i;
    while (text[i] >= '0' && text[i] <= '9') i++;
    return i - start;
  };
  const hex4 = () => {
    let n = 0;
    for (let k = 0; k < 4; k++) {
      if (!/^[0-9a-fA-F]$/.test(text[i] ?? '')) fail('expected four hex digits after \\u');
      n = n * 16 + parseInt(text[i++], 16);
    }
    return n;
  };
  const string = () => {
    i++;
    let out = '';
    for (;;) {
      const start = i;
      while (i < text.length && text[i] !== '"' && text[i] !== '\\' && text[i] >= ' ') i++;
      out += text.slice(start, i);
      const c = text[i];
      if (c === undefined) fail('the text ends inside a string');
      if (c === '"') {
        i++;
        return out;
      }
      if (c !== '\\') fail('a control character inside a string');
      i++;
      if (i >= text.length) fail('the text ends inside a string');
      const e = text[i++];
      if (e === 'u') {
        let code = hex4();
        if (code >= 0xd800 && code < 0xdc00) {
          if (text.slice(i, i + 2) !== '\\u') fail('a lone surrogate in \\u escapes');
          i += 2;
          const lo = hex4();
          if (!(lo >= 0xdc00 && lo < 0xe000)) fail('a lone surrogate in \\u escapes');
          code = 0x10000 + ((code - 0xd800) << 10) + (lo - 0xdc00);
        } else if (code >= 0xdc00 && code < 0xe000) {
          fail('a lone surrogate in \\u escapes');
        }
        out += String.fromCodePoint(code);
      } else if (ESCAPED.includes(e)) {
        out += UNESCAPED[ESCAPED.indexOf(e)];
      } else {
        fail('an unknown escape in a string');
      }
    }
  };
  const number = () => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (text[i] >= '1' && text[i] <= '9') digits();
    else fail('expected a digit');
    if (text[i] === '.') {
      i++;
      if (digits() === 0) fail('expected a digit after the decimal point');
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (digits() === 0) fail('expected a digit in the exponent');
    }
  };
  const literal = (word) => {
    if (!text.startsWith(word, i)) fail('expected a value');
    i += word.length;
  };
  const object = (path, depth) => {
    if (depth > MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH} levels`);
    i++;
    const keys = new Set();
    ws();
    if (text[i] === '}') return void i++;
    for (;;) {
      ws();
      if (text[i] !== '"') fail('expected a key in double quotes');
      const k = string();
      if (keys.has(k)) {
        duplicate ??= refused('duplicate_field', `${quote(k)} is given twice in the same object: give each field once`, keyPath(path, k));
      }
      keys.add(k);
      ws();
      if (text[i] !== ':') fail("expected ':' after the key");
      i++;
      ws();
      value(keyPath(path, k), depth);
      ws();
      if (text[i] === ',') i++;
      else if (text[i] === '}') return void i++;
      else fail("expected ',' or '}'");
    }
  };
  const array = (path, depth) => {
    if (depth > MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH} levels`);
    i++;
    let n = 0;
    ws();
    if (text[i] === ']') return void i++;
    for (;;) {
      ws();
      value(`${path}[${n++}]`, depth);
      ws();
      if (text[i] === ',') i++;
      else if (text[i] === ']') return void i++;
      else fail("expected ',' or ']'");
    }
  };
  const value = (path, depth) => {
    const c = text[i];
    if (c === undefined) fail('the text ends where a value should be');
    else if (c === '{') object(path, depth + 1);
    else if (c === '[') array(path, depth + 1);
    else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c >= '0' && c <= '9')) number();
    else fail('expected a value');
  };
  try {
    ws();
    value('', 0);
    ws();
    if (i < text.length) fail('more text after the JSON value');
  } catch (e) {
    if (e?.code === 'malformed_json') return e;
    throw e;
  }
  // Text that is not JSON says so first; only JSON is judged for keys given twice.
  return duplicate;
}

/** rules::path::key: a plain key after a dot, any other as a JSON string in brackets
 *  (escaped as rules::escape::json_string, which is JSON.stringify's escaping). */
function keyPath(prefix, key) {
  if (/^[A-Za-z0-9_]+$/.test(key)) return prefix ? `${prefix}.${key}` : key;
  return `${prefix}[${JSON.stringify(key)}]`;
}

/** rules::error::quote: in double quotes, at most 40 characters, `"`, `\` and control
 *  characters escaped as Rust's char::escape_default writes them. */
function quote(text) {
  let out = '"';
  let n = 0;
  for (const c of text) {
    if (n++ === 40) {
      out += '…';
      break;
    }
    const code = c.codePointAt(0);
    if (c === '"' || c === '\\') out += `\\${c}`;
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
      out += { '\t': '\\t', '\r': '\\r', '\n': '\\n' }[c] ?? `\\u{${code.toString(16)}}`;
    } else out += c;
  }
  return `${out}"`;
}

// ---- The row: rules::json::review ----

/** `refusal`: the error in words, `path: message (code)`. */
function refusal(e) {
  if (e?.code === undefined) return `${e?.message || e}`;
  return `${e.path ? `${e.path}: ` : ''}${e.message} (${e.code})`;
}

/** `organization`: an exported application's `app.organization`, when it is a string. */
function organization(request) {
  const app = isObject(request) ? request.app : undefined;
  return isObject(app) && typeof app.organization === 'string' ? app.organization : null;
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `Label::of`: a finding as the app labels it (web/src/ui.rs `finding_label`), by the
 *  column that counts it; null for a note. */
function label(f) {
  if (f.severity === 'error') {
    if (f.due != null) return 'to_come';
    return f.passed != null ? 'too_late' : 'must_fix';
  }
  return f.severity === 'warning' ? 'to_check' : null;
}

/** `count`: how many findings of every part the app labels `column`. */
function count(a, column) {
  let n = 0;
  for (const part of ['readiness', 'team', 'fees', 'schedule', 'credits']) {
    for (const f of a[part]?.findings ?? []) if (label(f) === column) n++;
  }
  return n;
}

/** `row`: the row of `file` from its `assess` answer `a`, or from the refusal `error`.
 *  Keyed by COLUMNS; null is a blank cell. */
function row(file, org, a, error) {
  const r = Object.fromEntries(COLUMNS.map(([key]) => [key, null]));
  r.file = file;
  r.organization = org;
  if (error) {
    r.error = refusal(error);
    return r;
  }
  // TeamReport::decided: the team has its verdict once nobody waits to be named
  // (Unanswered::Name, written `people[i].name`).
  const decided = (t) => !(t.unanswered ?? []).some((u) => /^people\[\d+\]\.name$/.test(u));
  const commitment = (id) => a.readiness?.commitments.find((c) => c.id === id)?.met ?? null;
  const fees = a.fees;
  const other = fees?.total_usd_without_prior ?? null;
  Object.assign(r, {
    rule_book: a.rule_book.version,
    rule_book_digest: a.rule_book.digest,
    ready: a.readiness ? a.readiness.ready : null,
    C1: commitment('C1'),
    C2: commitment('C2'),
    C3: commitment('C3'),
    team_valid: a.team && decided(a.team) ? a.team.valid : null,
    must_fix: count(a, 'must_fix'),
    to_check: count(a, 'to_check'),
    to_come: count(a, 'to_come'),
    too_late: count(a, 'too_late'),
    projects: fees ? fees.projects.length : null,
    total_usd: fees ? fees.total_usd : null,
    total_usd_without_prior: fees && other !== fees.total_usd ? other : null,
    next_cohort: a.schedule ? a.schedule.cohort.id : null,
    claim_deadline: a.credits ? a.credits.claim_deadline : null,
  });
  return r;
}

/** `Cell::text`: a cell as CSV text: the text, yes/no, the number's digits, or empty. */
function cellText(v) {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}

/** `spreadsheet_text`: a cell that starts with =, +, -, @, tab or CR gets a ' before it. */
const spreadsheetText = (text) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** crates/cli/src/batch.rs `Sink::Csv`: the csv crate with QuoteStyle::Always, every cell
 *  in double quotes (a quote in it doubled), records ended by \n; the header first. */
function csv(rows) {
  const record = (cells) => `${cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')}\n`;
  return record(COLUMNS.map(([key]) => key)) +
    rows.map((r) => record(COLUMNS.map(([key]) => spreadsheetText(cellText(r[key]))))).join('');
}

// ---- The page ----

/** What `review` gives for one file: its row, and what the page adds (not in the CSV):
 *  the app's share code, for "Open summary", and what the file was checked under. */
async function review(file, api) {
  let text;
  try {
    text = await readText(file);
  } catch (e) {
    return { row: row(file.name, null, null, e) };
  }
  const wrong = strictJson(text);
  if (wrong) return { row: row(file.name, null, null, wrong) };
  const request = JSON.parse(text);
  const org = organization(request);
  let answer;
  try {
    answer = api.assess(request);
  } catch (e) {
    return { row: row(file.name, org, null, e) };
  }
  const app = isObject(request) ? request.app : undefined;
  const code = isObject(app) && typeof app.fields === 'string' ? app.fields : null;
  return { row: row(file.name, org, answer, null), code, saved: code === null ? null : savedUnder(code) };
}

/** What a share code (web/src/share.rs) records it was checked under: `{digest}` (the
 *  first 16 hex digits of the rule book's digest, web/src/checked.rs `digest_short`),
 *  `{old: true}` for format 1, which recorded none, or null when it cannot be read.
 *  Format 2 is walked as share.rs `read` reads it, every field skipped, up to the
 *  receipt at its end. */
function savedUnder(code) {
  const dot = code.indexOf('.');
  const format = Number(code.slice(0, dot));
  if (dot < 1 || !Number.isInteger(format) || format < 1) return null;
  if (format === 1) return { old: true };
  if (format > 2) return { newer: format };
  const b = unbase64url(code.slice(dot + 1));
  if (!b) return null;
  let i = 0;
  const byte = () => {
    if (i >= b.length) throw new Error('cut short');
    return b[i++];
  };
  // Reader::len: LEB128, at most five bytes.
  const len = () => {
    let n = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const x = byte();
      n += (x & 0x7f) * 2 ** shift;
      if (!(x & 0x80)) return n;
    }
    throw new Error('too long');
  };
  const str = () => {
    const n = len();
    if (i + n > b.length) throw new Error('cut short');
    i += n;
    return b.subarray(i - n, i);
  };
  try {
    str(); // the organization
    for (let k = 0; k < 5; k++) byte(); // four answers, the coach
    // The success factors (each its code and answer), the roster answers, the edition.
    for (let n = len(); n > 0; n--) byte(), byte();
    byte(), byte();
    str(); // the projects
    for (let n = len(); n > 0; n--) byte(); // the collaboratives
    for (let n = len(); n > 0; n--) {
      // A person: name, hours, flags, QI; roles (role, project); credits (project,
      // stages, joined late).
      str(), str(), byte(), byte();
      for (let r = len(); r > 0; r--) byte(), len();
      for (let c = len(); c > 0; c--) len(), byte(), byte();
    }
    if (byte() === 1) str(); // the price of another edition
    str(), str(), str(); // prior projects, the plan's date, graduation
    for (let n = len(); n > 0; n--) byte(), byte(); // each project's progress
    return { digest: new TextDecoder('utf-8', { fatal: true }).decode(str()) };
  } catch {
    return null;
  }
}

/** share.rs `unbase64url`: URL-safe base64 (`+/` and padding also read), or null. */
function unbase64url(text) {
  const body = text.replace(/=+$/, '');
  if (!/^[A-Za-z0-9\-_+/]*$/.test(body)) return null;
  const bin = atob(body.replaceAll('-', '+').replaceAll('_', '/').padEnd(Math.ceil(body.length / 4) * 4, '='));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** Rust's order of a folder's files (batch.rs sorts their paths): by their UTF-8 bytes. */
function byBytes(x, y) {
  for (let k = 0; k < x.length && k < y.length; k++) if (x[k] !== y[k]) return x[k] - y[k];
  return x.length - y.length;
}

const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};
const hidden = (text) => el('span', { className: 'visually-hidden', textContent: text });

const state = { reviews: [], sort: { key: 'file', dir: 1 }, api: null, digest: '', version: '', busy: false };

/** The columns of numbers (right-aligned). A column sorts by its values: numbers as
 *  numbers, no before yes, text in words order (numbers in it as numbers); blanks last. */
const NUMERIC = new Set(['must_fix', 'to_check', 'to_come', 'too_late', 'projects', 'total_usd', 'total_usd_without_prior']);
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function sorted() {
  const { key, dir } = state.sort;
  const list = state.reviews.map((r, at) => ({ r, at }));
  list.sort((x, y) => {
    const a = x.r.row[key];
    const b = y.r.row[key];
    if (key === 'file') return dir * (x.at - y.at); // read in name order (byte order)
    if (a === null || b === null) return (a === null) - (b === null) || x.at - y.at;
    const by = typeof a === 'string' ? collator.compare(a, b) : Number(a) - Number(b);
    return dir * by || x.at - y.at;
  });
  return list.map((x) => x.r);
}

function head() {
  const tr = $('head');
  tr.replaceChildren(...COLUMNS.map(([key, words]) => {
    const arrow = el('span', { className: 'arrow' });
    arrow.setAttribute('aria-hidden', 'true');
    const button = el('button', { type: 'button', className: 'sort' }, words, arrow);
    button.dataset.key = key;
    button.addEventListener('click', () => {
      state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : 1 };
      render();
      tr.querySelector(`button[data-key="${key}"]`).focus();
    });
    const th = el('th', { scope: 'col' }, button, el('code', { className: 'column', title: 'The CSV column' }, key));
    if (NUMERIC.has(key)) th.classList.add('num');
    return th;
  }));
}

/** The first cell: the file, its Summary link, and what it was saved under. */
function fileCell(r) {
  const th = el('th', { scope: 'row' }, el('span', { className: 'name', textContent: r.row.file }));
  const note = (text, cls = 'row-note') => th.append(el('span', { className: cls, textContent: text }));
  // Its reason, first (the error column, the CSV's last, may be scrolled out of view).
  if (r.row.error !== null) {
    note(`Could not be read: ${r.row.error}`, 'row-note why');
    return th;
  }
  if (r.code === null) {
    note('No summary: the file holds no saved answers of the checker (app.fields).');
  } else if (!/^[0-9]+\.[A-Za-z0-9\-_+/]*=*$/.test(r.code)) {
    note('No summary: its saved answers are damaged.');
  } else {
    // web/src/persist.rs `hash_for`: #<view>?a=<code>; the code's characters need no escape.
    th.append(el('a', { href: `index.html#summary?a=${r.code}`, target: '_blank', rel: 'noopener', className: 'open' },
      'Open summary', hidden(` of ${r.row.organization || r.row.file} (opens in a new tab)`)));
  }
  const s = r.saved;
  if (s?.digest !== undefined && s.digest !== state.digest) {
    note(`Saved under another rule book (sha256:${s.digest}…): re-checked under ${state.version}.`, 'row-note other');
  } else if (s?.old) {
    note('Saved before the checker recorded its rule book: checked under this one.');
  } else if (s?.newer) {
    note(`Saved by a newer version of the checker (format ${s.newer}).`);
  }
  return th;
}

function render() {
  const { key, dir } = state.sort;
  for (const th of $('head').children) {
    const button = th.querySelector('button');
    const on = button.dataset.key === key;
    if (on) th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
    else th.removeAttribute('aria-sort');
    button.querySelector('.arrow').textContent = on ? (dir > 0 ? ' ▲' : ' ▼') : '';
  }
  const words = COLUMNS.find(([k]) => k === key)[1];
  $('caption-text').textContent = `Applications, one row per file, sorted by ${words}, ${dir > 0 ? 'ascending' : 'descending'}`;
  const rows = sorted().map((r) => {
    const tr = el('tr', {}, fileCell(r));
    if (r.row.error !== null) tr.className = 'unread';
    else if (r.saved?.digest !== undefined && r.saved.digest !== state.digest) tr.className = 'other-rules';
    for (const [k] of COLUMNS.slice(1)) {
      const td = el('td', { textContent: cellText(r.row[k]) });
      if (NUMERIC.has(k)) td.className = 'num';
      if (k === 'rule_book_digest') td.className = 'digest';
      tr.append(td);
    }
    return tr;
  });
  $('rows').replaceChildren(...rows);
}

/** Reads `files` (a FileList or an array of File), one at a time, into the table. */
async function open(files) {
  const all = [...files];
  // As a folder on the command line (batch.rs `listing`): the files whose extension is
  // `json`, as Rust's Path::extension reads a name.
  const json = all.filter((f) => /[\s\S]\.json$/.test(f.name));
  const left = all.length - json.length;
  const status = $('status');
  if (json.length > MAX_FILES) {
    status.textContent = `${json.length.toLocaleString('en-US')} files: at most ${MAX_FILES.toLocaleString('en-US')} at a time. Open them in several batches.`;
    return;
  }
  if (json.length === 0) {
    status.textContent = left ? `No .json file among the ${left} chosen: nothing was read.` : 'No file was chosen.';
    return;
  }
  if (state.busy) {
    status.textContent = 'Still reading the files opened before: open these again once it is done.';
    return;
  }
  state.busy = true;
  $('download').disabled = true;
  status.textContent = `Reading ${json.length} files…`;
  const utf8 = new TextEncoder();
  const named = json.map((f) => ({ f, key: utf8.encode(f.name) })).sort((x, y) => byBytes(x.key, y.key));
  const reviews = [];
  try {
    for (const [k, { f }] of named.entries()) {
      reviews.push(await review(f, state.api));
      if (k % 1000 === 999) status.textContent = `Reading… ${k + 1} of ${named.length} files`;
    }
  } finally {
    state.busy = false;
  }
  state.reviews = reviews;
  state.sort = { key: 'file', dir: 1 };
  render();
  $('table-box').hidden = false;
  $('legend').hidden = false;
  $('download').disabled = false;
  const bad = reviews.filter((r) => r.row.error !== null).length;
  const other = reviews.filter((r) => r.saved?.digest !== undefined && r.saved.digest !== state.digest).length;
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  status.textContent = [
    `${plural(reviews.length - bad, 'application', 'applications')} read, ${bad} could not be.`,
    other ? `${plural(other, 'application was', 'applications were')} saved under another rule book: re-checked under this one.` : '',
    left ? `${plural(left, 'file was', 'files were')} left out: not .json.` : '',
  ].filter(Boolean).join(' ');
}

function download() {
  const inOrder = state.reviews.map((r) => r.row);
  const url = URL.createObjectURL(new Blob([csv(inOrder)], { type: 'text/csv;charset=utf-8' }));
  const a = el('a', { href: url, download: 'applications.csv' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A <link> of `rel` to `href` that must match `integrity`, and the promise of its load. */
function checked(rel, href, integrity) {
  const link = Object.assign(document.createElement('link'), { rel, href, integrity });
  return [link, new Promise((ok, fail) => {
    link.onload = ok;
    link.onerror = () => fail(new Error(`${href}: refused`));
  })];
}

async function start() {
  const [preload, preloaded] = checked('modulepreload', API, API_INTEGRITY);
  document.head.append(preload);
  await preloaded;
  const api = await import(API);
  await api.default({ module_or_path: fetch(WASM, { integrity: WASM_INTEGRITY }) });
  const { rule_book } = api.version();
  state.api = api;
  state.version = rule_book.version;
  // web/src/checked.rs `digest_short`: what a share code records.
  state.digest = rule_book.digest.slice(7, 23);
  $('rules').textContent = `Every row is checked here, now, under rule book ${rule_book.version} (${rule_book.digest.slice(0, 23)}…), whatever rules the file was saved under.`;
  head();
  const input = $('files');
  input.disabled = false;
  input.addEventListener('change', () => open(input.files));
  $('download').addEventListener('click', download);
  // A drop anywhere on the page opens the files; the browser never navigates to one.
  const drop = $('drop');
  document.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  document.addEventListener('dragleave', (e) => {
    if (!e.relatedTarget) drop.classList.remove('over');
  });
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer?.files.length) open(e.dataTransfer.files);
  });
}

try {
  await start();
} catch (err) {
  $('rules').textContent = 'The checker could not start. Reload the page to try again.';
  throw err;
}
