/* Page behaviours without inline script, so the Content-Security-Policy can forbid inline script.
 *  <select data-navigate> — choosing an option opens the URL in its value (county picker, year picker);
 *  <select data-autosubmit> — choosing an option submits its form (language switch). */
document.addEventListener("change", function (event) {
  var el = event.target;
  if (!(el instanceof HTMLSelectElement)) return;
  if (el.hasAttribute("data-navigate") && el.value) window.location.href = el.value;
  if (el.hasAttribute("data-autosubmit") && el.form) el.form.submit();
});
