// A classic-script loader for hosts that can only add plain <script src> tags (mdBook's
// `additional-js`): it loads embed.js, from the same folder as this file, as an ES module, and turns
// each mdBook code block written ```rust,async-playground (which mdBook emits as
// <pre><code class="language-rust async-playground">) into an <async-playground> element that runs
// that program in place. mdBook renames this file with a content hash; only its folder matters.
(function () {
  var self = document.currentScript;
  var base = self ? self.src : location.href;

  function upgrade() {
    var blocks = document.querySelectorAll('pre > code.async-playground, pre > code.language-async-playground');
    for (var i = 0; i < blocks.length; i++) {
      var pre = blocks[i].parentNode;
      var element = document.createElement('async-playground');
      var copy = document.createElement('pre');
      var code = document.createElement('code');
      // textContent: the program as text, whatever highlighting spans mdBook added.
      code.textContent = blocks[i].textContent;
      copy.appendChild(code);
      element.appendChild(copy);
      pre.parentNode.replaceChild(element, pre);
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', upgrade);
  else upgrade();

  var module = document.createElement('script');
  module.type = 'module';
  module.src = new URL('embed.js', base).href;
  document.head.appendChild(module);
})();
