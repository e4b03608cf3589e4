// Owns: the code panes of a demo: the Rust that runs (crate/src/lessons, highlighted at build time)
// and the tutorial's Tokio original (or the demo's `tokioNote` where there is none), as tabs, with
// the Tokio → browser mapping. All texts come from the demo's entry in demos.js.
import { h, nextId } from './dom.js';

function code(tokens) {
  const el = h('code');
  for (const [cls, text] of tokens) el.append(cls ? h('span', { class: `tok-${cls}` }, text) : document.createTextNode(text));
  return h('pre', { class: 'code', tabindex: '0' }, el);
}

export function sourcePanes(demo, sources) {
  const tabs = [
    { label: `Runs here: crate/src/lessons/${demo.file}.rs`, tokens: sources.rust[demo.file] },
    demo.tokio
      ? { label: 'Tutorial original (Tokio)', tokens: sources.tokio[demo.tokio] }
      : { label: 'Tutorial original (Tokio)', text: demo.tokioNote },
  ];
  const list = h('div', { class: 'tabs', role: 'tablist', 'aria-label': `Code for ${demo.title}` });
  const panels = [];
  const buttons = tabs.map((t, i) => {
    const tabId = nextId('tab');
    const panelId = nextId('panel');
    const b = h('button', { type: 'button', role: 'tab', id: tabId, 'aria-controls': panelId, 'aria-selected': String(i === 0), tabindex: i === 0 ? '0' : '-1' }, t.label);
    const panel = h('div', { role: 'tabpanel', id: panelId, 'aria-labelledby': tabId, class: 'panel', hidden: i !== 0 },
      t.tokens ? code(t.tokens) : h('p', { class: 'note' }, t.text));
    panels.push(panel);
    return b;
  });
  const select = (i) => {
    buttons.forEach((b, j) => {
      b.setAttribute('aria-selected', String(i === j));
      b.tabIndex = i === j ? 0 : -1;
      panels[j].hidden = i !== j;
    });
  };
  buttons.forEach((b, i) => {
    b.addEventListener('click', () => select(i));
    b.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      const j = (i + (e.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length;
      select(j);
      buttons[j].focus();
      e.preventDefault();
    });
  });
  list.append(...buttons);
  const mapping = h('ul', { class: 'mapping', 'aria-label': 'From Tokio to the browser' },
    demo.mapping.map(([from, to]) => h('li', {}, h('code', {}, from), ' → ', h('code', {}, to))));
  return h('div', { class: 'source' }, list, ...panels, mapping);
}
