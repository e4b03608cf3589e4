// The "Your code" editor: CodeMirror 6 with Rust highlighting in the site's own token colours, the
// interpreter's diagnostics underlined (diagnostics.js), and Ctrl/Cmd+Enter to run.
import { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection } from '@codemirror/view';
import { EditorState, Prec } from '@codemirror/state';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { HighlightStyle, syntaxHighlighting, bracketMatching, indentOnInput } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';
import { rust } from './rust-mode.js';
import { checker } from './diagnostics.js';

// The same CSS custom properties as the code panes (styles.css), so light/dark and embedders' themes
// apply to the editor too.
const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.moduleKeyword, t.definitionKeyword, t.self], color: 'var(--ap-tok-k)' },
  { tag: [t.typeName, t.className, t.namespace], color: 'var(--ap-tok-t)' },
  { tag: [t.string, t.character, t.special(t.string)], color: 'var(--ap-tok-s)' },
  { tag: [t.comment, t.lineComment, t.blockComment, t.docComment], color: 'var(--ap-tok-c)', fontStyle: 'italic' },
  { tag: [t.macroName], color: 'var(--ap-tok-m)' },
  { tag: [t.number, t.bool], color: 'var(--ap-tok-n)' },
  { tag: [t.function(t.variableName), t.function(t.propertyName)], color: 'var(--ap-tok-f)' },
  { tag: [t.attributeName, t.meta], color: 'var(--ap-tok-a)' },
]);

const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--ap-code-bg)', color: 'var(--ap-fg)', border: '1px solid var(--ap-border)', borderRadius: 'var(--ap-radius, 6px)' },
  '&.cm-focused': { outline: '2px solid var(--ap-focus)', outlineOffset: '1px' },
  '.cm-scroller': { fontFamily: 'var(--ap-mono)', fontSize: '0.875rem', lineHeight: '1.5' },
  '.cm-content': { caretColor: 'var(--ap-fg)' },
  '.cm-cursor': { borderLeftColor: 'var(--ap-fg)' },
  '.cm-gutters': { backgroundColor: 'var(--ap-surface)', color: 'var(--ap-muted)', borderRight: '1px solid var(--ap-border)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--ap-accent) 8%, transparent)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'color-mix(in srgb, var(--ap-accent) 30%, transparent)' },
  // A wavy text decoration, not an image: a strict CSP (img-src falling back to 'self') refuses the
  // data: SVG squiggles that @codemirror/lint drew.
  '.cm-lintRange': { textDecorationLine: 'underline', textDecorationStyle: 'wavy', textDecorationSkipInk: 'none', textUnderlineOffset: '3px' },
  '.cm-lintRange-error': { textDecorationColor: 'var(--ap-bad)' },
  '.cm-lintRange-warning': { textDecorationColor: 'var(--ap-pending)' },
});

/**
 * The offset in `doc` of a 1-based line and a 1-based column counted in characters (Unicode scalar
 * values, as rustc counts them; CodeMirror counts UTF-16 units), clamped to the document.
 */
export function offsetOf(doc, line, column) {
  if (line < 1) return 0;
  if (line > doc.lines) return doc.length;
  const l = doc.line(line);
  let units = 0;
  let chars = 1;
  for (const ch of l.text) {
    if (chars >= column) break;
    units += ch.length;
    chars += 1;
  }
  return l.from + units;
}

/** CodeMirror diagnostics for the interpreter's `{ level, message, line, column, endLine, endColumn }`. */
export function toCodeMirror(doc, diagnostics) {
  return diagnostics.map((d) => {
    const from = offsetOf(doc, d.line, d.column);
    let to = offsetOf(doc, d.endLine, d.endColumn);
    if (to <= from) to = Math.min(from + 1, doc.length); // a point still gets a visible mark
    return { from, to, severity: d.level === 'error' ? 'error' : 'warning', message: d.message, source: 'main.rs' };
  });
}

/**
 * Creates the editor in `parent`.
 * @param {object} o
 * @param {string} o.doc            the initial program
 * @param {() => void} o.onRun      Ctrl/Cmd+Enter
 * @param {(source: string) => Promise<object[]>} o.check  the interpreter's diagnostics for a source
 * @param {(diagnostics: object[], source: string) => void} [o.onDiagnostics]  after each lint
 * @param {() => void} [o.onChange] the text changed
 * @param {Document|ShadowRoot} [o.root]  where the editor lives (the element's shadow root)
 */
export function createEditor(parent, o) {
  const runKey = Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => { o.onRun(); return true; } }]));
  const lint = checker(async (view) => {
    const source = view.state.doc.toString();
    const doc = view.state.doc;
    const diagnostics = await o.check(source);
    // The text may have changed while the interpreter loaded; stale results are dropped by the checker.
    if (o.onDiagnostics) o.onDiagnostics(diagnostics, source);
    return toCodeMirror(doc, diagnostics);
  });
  return new EditorView({
    parent,
    root: o.root,
    state: EditorState.create({
      doc: o.doc,
      extensions: [
        runKey,
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        syntaxHighlighting(highlight),
        // No indentWithTab: Tab keeps moving focus, so a keyboard alone can leave the editor.
        keymap.of([...defaultKeymap, ...historyKeymap]),
        rust,
        lint,
        theme,
        EditorView.lineWrapping,
        // The content element already has role="textbox" and aria-multiline; this gives it its name.
        EditorView.contentAttributes.of({ 'aria-label': 'Rust code', 'aria-keyshortcuts': 'Control+Enter Meta+Enter' }),
        EditorView.updateListener.of((u) => { if (u.docChanged && o.onChange) o.onChange(); }),
      ],
    }),
  });
}

/** Replaces the whole program (undoable with Ctrl+Z). */
export function setSource(view, source) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: source }, selection: { anchor: 0 }, scrollIntoView: true });
}
