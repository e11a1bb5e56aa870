/*!
 * Customer page: shows the ticket fields (status, priority, assignee) only when the interaction type is "Ticket".
 * Hidden fields are disabled so they are not posted. Without this script every field shows and the server validates.
 */
(function () {
  "use strict";

  function sync(form) {
    var type = form.querySelector("[data-interaction-type]");
    var ticket = form.querySelector("[data-ticket-fields]");
    if (!type || !ticket) {
      return;
    }
    var isTicket = type.value === "Ticket";
    ticket.disabled = !isTicket;
    ticket.classList.toggle("d-none", !isTicket);
  }

  function init(root) {
    var scope = root && root.querySelectorAll ? root : document;
    var forms = Array.prototype.slice.call(scope.querySelectorAll(".interaction-form"));
    if (scope.matches && scope.matches(".interaction-form")) {
      forms.push(scope);
    }
    forms.forEach(sync);
  }

  document.addEventListener("change", function (evt) {
    var el = evt.target;
    if (el && el.matches && el.matches("[data-interaction-type]")) {
      sync(el.closest("form"));
    }
  });

  document.addEventListener("htmx:load", function (evt) { init(evt.target); });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { init(document); }, { once: true });
  } else {
    init(document);
  }
})();
