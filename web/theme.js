// Light/dark: follows prefers-color-scheme unless the person chose, and remembers the choice in
// localStorage where storage is allowed (blocked storage just means the choice is not remembered).
const KEY = 'async-playground-theme';

function stored() {
  try { return localStorage.getItem(KEY); } catch { return null; }
}
function store(v) {
  try { localStorage.setItem(KEY, v); } catch { /* storage blocked: not remembered */ }
}

export function initTheme(button) {
  const root = document.documentElement;
  const system = () => (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  const apply = (theme) => {
    root.dataset.theme = theme;
    if (button) {
      // A toggle button: the name stays "Dark theme"; aria-pressed (and the ☾/☀ mark) says the state.
      button.setAttribute('aria-pressed', String(theme === 'dark'));
      button.textContent = theme === 'dark' ? '☾ Dark theme' : '☀ Dark theme';
    }
  };
  apply(stored() || system());
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => { if (!stored()) apply(system()); });
  if (button) {
    button.addEventListener('click', () => {
      const next = root.dataset.theme === 'dark' ? 'light' : 'dark';
      store(next);
      apply(next);
    });
  }
}
