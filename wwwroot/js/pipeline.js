/*!
 * Pipeline board: native HTML5 drag and drop of opportunity cards between stage columns.
 * On drop it posts to the board's Move handler with htmx, which answers with the re-rendered board.
 * Every card also has a "Move to" form, so the board works with the keyboard and without JavaScript.
 */
(function () {
  "use strict";

  var dragged = null;

  function board() {
    return document.getElementById("board");
  }

  // Index, among the other cards of `list`, of the card the pointer is above (cards.length: after the last).
  function dropIndex(list, clientY) {
    var cards = Array.prototype.slice.call(list.querySelectorAll(".pipeline-card"))
      .filter(function (card) { return card !== dragged; });
    for (var i = 0; i < cards.length; i++) {
      var box = cards[i].getBoundingClientRect();
      if (clientY < box.top + box.height / 2) {
        return i;
      }
    }
    return cards.length;
  }

  function clearHighlights() {
    document.querySelectorAll(".pipeline-column.is-drop-target").forEach(function (el) {
      el.classList.remove("is-drop-target");
    });
  }

  document.addEventListener("dragstart", function (evt) {
    var card = evt.target instanceof Element ? evt.target.closest(".pipeline-card[draggable]") : null;
    if (!card) {
      return;
    }
    dragged = card;
    card.classList.add("is-dragging");
    evt.dataTransfer.effectAllowed = "move";
    evt.dataTransfer.setData("text/plain", card.getAttribute("data-id"));
  });

  document.addEventListener("dragend", function () {
    if (dragged) {
      dragged.classList.remove("is-dragging");
    }
    dragged = null;
    clearHighlights();
  });

  document.addEventListener("dragover", function (evt) {
    var column = dragged && evt.target instanceof Element ? evt.target.closest(".pipeline-column") : null;
    if (!column) {
      return;
    }
    evt.preventDefault(); // allows the drop
    evt.dataTransfer.dropEffect = "move";
    if (!column.classList.contains("is-drop-target")) {
      clearHighlights();
      column.classList.add("is-drop-target");
    }
  });

  document.addEventListener("drop", function (evt) {
    var column = dragged && evt.target instanceof Element ? evt.target.closest(".pipeline-column") : null;
    var root = board();
    if (!column || !root || !window.htmx) {
      return;
    }
    evt.preventDefault();
    var list = column.querySelector(".pipeline-cards");
    var values = {
      id: dragged.getAttribute("data-id"),
      stageId: column.getAttribute("data-stage-id"),
      position: String(list ? dropIndex(list, evt.clientY) : 0)
    };
    var url = root.getAttribute("data-move-url");
    var owner = root.getAttribute("data-owner");
    if (owner) {
      url += (url.indexOf("?") < 0 ? "?" : "&") + "owner=" + encodeURIComponent(owner);
    }
    clearHighlights();
    window.htmx.ajax("POST", url, { values: values, target: "#board", swap: "outerHTML" });
  });

  // After a swap, put the focus back on a card asking for a lost reason.
  document.addEventListener("htmx:afterSwap", function () {
    var reason = document.querySelector(".pipeline-lost-form textarea");
    if (reason) {
      reason.focus();
    }
  });
})();
