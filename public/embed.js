// Partnership Explorer embed loader. On a partner's page:
//
//   <div data-partnership-explorer data-sector="healthcare" data-state="LA"></div>
//   <script src="https://example.org/explorer/embed.js" async></script>
//
// turns each such element into an iframe of the explorer showing those filters
// (data-sector, data-state, data-topic: space-separated ids, data-q, data-sort;
// data-controls: full, compact (the default) or none; data-list: a partner's
// own list on the same site, e.g. data/colorado.json; data-title names the
// frame for screen readers), and sizes each iframe to its
// content from the explorer's resize messages. No dependencies; the iframe only
// gets attributes and a class (`partnership-explorer-frame`), so the host's CSS
// decides its look.
(function () {
  'use strict';
  // The explorer's own names (written in at build time from its src/names.rs).
  var names = START_NAMES;
  var script = document.currentScript;
  // The explorer lives next to this script.
  var base = new URL('./', (script && script.src) || location.href);
  var FILTERS = names.filterParams;
  var frames = [];

  function explorerUrl(element) {
    var url = new URL('./', base);
    url.searchParams.set(names.embedParam, names.embedValues[0]);
    FILTERS.forEach(function (name) {
      var value = (element.getAttribute('data-' + name) || '').trim();
      if (!value) return;
      var values = name === 'topic' ? value.split(/[\s,]+/) : [value];
      values.forEach(function (v) { if (v) url.searchParams.append(name, v); });
    });
    // Which controls the view shows: full, compact (the default) or none.
    var controls = (element.getAttribute('data-controls') || '').trim();
    if (controls) url.searchParams.set(names.controlsParam, controls);
    // A partner's own list (?data=), which the explorer checks like any address.
    var list = (element.getAttribute(names.listAttribute) || '').trim();
    if (list) url.searchParams.set(names.dataParam, list);
    return url.href;
  }

  function describe(element) {
    var parts = FILTERS.map(function (name) {
      var value = element.getAttribute('data-' + name);
      return value ? name + ': ' + value : '';
    }).filter(Boolean);
    return 'Partnership Explorer' + (parts.length ? ' (' + parts.join(', ') + ')' : '');
  }

  function mount(element) {
    if (element.querySelector('iframe.partnership-explorer-frame')) return;
    var frame = document.createElement('iframe');
    frame.className = 'partnership-explorer-frame';
    frame.src = explorerUrl(element);
    frame.title = element.getAttribute('data-title') || describe(element);
    frame.loading = 'lazy';
    // Attributes, not inline styles: any rule of the host's CSS overrides them.
    frame.setAttribute('width', '100%');
    frame.setAttribute('height', '900');
    frame.setAttribute('frameborder', '0');
    element.appendChild(frame);
    frames.push(frame);
  }

  window.addEventListener('message', function (event) {
    // Only the explorer's own origin, only its resize message, only our iframes.
    if (event.origin !== base.origin) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || data.source !== names.source || data.type !== names.resize) return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height < 0 || height > 100000) return;
    frames.forEach(function (frame) {
      if (frame.contentWindow === event.source) frame.setAttribute('height', String(Math.ceil(height)));
    });
  });

  function mountAll() {
    Array.prototype.forEach.call(document.querySelectorAll('[' + names.embedElement + ']'), mount);
  }
  mountAll();
  // An async script may run before the rest of the page is parsed, and pages
  // built by scripts add their elements later: mount those as they come.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
  if (window.MutationObserver) {
    new MutationObserver(function (changes) {
      var added = changes.some(function (change) { return change.addedNodes.length > 0; });
      if (added) mountAll();
    }).observe(document.documentElement, { childList: true, subtree: true });
  }
})();
