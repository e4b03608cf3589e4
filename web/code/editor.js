// The "Your code" editor: a native <textarea> laid exactly over a <pre aria-hidden="true"> that
// draws the same text coloured (rust-mode.js), with line numbers, the current line and the
// interpreter's diagnostics underlined. The textarea keeps what browsers do well and an editor
// library has to redo: undo and redo, IME, screen readers, spellcheck off, phones' keyboards. Its
// text is transparent (its caret and selection are not), so what you see is the <pre> beneath it.
// Why not CodeMirror: it was 290 KB of code.js's minified 344 KB (issues 16/17: the Your code bundle
// must stay under 500 KB gzipped with the interpreter's wasm), for what a learner's short program needs.
//
// The two layers share font, padding, line height, tab size and wrapping (code.css), and one scroller
// holds both: the textarea is as tall as the <pre>, so they never scroll apart.
import { h, nextId } from '../dom.js';
import { tokenize } from './rust-mode.js';

const UNIT = '    ';
/** The most lines an edit of ours inserts with the browser's undoable insertText (see replace). */
const UNDOABLE_LINES = 150;
const CLOSER = { '{': '}', '(': ')', '[': ']' };

/** Where the line holding offset `i` of `text` starts. */
const lineStart = (text, i) => text.lastIndexOf('\n', i - 1) + 1;
/** Where the line holding offset `i` of `text` ends (its '\n', or the end). */
function lineEnd(text, i) {
  const n = text.indexOf('\n', i);
  return n < 0 ? text.length : n;
}

/**
 * The offset in `text` of a 1-based line and a 1-based column counted in characters (Unicode scalar
 * values, as rustc counts them; a textarea counts UTF-16 units), clamped to the text.
 */
export function offsetOf(text, line, column) {
  if (line < 1) return 0;
  let from = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', from);
    if (nl < 0) return text.length;
    from = nl + 1;
  }
  let units = 0;
  let chars = 1;
  for (const ch of text.slice(from, lineEnd(text, from))) {
    if (chars >= column) break;
    units += ch.length;
    chars += 1;
  }
  return from + units;
}

/** Marks `{ from, to, level, message }` for the interpreter's `{ level, message, line, column, endLine, endColumn }`. */
export function toMarks(text, diagnostics) {
  return diagnostics.map((d) => {
    const from = offsetOf(text, d.line, d.column);
    let to = offsetOf(text, d.endLine, d.endColumn);
    if (to <= from) to = from + 1; // a point still gets a visible mark (past a line's end: one blank cell)
    return { from, to, level: d.level === 'error' ? 'error' : 'warning', message: d.message };
  });
}

/** A position after an edit that replaced `[at, oldEnd)` with text ending at `newEnd`. */
const mapPos = (pos, at, oldEnd, newEnd) => (pos <= at ? pos : pos >= oldEnd ? pos + newEnd - oldEnd : at);

/** A marked piece: wavy underline, and its message for the tooltip (Editor.hover). */
const marked = (ms, piece, cls) => h('span', {
  class: [cls, ...ms.map((m) => (m.level ? `ed-lint ed-lint-${m.level}` : 'ed-match'))].join(' ').trim(),
  'data-message': ms.find((m) => m.message)?.message,
}, piece);

