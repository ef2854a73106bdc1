/* Page behaviours without inline script, so the Content-Security-Policy can forbid inline script.
 *  <select data-navigate> — choosing an option opens the URL in its value (county picker, year picker);
 *  <select data-autosubmit> — choosing an option submits its form (language switch);
 *  <body data-shown-at="/path"> — a refused action answered with this page under the action's address:
 *  show the page's own address, so a reload reads the page (no form sent twice) and relative links work. */
document.addEventListener("change", function (event) {
  var el = event.target;
  if (!(el instanceof HTMLSelectElement)) return;
  if (el.hasAttribute("data-navigate") && el.value) window.location.href = el.value;
  if (el.hasAttribute("data-autosubmit") && el.form) el.form.submit();
});

(function () {
  var at = document.body && document.body.getAttribute("data-shown-at");
  if (at && window.history && window.history.replaceState) window.history.replaceState(null, "", at);
})();
