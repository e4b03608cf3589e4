// Sizes iframes showing async-playground's embed.html to their content. Copy this file to your
// site, load it with <script src="iframe-resize.js" defer></script>, and set EMBED_ORIGIN to where you
// serve embed.html from. A frame with sandbox="allow-scripts" (no allow-same-origin) has origin
// "null", so a message is also accepted from "null" when it comes from one of this page's frames.
const EMBED_ORIGIN = location.origin;
window.addEventListener('message', (event) => {
  const { data } = event;
  if (!data || data.type !== 'async-playground:height' || !Number.isFinite(data.height)) return;
  if (event.origin !== EMBED_ORIGIN && event.origin !== 'null') return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === event.source) {
      frame.style.height = `${Math.min(Math.max(data.height, 100), 10000)}px`;
      frame.dataset.heightMessages = String(Number(frame.dataset.heightMessages || 0) + 1);
      // A frame cannot see its own sandbox: tell it whether it may download (Save run, Export), so it can
      // say so beside those buttons when it may not.
      const downloads = !frame.hasAttribute('sandbox') || frame.sandbox.contains('allow-downloads');
      event.source.postMessage({ type: 'async-playground:host', downloads }, '*');
    }
  }
});
