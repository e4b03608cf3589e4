// Rust for the editor: a line tokenizer (CodeMirror's StreamLanguage) instead of @codemirror/lang-rust.
// Why: lang-rust's Lezer grammar and LR runtime were about 110 KB of code.js's minified 540 KB, for what
// the editor uses of them: colours, indentation and comment toggling. A tokenizer gives the same
// colours (the tags the highlight style in editor.js names), indents by bracket depth, and knows
// Rust's comments; brackets still match (CodeMirror scans the text when a language has no tree).
import { StreamLanguage } from '@codemirror/language';

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

export const rust = StreamLanguage.define({
  name: 'rust',
  startState: () => ({ string: false, raw: -1, comment: 0, depth: 0, after: '' }),
  copyState: (s) => ({ ...s }),
  token,
  // One unit per bracket open at the start of the line, one less for a line that begins by closing.
  indent(state, textAfter, cx) {
    if (state.string || state.comment) return null;
    const closing = textAfter && CLOSE.includes(textAfter[0]) ? 1 : 0;
    return Math.max(0, state.depth - closing) * cx.unit;
  },
  languageData: {
    commentTokens: { line: '//', block: { open: '/*', close: '*/' } },
    indentOnInput: /^\s*[}\])]$/,
  },
});
