// The interpreter's diagnostics underlined in the editor as you type: a check 400 ms after the last
// edit, its ranges drawn as marks with the message as their title. Why not @codemirror/lint: it also
// brings tooltips, a panel and their styles (about 9.5 KB of code.js gzipped) for what the section
// already shows in full below the editor (code-view.js showDiagnostics, rustc's own rendering).
import { StateEffect, StateField } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin } from '@codemirror/view';

const setMarks = StateEffect.define();

/** The marks, moved with the text as it is edited until the next check replaces them. */
const marks = StateField.define({
  create: () => Decoration.none,
  update(deco, tr) {
    let next = deco.map(tr.changes);
    for (const e of tr.effects) if (e.is(setMarks)) next = e.value;
    return next;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/**
 * Checks the document `delay` ms after it was created or last edited and underlines what `check`
 * finds: `[{ from, to, severity: 'error'|'warning', message }]`. A result for a text edited since is
 * dropped (the edit scheduled a new check).
 * @param {(view: EditorView) => Promise<object[]>} check
 */
export function checker(check, delay = 400) {
  const plugin = ViewPlugin.fromClass(class {
    constructor(view) {
      this.view = view;
      this.timer = 0;
      this.schedule();
    }

    update(u) {
      if (u.docChanged) this.schedule();
    }

    schedule() {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.run(), delay);
    }

    async run() {
      const doc = this.view.state.doc;
      let found;
      try {
        found = await check(this.view);
      } catch (err) {
        console.error('async-playground: the check failed', err);
        return;
      }
      if (this.destroyed || this.view.state.doc !== doc) return;
      const ranges = found.filter((d) => d.to > d.from).map((d) => Decoration.mark({
        class: `cm-lintRange cm-lintRange-${d.severity}`, attributes: { title: d.message },
      }).range(d.from, d.to));
      this.view.dispatch({ effects: setMarks.of(Decoration.set(ranges, true)) });
    }

    destroy() {
      this.destroyed = true;
      clearTimeout(this.timer);
    }
  });
  return [marks, plugin];
}