/** The `<div>` of one line of the <pre>: its tokens, cut where marks begin and end. */
function drawLine(text, start, tokens, marks) {
  const end = start + text.length;
  const here = marks.filter((m) => m.to > start && m.from <= end);
  const div = h('div');
  if (!here.length) {
    let at = 0;
    for (const [a, b, cls] of tokens) {
      if (a > at) div.append(text.slice(at, a));
      div.append(h('span', { class: cls }, text.slice(a, b)));
      at = b;
    }
    if (at < text.length) div.append(text.slice(at));
    return div;
  }
  // Cut at every token's and mark's edge; each piece gets its token's class and its marks'.
  const cuts = new Set([0, text.length]);
  for (const [a, b] of tokens) cuts.add(a).add(b);
  for (const m of here) cuts.add(Math.max(0, m.from - start)).add(Math.min(text.length, m.to - start));
  const edges = [...cuts].sort((x, y) => x - y);
  let t = 0;
  for (let i = 0; i + 1 < edges.length; i++) {
    const [a, b] = [edges[i], edges[i + 1]];
    while (t < tokens.length && tokens[t][1] <= a) t += 1;
    const cls = tokens[t] && tokens[t][0] <= a ? tokens[t][2] : '';
    const ms = here.filter((k) => k.from - start <= a && k.to - start >= b);
    const piece = text.slice(a, b);
    if (ms.length) div.append(marked(ms, piece, cls));
    else div.append(cls ? h('span', { class: cls }, piece) : piece);
  }
  // A mark at the end of the line (a missing `;`) underlines one blank cell there.
  const atEnd = here.filter((m) => m.from === end && m.level);
  if (atEnd.length) div.append(marked(atEnd, ' ', ''));
  return div;
}

export class Editor {
  /**
   * Creates the editor in `parent`.
   * @param {HTMLElement} parent
   * @param {object} o
   * @param {string} o.doc            the initial program
   * @param {() => void} o.onRun      Ctrl/Cmd+Enter
   * @param {(source: string) => Promise<object[]>} o.check  the interpreter's diagnostics for a source
   * @param {(diagnostics: object[], source: string) => void} [o.onDiagnostics]  after each check
   * @param {() => void} [o.onChange] the text changed
   * @param {number} [o.delay]        ms after the last edit before a check (400)
   */
  constructor(parent, o) {
    this.o = o;
    this.marks = [];
    this.activeLine = -1;
    this.timer = 0;
    this.frame = 0;
    const hint = nextId('editor-keys');
    this.pre = h('pre', { class: 'ed-hl', 'aria-hidden': 'true' });
    // Its text is mirrored as its content too: readers of textContent (and the tests' toContainText)
    // see the program as they saw CodeMirror's.
    this.area = h('textarea', {
      class: 'ed-input', 'aria-label': 'Rust code', 'aria-describedby': hint,
      'aria-keyshortcuts': 'Control+Enter Meta+Enter', spellcheck: 'false', autocapitalize: 'off',
      autocomplete: 'off', autocorrect: 'off', translate: 'no',
    });
    this.area.value = o.doc;
    this.area.textContent = o.doc;
    this.text = o.doc;
    this.box = h('div', { class: 'ed' }, h('div', { class: 'ed-wrap' }, this.pre, this.area));
    parent.replaceChildren(this.box,
      h('p', { class: 'note ed-keys', id: hint }, 'Tab indents, Shift+Tab outdents, Ctrl+/ comments out. To leave the editor with the keyboard, press Esc, then Tab.'));

    const a = this.area;
    a.addEventListener('input', () => this.changed());
    // A long text pasted, dropped or inserted would take the browser seconds (see replace): set at once.
    a.addEventListener('beforeinput', (e) => {
      if (!/^insert(?:Text|FromPaste|FromDrop|ReplacementText)$/.test(e.inputType)) return;
      const text = e.data ?? e.dataTransfer?.getData('text/plain');
      if (!text || text.split('\n').length <= UNDOABLE_LINES) return;
      e.preventDefault();
      this.replace(a.selectionStart, a.selectionEnd, text.replace(/\r\n?/g, '\n'));
    });
    a.addEventListener('keydown', (e) => this.key(e));
    for (const type of ['select', 'selectionchange', 'keyup', 'mouseup', 'focus']) a.addEventListener(type, () => this.follow());
    a.addEventListener('blur', () => { this.escaped = false; });
    // The textarea is as tall as the text, so it should never scroll itself; if the browser scrolls
    // it to show the caret before the <pre> has grown, the scroller takes that scroll over.
    a.addEventListener('scroll', () => {
      if (!a.scrollTop && !a.scrollLeft) return;
      this.box.scrollTop += a.scrollTop;
      a.scrollTop = 0;
      a.scrollLeft = 0;
    });
    // The marks' messages as a tooltip: the <pre> is beneath the textarea, so it cannot have its own.
    a.addEventListener('mousemove', (e) => this.hover(e.clientX, e.clientY));
    this.draw();
    this.schedule();
  }

