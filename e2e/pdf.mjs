// The text of a PDF that Chromium printed (Skia's PDF writer), page by page, for the tests:
// enough of PDF to read what a person would read off the page, nothing more.
//
// Skia writes each object as `N 0 obj … endobj`, streams deflated with a direct /Length,
// text as Type0 fonts with Identity-H glyph codes (`<0026004B> Tj`) and a ToUnicode CMap
// per font, and each run of text between BT and ET, placed by `1 0 0 -1 x y Tm`. A new
// line starts where a run's y differs from the previous run's; runs on one line are joined
// by a space (so table cells stay apart), and the text is read with whitespace collapsed.

import { inflateSync } from 'node:zlib';

/** The objects of a PDF: number → { dict: string, stream?: Buffer (inflated) }. */
function objects(pdf) {
  const text = pdf.toString('latin1');
  const out = new Map();
  const head = /(\d+) 0 obj\s*/g;
  for (let m; (m = head.exec(text)); ) {
    const start = m.index + m[0].length;
    const streamAt = text.indexOf('stream', start);
    const endAt = text.indexOf('endobj', start);
    if (streamAt !== -1 && streamAt < endAt) {
      const dict = text.slice(start, streamAt);
      const length = Number(/\/Length (\d+)(?! 0 R)/.exec(dict)?.[1]);
      let from = streamAt + 'stream'.length;
      if (text[from] === '\r') from++;
      if (text[from] === '\n') from++;
      const raw = pdf.subarray(from, from + length);
      const stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
      out.set(Number(m[1]), { dict, stream });
      head.lastIndex = from + length;
    } else {
      out.set(Number(m[1]), { dict: text.slice(start, endAt) });
      head.lastIndex = endAt;
    }
  }
  return out;
}

const ref = (dict, key) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1]);
const hex = (h) => parseInt(h, 16);

/** A ToUnicode CMap as glyph code → text. */
function cmap(stream) {
  const map = new Map();
  const text = stream.toString('latin1');
  const unicode = (h) => String.fromCharCode(...h.match(/.{4}/g).map(hex));
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, from, to] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(hex(from), unicode(to));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, to] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      for (let c = hex(lo), u = hex(to); c <= hex(hi); c++, u++) map.set(c, String.fromCharCode(u));
    }
  }
  return map;
}

/** The pages of the PDF in order, each as the page object's dictionary. */
function pages(objs) {
  const catalog = [...objs.values()].find((o) => /\/Type \/Catalog/.test(o.dict));
  const out = [];
  const walk = (n) => {
    const o = objs.get(n);
    if (!o) throw new Error(`PDF: object ${n} is missing`);
    if (/\/Type \/Pages/.test(o.dict)) {
      for (const [, kid] of /\/Kids \[([^\]]*)\]/.exec(o.dict)[1].matchAll(/(\d+) 0 R/g)) walk(Number(kid));
    } else out.push(o.dict);
  };
  walk(ref(catalog.dict, 'Pages'));
  return out;
}

/**
 * The text of each page of a PDF printed by Chromium, lines separated by "\n".
 * @param {Buffer} pdf
 * @returns {string[]}
 */
export function pdfText(pdf) {
  const objs = objects(pdf);
  return pages(objs).map((page) => {
    const fonts = new Map();
    const fontDict = /\/Font <<([^>]*)>>/.exec(page)?.[1] ?? '';
    for (const [, name, n] of fontDict.matchAll(/\/(\w+) (\d+) 0 R/g)) {
      const unicode = ref(objs.get(Number(n)).dict, 'ToUnicode');
      fonts.set(name, Number.isNaN(unicode) ? new Map() : cmap(objs.get(unicode).stream));
    }
    const contents = /\/Contents (\d+) 0 R/.exec(page);
    const stream = contents ? objs.get(Number(contents[1])).stream.toString('latin1') : '';
    const lines = [];
    let font = new Map();
    let y = null;
    const ops = /\/(\w+) [\d.]+ Tf|[-\d.]+ [-\d.]+ [-\d.]+ [-\d.]+ [-\d.]+ ([-\d.]+) Tm|<([0-9A-Fa-f]*)> Tj|\bBT\b/g;
    let run = '';
    const flush = () => {
      if (!run) return;
      if (lines.length && y === lines.at(-1).y) lines.at(-1).text += ` ${run}`;
      else lines.push({ y, text: run });
      run = '';
    };
    for (const m of stream.matchAll(ops)) {
      if (m[0] === 'BT') flush();
      else if (m[1]) font = fonts.get(m[1]) ?? new Map();
      else if (m[2] !== undefined) { flush(); y = m[2]; }
      else run += (m[3].match(/.{4}/g) ?? []).map((g) => font.get(hex(g)) ?? '\uFFFD').join('');
    }
    flush();
    // Ligatures (ﬁ, ﬀ …) read as their letters, as a person reads them.
    return lines
      .map((l) => l.text.replace(/[\uFB00-\uFB06]/g, (c) => c.normalize('NFKC')).replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join('\n');
  });
}
