// Rust for the editor: a line tokenizer, run over the whole program after each edit (programs are
// small: a few hundred lines at most, 64 KB by the interpreter's limit). It gives the code panes'
// colours (editor.js draws them as classes of code.css), knows Rust's nested comments, raw strings
// and lifetimes, and needs no library: CodeMirror's view, state and language packages were about
// 290 KB of code.js's minified 344 KB (see README "The editor").

/** The little of CodeMirror's StringStream the tokenizer uses: one line, `start` and `pos` in it. */
export class Stream {
  constructor(string) {
    Object.assign(this, { string, pos: 0, start: 0 });
  }

  eol() { return this.pos >= this.string.length; }

  next() { return this.pos < this.string.length ? this.string.charAt(this.pos++) : undefined; }

  eatSpace() {
    const from = this.pos;
    while (/\s/.test(this.string.charAt(this.pos))) this.pos += 1;
    return this.pos > from;
  }

  skipToEnd() { this.pos = this.string.length; }

  /** A string or a ^-anchored regexp at `pos`; consumed unless `consume` is false. */
  match(pattern, consume = true) {
    if (typeof pattern === 'string') {
      const ok = this.string.startsWith(pattern, this.pos);
      if (ok && consume) this.pos += pattern.length;
      return ok || null;
    }
    const m = this.string.slice(this.pos).match(pattern);
    if (!m || m.index > 0) return null;
    if (consume) this.pos += m[0].length;
    return m;
  }
}

const KEYWORDS = new Set(('as async await break const continue crate dyn else enum extern fn for if impl in let loop '
  + 'match mod move mut pub ref return self Self static struct super trait type union unsafe use where while yield')
  .split(' '));
const PRIMITIVES = new Set('i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize f32 f64 bool char str'.split(' '));
const NUMBER = /^(?:0x[\da-fA-F_]+|0o[0-7_]+|0b[01_]+|\d[\d_]*(?:\.(?![.a-zA-Z_])\d*)?(?:[eE][+-]?\d[\d_]*)?)(?:[iu](?:8|16|32|64|128|size)|f32|f64)?/;
const OPEN = '([{';
const CLOSE = ')]}';

/** Reads a (possibly multi-line) string body up to its closing quote; `hashes` ≥ 0 for a raw string. */
function stringBody(stream, state) {
  if (state.raw >= 0) {
    const close = `"${'#'.repeat(state.raw)}`;
    while (!stream.eol()) {
      if (stream.match(close)) {
        state.string = false;
        return 'string';
      }
      stream.next();
    }
    return 'string';
  }
  let ch;
  while ((ch = stream.next()) != null) {
    if (ch === '\\') stream.next();
    else if (ch === '"') {
      state.string = false;
      return 'string';
    }
  }
  return 'string'; // the string goes on at the next line
}

/** A block comment, which nests in Rust. */
function blockComment(stream, state) {
  while (!stream.eol()) {
    if (stream.match('/*')) state.comment += 1;
    else if (stream.match('*/')) state.comment -= 1;
    else stream.next();
    if (state.comment === 0) break;
  }
  return 'comment';
}

function token(stream, state) {
  if (state.string) return stringBody(stream, state);
  if (state.comment) return blockComment(stream, state);
  if (stream.eatSpace()) return null;
  if (stream.match('//')) {
    stream.skipToEnd();
    return 'comment';
  }
  if (stream.match('/*')) {
    state.comment = 1;
    return blockComment(stream, state);
  }
  // Strings: "…", b"…", r"…", r#"…"#, br#"…"#.
  const raw = stream.match(/^b?r(#*)"/);
  if (raw) {
    Object.assign(state, { string: true, raw: raw[1].length });
    return stringBody(stream, state);
  }
  if (stream.match(/^b?"/)) {
    Object.assign(state, { string: true, raw: -1 });
    return stringBody(stream, state);
  }
  // 'x', '\n', b'x' are characters; 'a (not closed right after) is a lifetime or a label.
  if (stream.match(/^b?'(?:\\(?:x[\da-fA-F]{2}|u\{[\da-fA-F_]*\}|.)|[^\\'])'/u)) return 'character';
  if (stream.match(/^'[A-Za-z_]\w*/)) return 'labelName';
  if (stream.match(/^#!?\[/)) {
    // An attribute, to its closing bracket on this line (#[derive(Debug)], #[tokio::main]).
    let depth = 1;
    while (depth && !stream.eol()) {
      const ch = stream.next();
      if (ch === '[') depth += 1;
      else if (ch === ']') depth -= 1;
    }
    return 'meta';
  }
  if (stream.match(NUMBER)) return 'number';
  const word = stream.match(/^(?:r#)?[A-Za-z_]\w*/);
  if (word) {
    const w = word[0];
    const after = state.after;
    state.after = w;
    if (stream.match(/^!(?!=)/)) return 'macroName';
    if (w === 'true' || w === 'false') return 'bool';
    if (KEYWORDS.has(w)) return 'keyword';
    if (PRIMITIVES.has(w) || /^[A-Z]/.test(w)) return 'typeName';
    if (after === 'fn') return 'variableName.function.definition';
    if (stream.match(/^::(?!<)/, false)) return 'namespace';
    if (stream.match(/^\s*\(/, false)) return after === '.' ? 'propertyName.function' : 'variableName.function';
    return after === '.' ? 'propertyName' : 'variableName';
  }
  const ch = stream.next();
  state.after = ch;
  if (OPEN.includes(ch)) state.depth += 1;
  else if (CLOSE.includes(ch)) state.depth = Math.max(0, state.depth - 1);
  return null;
}

/** The state at the start of a program; the tokenizer carries it from line to line. */
export const startState = () => ({ string: false, raw: -1, comment: 0, depth: 0, after: '' });

export { token };

/** The class (code.css `.ed-hl .k` …) of a token style: the colours of the code panes (styles.css .tok-*). */
function classOf(style) {
  if (!style) return '';
  if (style.includes('.function')) return 'f';
  return CLASS[style] || '';
}
const CLASS = {
  keyword: 'k', typeName: 't', namespace: 't', string: 's', character: 's', comment: 'c',
  macroName: 'm', number: 'n', bool: 'n', meta: 'a',
};

/**
 * The coloured tokens of each line of `source`: an array per line of `[from, to, class]`, columns in
 * UTF-16 units of that line, uncoloured text left out.
 */
export function tokenize(source) {
  const state = startState();
  return source.split('\n').map((line) => {
    const s = new Stream(line);
    const out = [];
    while (!s.eol()) {
      const cls = classOf(token(s, state));
      if (s.pos === s.start) s.pos += 1; // never stall on a character no rule takes
      if (cls) out.push([s.start, s.pos, cls]);
      s.start = s.pos;
    }
    return out;
  });
}
