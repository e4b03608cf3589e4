// A small Rust highlighter for the code panes, run at build time. It returns tokens, not HTML:
// the page builds spans with textContent, so no markup string is ever parsed (CSP- and XSS-safe).
// Classes: k keyword, t type, s string, c comment, m macro, n number, f function name, a attribute.

const KEYWORDS = new Set(('as async await break const continue crate dyn else enum extern false fn for if impl in '
  + 'let loop match mod move mut pub ref return self Self static struct super trait true type unsafe use where while')
  .split(' '));

const RULES = [
  ['c', /^\/\/[^\n]*/],
  ['c', /^\/\*[\s\S]*?\*\//],
  ['s', /^"(?:\\.|[^"\\])*"/],
  ['a', /^#!?\[[^\]]*\]/],
  ['m', /^[a-z_][a-z0-9_]*!/],
  ['n', /^\d[\d_]*(?:\.\d+)?/],
  ['w', /^[A-Za-z_][A-Za-z0-9_]*/],
  ['p', /^\s+/],
  ['p', /^./s],
];

/** @returns {Array<[string, string]>} [class, text] pairs; class '' for plain text. */
export function highlightRust(src) {
  const out = [];
  let rest = src;
  let prevWord = '';
  const push = (cls, text) => {
    const last = out[out.length - 1];
    if (last && last[0] === cls) last[1] += text;
    else out.push([cls, text]);
  };
  while (rest.length) {
    for (const [kind, re] of RULES) {
      const m = re.exec(rest);
      if (!m) continue;
      const text = m[0];
      let cls = kind;
      if (kind === 'w') {
        if (KEYWORDS.has(text)) cls = 'k';
        else if (prevWord === 'fn') cls = 'f';
        else if (/^[A-Z]/.test(text)) cls = 't';
        else cls = '';
        prevWord = text;
      } else if (kind === 'p') {
        cls = '';
      } else {
        prevWord = '';
      }
      push(cls, text);
      rest = rest.slice(text.length);
      break;
    }
  }
  return out;
}
