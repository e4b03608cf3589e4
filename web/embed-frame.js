// embed.html: one demo, chromeless, for an <iframe>. URL parameters become the element's
// attributes (code= included: the element decodes it and shows "Your code" with that program, never
// running it by itself), and the page's height is posted to the parent whenever it changes.
// The host's iframe-resize.js answers with whether the frame's sandbox allows downloads; the answer
// is kept on <html data-downloads> for the element's Save run and Export (keep-view.js).
// Plain script with no imports: embed.html loads embed.js (the element) beside it.
const params = new URLSearchParams(location.search);
const el = document.createElement('async-playground');
for (const name of ['demo', 'user', 'product', 'speed', 'code']) {
  if (params.has(name)) el.setAttribute(name, params.get(name));
}
document.querySelector('main').append(el);

let last = -1;
const post = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  // The height is not a secret, so any parent may read it; the host checks where it came from.
  window.parent.postMessage({ type: 'async-playground:height', height }, '*');
};
new ResizeObserver(post).observe(document.documentElement);
post();

window.addEventListener('message', (event) => {
  const { data } = event;
  if (event.source !== window.parent || !data || data.type !== 'async-playground:host') return;
  document.documentElement.dataset.downloads = data.downloads ? 'allowed' : 'blocked';
});