  /** The program. */
  get value() { return this.area.value; }

  /**
   * Replaces the whole program as an edit: undoable with Ctrl+Z, as typing is. The textarea takes
   * focus for the edit (the browser's undo needs it) and gives it back.
   */
  set value(source) {
    if (source === this.area.value) return;
    let before = document.activeElement;
    while (before && before.shadowRoot && before.shadowRoot.activeElement) before = before.shadowRoot.activeElement;
    this.area.focus({ preventScroll: true });
    this.replace(0, this.area.value.length, source, 0);
    this.box.scrollTop = 0;
    if (before === this.area) return;
    if (before && before !== document.body && before.focus) before.focus({ preventScroll: true });
    else this.area.blur();
  }

  focus() { this.area.focus(); }

  destroy() {
    this.destroyed = true;
    clearTimeout(this.timer);
    cancelAnimationFrame(this.frame);
  }

  /** After any edit (typing, paste, undo, the keys below): marks follow the text, and a check is due. */
  changed() {
    const [old, now] = [this.text, this.area.value];
    this.text = now;
    this.area.textContent = now;
    let at = 0;
    while (at < old.length && at < now.length && old[at] === now[at]) at += 1;
    let tail = 0;
    while (tail < old.length - at && tail < now.length - at && old[old.length - 1 - tail] === now[now.length - 1 - tail]) tail += 1;
    const [oldEnd, newEnd] = [old.length - tail, now.length - tail];
    this.marks = this.marks.map((m) => ({ ...m, from: mapPos(m.from, at, oldEnd, newEnd), to: mapPos(m.to, at, oldEnd, newEnd) }))
      .filter((m) => m.to > m.from);
    // Drawn now, not at the next frame, when it is cheap: the textarea's height follows the <pre>'s,
    // and the browser reveals the caret right after this event.
    if (now.length < 20000) this.draw(true);
    else this.later();
    this.schedule();
    if (this.o.onChange) this.o.onChange();
  }

