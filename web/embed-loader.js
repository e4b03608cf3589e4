// A classic-script loader for hosts that can only add plain <script src> tags (mdBook's
// `additional-js`): it loads embed.js, from the same folder as this file, as an ES module.
(function () {
  var self = document.currentScript;
  var module = document.createElement('script');
  module.type = 'module';
  module.src = new URL('embed.js', self ? self.src : location.href).href;
  document.head.appendChild(module);
})();
