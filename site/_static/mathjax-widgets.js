// The widget renderer (html-manager) typesets with the MathJax 2 call MathJax.Hub.Queue; the site
// loads MathJax 3. Loaded after the page's MathJax configuration and before MathJax itself (which
// is deferred), this adds that call once MathJax is ready.
window.MathJax = Object.assign(window.MathJax || {}, {
  Hub: { Queue() {} },  // pages without formulas load no MathJax: nothing to typeset
  startup: {
    ready() {
      MathJax.startup.defaultReady();
      MathJax.Hub = { Queue(job) { return MathJax.typesetPromise([job[2]]); } };
    },
  },
});