  later() {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.draw(true));
  }

  /**
   * Redraws the <pre> from the text: the cost is one pass over the program. After an edit (`reveal`)
   * the caret's line is scrolled into view; after a check, the view stays where the reader put it.
   */
  draw(reveal = false) {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    const text = this.area.value;
    const lines = text.split('\n');
    const tokens = tokenize(text);
    // Brackets in strings and comments do not pair with code's.
    this.inert = new Uint8Array(text.length);
    let start = 0;
    lines.forEach((line, i) => {
      for (const [a, b, cls] of tokens[i]) if (cls === 's' || cls === 'c') this.inert.fill(1, start + a, start + b);
      start += line.length + 1;
    });
    this.pair = this.bracketPair();
    const marks = this.pair ? [...this.marks, ...this.pair.map((at) => ({ from: at, to: at + 1 }))] : this.marks;
    start = 0;
    this.pre.replaceChildren(...lines.map((line, i) => {
      const div = drawLine(line, start, tokens[i], marks);
      start += line.length + 1;
      return div;
    }));
    this.box.style.setProperty('--digits', String(Math.max(2, String(lines.length).length)));
    this.activeLine = -1;
    this.follow(reveal);
  }

  /**
   * The bracket next to the caret (after it, else before it) and its partner, as CodeMirror's
   * bracket matching showed them, or null.
   */
  bracketPair() {
    const a = this.area;
    const v = a.value;
    if (a.selectionStart !== a.selectionEnd || v.length > 20000 || !this.inert) return null;
    for (const at of [a.selectionStart, a.selectionStart - 1]) {
      const ch = v[at];
      const i = '([{)]}'.indexOf(ch);
      if (at < 0 || i < 0 || this.inert[at]) continue;
      const [open, close, step] = i < 3 ? [ch, ')]}'[i], 1] : ['([{'[i - 3], ch, -1];
      let depth = 0;
      for (let j = at; j >= 0 && j < v.length; j += step) {
        if (this.inert[j]) continue;
        if (v[j] === open) depth += step;
        else if (v[j] === close) depth -= step;
        if (depth === 0) return [at, j];
      }
      return null;
    }
    return null;
  }

  /** The line with the caret is highlighted, and kept in view after an edit. */
  follow(reveal = false) {
    const a = this.area;
    const pair = this.bracketPair();
    if (String(pair) !== String(this.pair)) {
      this.draw(reveal);
      return;
    }
    const line = a.value.slice(0, a.selectionStart).split('\n').length - 1;
    if (line !== this.activeLine) {
      this.pre.children[this.activeLine]?.classList.remove('active');
      this.pre.children[line]?.classList.add('active');
      this.activeLine = line;
    }
    const div = this.pre.children[line];
    if (reveal && div && this.area.matches(':focus')) {
      const box = this.box;
      const [top, bottom] = [div.offsetTop, div.offsetTop + div.offsetHeight];
      if (top < box.scrollTop) box.scrollTop = top;
      else if (bottom > box.scrollTop + box.clientHeight) box.scrollTop = bottom - box.clientHeight;
    }
  }

  hover(x, y) {
    let title = '';
    for (const span of this.pre.querySelectorAll('.ed-lint')) {
      for (const r of span.getClientRects()) {
        if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) title = span.dataset.message || '';
      }
    }
    if (title) this.area.title = title;
    else this.area.removeAttribute('title');
  }

  /** Checks the text `delay` ms after the last edit; a result for a text edited since is dropped. */
  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.check(), this.o.delay ?? 400);
  }

  async check() {
    const text = this.area.value;
    let found;
    try {
      found = await this.o.check(text);
    } catch (err) {
      console.error('async-playground: the check failed', err);
      return;
    }
    if (this.o.onDiagnostics) this.o.onDiagnostics(found, text);
    if (this.destroyed || this.area.value !== text) return;
    this.marks = toMarks(text, found);
    this.draw();
  }

  /**
   * Replaces `[from, to)` with `text` as the browser's own edit (undoable, with an input event), then
   * selects `[selStart, selEnd]` if given.
   */
  replace(from, to, text, selStart, selEnd = selStart) {
    const a = this.area;
    a.setSelectionRange(from, to);
    // execCommand edits whatever has focus: only the textarea's own (a hidden one cannot take it).
    // Chromium inserts a text's lines one by one, in time that grows faster than their number
    // (200 lines: 0.2 s, 400: 2 s, 1,200: 30 s): a longer text is set at once, and is not undoable.
    const done = a.matches(':focus') && text.split('\n').length <= UNDOABLE_LINES && (from === to && !text ? true
      : document.execCommand(text ? 'insertText' : 'delete', false, text));
    if (!done) {
      // Not focused, too long, or no execCommand: the same change, not undoable.
      a.setRangeText(text, from, to, 'end');
      a.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    }
    if (selStart !== undefined) a.setSelectionRange(selStart, selEnd);
  }

  /**
   * Rewrites each line the selection touches with `f(line)`, keeping the selection on the same
   * text. Returns false when nothing changed.
   */
  lines(f) {
    const a = this.area;
    const v = a.value;
    const [s, e] = [a.selectionStart, a.selectionEnd];
    const from = lineStart(v, s);
    // A selection that ends at the start of a line does not take that line.
    const to = lineEnd(v, e > s && lineStart(v, e) === e ? e - 1 : e);
    const old = v.slice(from, to).split('\n');
    const now = f(old);
    const text = now.join('\n');
    if (text === v.slice(from, to)) return false;
    const first = now[0].length - old[0].length;
    const start = Math.max(from, s + first);
    this.replace(from, to, text, start, Math.max(start, e + text.length - (to - from)));
    return true;
  }

  /** Tab, Shift+Tab, Enter, a closing bracket, Ctrl+/, Ctrl+] and Ctrl+[, Ctrl/Cmd+Enter. */
  key(e) {
    if (e.isComposing || e.keyCode === 229) return;
    const mod = e.ctrlKey || e.metaKey;
    const a = this.area;
    const v = a.value;
    const [s, end] = [a.selectionStart, a.selectionEnd];
    // Escape, then Tab, leaves the editor (as CodeMirror's tab focus mode): keyboard users are not trapped.
    if (e.key === 'Escape') {
      this.escaped = true;
      return;
    }
    if (e.key === 'Tab' && !mod && !e.altKey) {
      if (this.escaped) return;
      e.preventDefault();
      if (e.shiftKey) this.outdent();
      else if (s === end) this.replace(s, s, ' '.repeat(4 - ((s - lineStart(v, s)) % 4)));
      else this.lines((ls) => ls.map((l) => (l.trim() ? UNIT + l : l)));
      return;
    }
    if (e.key !== 'Shift') this.escaped = false;
    if (e.key === 'Enter' && mod) {
      e.preventDefault();
      this.o.onRun();
    } else if (e.key === 'Enter' && !e.shiftKey && !e.altKey) {
      e.preventDefault();
      const ls = lineStart(v, s);
      const indent = v.slice(ls, s).match(/^[ \t]*/)[0];
      const before = v.slice(ls, s).trimEnd();
      const opener = before[before.length - 1];
      const after = v.slice(end).match(/^[ \t]*(.?)/);
      if (CLOSER[opener] && after[1] === CLOSER[opener]) {
        // Between brackets: the body on its own line, the closer on the next at this line's indent.
        const inner = `\n${indent}${UNIT}`;
        this.replace(s, end + after[0].length - 1, `${inner}\n${indent}`, s + inner.length);
      } else this.replace(s, end, `\n${indent}${CLOSER[opener] ? UNIT : ''}`);
    } else if ('}])'.includes(e.key) && e.key.length === 1 && !mod && !e.altKey && s === end) {
      // A closer typed as the first thing on an indented line takes one level off it.
      const ls = lineStart(v, s);
      const indent = v.slice(ls, s);
      if (indent && !indent.trim()) {
        e.preventDefault();
        this.replace(ls, s, indent.slice(0, Math.max(0, indent.length - UNIT.length)) + e.key);
      }
    } else if (mod && !e.altKey && (e.key === '/' || e.code === 'Slash')) {
      e.preventDefault();
      this.toggleComment();
    } else if (mod && !e.altKey && (e.key === ']' || e.key === '[')) {
      e.preventDefault();
      if (e.key === ']') this.lines((ls) => ls.map((l) => (l.trim() ? UNIT + l : l)));
      else this.outdent();
    }
  }

  outdent() { this.lines((ls) => ls.map((l) => l.replace(/^(?: {1,4}|\t)/, ''))); }

  /** Ctrl+/: `// ` before each line at their least indent, or taken off if every line has it. */
  toggleComment() {
    this.lines((ls) => {
      const full = ls.filter((l) => l.trim());
      if (!full.length) return ls;
      if (full.every((l) => /^\s*\/\//.test(l))) return ls.map((l) => l.replace(/^(\s*)\/\/ ?/, '$1'));
      const at = Math.min(...full.map((l) => l.match(/^\s*/)[0].length));
      return ls.map((l) => (l.trim() ? `${l.slice(0, at)}// ${l.slice(at)}` : l));
    });
  }
}

/** Creates the editor in `parent` (see Editor). */
export const createEditor = (parent, o) => new Editor(parent, o);
