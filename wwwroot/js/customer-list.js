/*!
 * Customer list: "select all" and the selection count for the bulk actions. Delegated listeners, so rows
 * swapped in by htmx (search, sort, pages) work without re-binding. CSP friendly (no inline code).
 */
(function () {
  "use strict";

  function update(form) {
    var boxes = form.querySelectorAll("input.row-select");
    var checked = form.querySelectorAll("input.row-select:checked").length;
    var all = form.querySelector("#select-all");
    if (all) {
      all.checked = boxes.length > 0 && checked === boxes.length;
      all.indeterminate = checked > 0 && checked < boxes.length;
    }
    var count = form.querySelector("#selected-count");
    if (count) {
      count.textContent = checked + " selected";
    }
    form.querySelectorAll(".bulk-button").forEach(function (button) {
      button.disabled = checked === 0;
    });
  }

  document.addEventListener("change", function (evt) {
    var target = evt.target;
    if (!(target instanceof HTMLInputElement)) {
      return;
    }
    var form = target.closest("#bulk-form");
    if (!form) {
      return;
    }
    if (target.id === "select-all") {
      form.querySelectorAll("input.row-select").forEach(function (box) {
        box.checked = target.checked;
      });
    }
    update(form);
  });

  function init() {
    var form = document.getElementById("bulk-form");
    if (form) {
      update(form);
    }
  }

  document.addEventListener("htmx:afterSettle", init);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init, { once: true });
  } else {
    init();
  }
})();
