/*!
 * VibeCrm site script. Loaded with `defer` after htmx, Bootstrap and (optionally) Chart.js:
 *   <script src="~/lib/htmx/htmx.min.js" defer></script>
 *   <script src="~/lib/bootstrap/js/bootstrap.bundle.min.js" defer></script>
 *   <script src="~/lib/chart.js/chart.umd.js" defer></script>   (pages with charts)
 *   <script src="~/js/site.js" defer></script>
 *
 * CSP friendly: no inline scripts, no eval, no inline style attributes.
 *  - Antiforgery: <meta name="request-verification-token" content="..."> -> header
 *    "RequestVerificationToken" on every non-GET htmx request.
 *  - Toasts: HX-Trigger: {"toast":{"message":"Saved","level":"success|danger|warning|info"}}
 *    (also window.VibeCrm.toast(message, level)).
 *  - data-confirm="Are you sure?" on forms, buttons or links.
 *  - Charts: <canvas data-chart='{"type":"bar","data":{...},"options":{...}}'>.
 *  - Bootstrap tooltips: [data-bs-toggle="tooltip"].
 */
(function () {
  "use strict";

  var TOKEN_META = "request-verification-token";
  var TOKEN_HEADER = "RequestVerificationToken";
  var TOAST_CONTAINER_ID = "toast-container";
  var LEVELS = { success: "\u2713", danger: "!", warning: "!", info: "i" };

  // ------------------------------------------------------------------
  // Helpers
  // ------------------------------------------------------------------
  function onReady(fn) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", fn, { once: true });
    } else {
      fn();
    }
  }

  function getAntiforgeryToken() {
    var meta = document.querySelector('meta[name="' + TOKEN_META + '"]');
    if (meta && meta.content) {
      return meta.content;
    }
    // Fallback: a hidden field rendered by a <form method="post"> tag helper.
    var input = document.querySelector('input[name="__RequestVerificationToken"]');
    return input ? input.value : null;
  }

  // Elements in `root` (inclusive) matching `selector`.
  function queryAll(root, selector) {
    var scope = root && root.querySelectorAll ? root : document;
    var found = Array.prototype.slice.call(scope.querySelectorAll(selector));
    if (scope !== document && scope.matches && scope.matches(selector)) {
      found.unshift(scope);
    }
    return found;
  }

  // ------------------------------------------------------------------
  // Antiforgery header on non-GET htmx requests
  // ------------------------------------------------------------------
  document.addEventListener("htmx:configRequest", function (evt) {
    var detail = evt.detail || {};
    var verb = String(detail.verb || "get").toUpperCase();
    if (verb === "GET" || verb === "HEAD") {
      return;
    }
    var token = getAntiforgeryToken();
    if (token && detail.headers) {
      detail.headers[TOKEN_HEADER] = token;
    }
  });

  // ------------------------------------------------------------------
  // Toasts
  // ------------------------------------------------------------------
  function getToastContainer() {
    var container = document.getElementById(TOAST_CONTAINER_ID);
    if (!container) {
      container = document.createElement("div");
      container.id = TOAST_CONTAINER_ID;
      container.className = "toast-container";
      document.body.appendChild(container);
    }
    // Announce additions politely to assistive technology.
    if (!container.hasAttribute("aria-live")) {
      container.setAttribute("aria-live", "polite");
    }
    if (!container.hasAttribute("aria-atomic")) {
      container.setAttribute("aria-atomic", "false");
    }
    return container;
  }

  function showToast(message, level) {
    if (message === undefined || message === null || message === "") {
      return null;
    }
    level = Object.prototype.hasOwnProperty.call(LEVELS, level) ? level : "info";

    var toast = document.createElement("div");
    toast.className = "toast toast-" + level;
    // The container is a polite live region; errors are announced assertively instead.
    if (level === "danger") {
      toast.setAttribute("role", "alert");
    }
    toast.setAttribute("aria-atomic", "true");

    var body = document.createElement("div");
    body.className = "toast-body";

    var icon = document.createElement("span");
    icon.className = "toast-icon";
    icon.setAttribute("aria-hidden", "true");
    icon.textContent = LEVELS[level];

    var text = document.createElement("div");
    text.className = "toast-message";
    text.textContent = String(message); // never HTML

    var close = document.createElement("button");
    close.type = "button";
    close.className = "btn-close";
    close.setAttribute("data-bs-dismiss", "toast");
    close.setAttribute("aria-label", "Close");

    body.appendChild(icon);
    body.appendChild(text);
    body.appendChild(close);
    toast.appendChild(body);
    getToastContainer().appendChild(toast);

    var delay = level === "danger" ? 10000 : 5000;
    if (window.bootstrap && window.bootstrap.Toast) {
      toast.addEventListener("hidden.bs.toast", function () {
        toast.remove();
      });
      window.bootstrap.Toast.getOrCreateInstance(toast, { delay: delay, autohide: true }).show();
    } else {
      // Bootstrap missing: plain fallback.
      toast.classList.add("show");
      close.addEventListener("click", function () { toast.remove(); });
      window.setTimeout(function () { toast.remove(); }, delay);
    }
    return toast;
  }

  // HX-Trigger: {"toast": {...}} -> htmx dispatches a "toast" event with the object as detail.
  // A plain string payload ("toast": "Saved") is accepted too.
  document.addEventListener("toast", function (evt) {
    var detail = evt.detail;
    if (detail === undefined || detail === null) {
      return;
    }
    if (typeof detail === "string") {
      showToast(detail, "info");
      return;
    }
    // htmx adds "elt" (and sometimes "value") to the detail object.
    var message = detail.message !== undefined ? detail.message : detail.value;
    if (message && typeof message === "object") {
      showToast(message.message, message.level);
    } else {
      showToast(message, detail.level);
    }
  });

  // Network / server errors on htmx requests get a generic toast unless the page handles them.
  document.addEventListener("htmx:responseError", function (evt) {
    var xhr = evt.detail && evt.detail.xhr;
    var elt = evt.detail && evt.detail.elt;
    if (xhr && xhr.getResponseHeader && xhr.getResponseHeader("HX-Trigger")) {
      return; // server already sent its own toast
    }
    if (elt && elt.closest && elt.closest("[data-no-error-toast]")) {
      return; // the page handles errors itself
    }
    var status = xhr ? xhr.status : 0;
    var message = status === 403
      ? "You do not have permission to do that."
      : status === 404
        ? "That item could not be found."
        : status === 400 || status === 422
          ? "Please check the form and try again."
          : "Something went wrong. Please try again.";
    showToast(message, "danger");
  });

  document.addEventListener("htmx:sendError", function () {
    showToast("Network error: the server could not be reached.", "danger");
  });

  // ------------------------------------------------------------------
  // data-confirm="Question?" on a form, a submit button, a link or an htmx element
  // ------------------------------------------------------------------
  var HX_REQUEST_ATTRS = "[hx-get],[hx-post],[hx-put],[hx-patch],[hx-delete]," +
    "[data-hx-get],[data-hx-post],[data-hx-put],[data-hx-patch],[data-hx-delete]";

  // True when htmx (not the browser) will issue the request for `el`;
  // those are confirmed once, in htmx:confirm.
  function isHtmxDriven(el) {
    if (!el || !el.matches) {
      return false;
    }
    if (el.matches(HX_REQUEST_ATTRS)) {
      return true;
    }
    if (el instanceof HTMLFormElement || el.tagName === "A") {
      var boosted = el.closest("[hx-boost],[data-hx-boost]");
      if (boosted) {
        var value = boosted.getAttribute("hx-boost") || boosted.getAttribute("data-hx-boost");
        return value === "true";
      }
    }
    return false;
  }

  // Regular form posts.
  document.addEventListener("submit", function (evt) {
    var form = evt.target;
    if (!(form instanceof HTMLFormElement)) {
      return;
    }
    var submitter = evt.submitter || null;
    if (isHtmxDriven(form) || isHtmxDriven(submitter)) {
      return;
    }
    var message = (submitter && submitter.getAttribute("data-confirm")) || form.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      evt.preventDefault();
      evt.stopImmediatePropagation();
    }
  }, true);

  // Plain links and non-submit buttons.
  document.addEventListener("click", function (evt) {
    var el = evt.target instanceof Element ? evt.target.closest("a[data-confirm],button[data-confirm],input[data-confirm]") : null;
    if (!el || isHtmxDriven(el)) {
      return;
    }
    // Submit buttons are confirmed by the submit listener (exactly once).
    if (el.form && (el.type === "submit" || el.type === "image")) {
      return;
    }
    if (!window.confirm(el.getAttribute("data-confirm"))) {
      evt.preventDefault();
      evt.stopImmediatePropagation();
    }
  }, true);

  // htmx requests (hx-post, hx-delete, boosted forms/links...).
  document.addEventListener("htmx:confirm", function (evt) {
    var detail = evt.detail || {};
    var elt = detail.elt;
    if (!elt || !elt.getAttribute) {
      return;
    }
    var trigger = detail.triggeringEvent;
    var submitter = trigger && trigger.submitter;
    var message = (submitter && submitter.getAttribute && submitter.getAttribute("data-confirm")) ||
      elt.getAttribute("data-confirm");
    if (!message) {
      return;
    }
    evt.preventDefault();
    if (window.confirm(message)) {
      detail.issueRequest(true); // true = skip a second (hx-confirm) prompt
    }
  });

  // ------------------------------------------------------------------
  // Bootstrap tooltips / popovers
  // ------------------------------------------------------------------
  function initTooltips(root) {
    if (!window.bootstrap || !window.bootstrap.Tooltip) {
      return;
    }
    queryAll(root, '[data-bs-toggle="tooltip"]').forEach(function (el) {
      window.bootstrap.Tooltip.getOrCreateInstance(el);
    });
    if (window.bootstrap.Popover) {
      queryAll(root, '[data-bs-toggle="popover"]').forEach(function (el) {
        window.bootstrap.Popover.getOrCreateInstance(el);
      });
    }
  }

  // Tooltips whose element is about to be swapped out must be disposed of.
  document.addEventListener("htmx:beforeSwap", function (evt) {
    var target = evt.detail && evt.detail.target;
    if (!target || !window.bootstrap || !window.bootstrap.Tooltip) {
      return;
    }
    queryAll(target, '[data-bs-toggle="tooltip"]').forEach(function (el) {
      var tip = window.bootstrap.Tooltip.getInstance(el);
      if (tip) {
        tip.dispose();
      }
    });
  });

  // ------------------------------------------------------------------
  // Charts: <canvas data-chart='{json}'>
  // ------------------------------------------------------------------
  var BRAND_PALETTE = ["#0d6468", "#5ec2bd", "#b7791f", "#6f42c1", "#b02a37", "#157347", "#0b4f6c", "#94a3b8"];

  function applyChartDefaults(Chart) {
    if (Chart.__vibecrmDefaults) {
      return;
    }
    Chart.__vibecrmDefaults = true;
    var css = window.getComputedStyle(document.body);
    Chart.defaults.font.family = css.fontFamily || Chart.defaults.font.family;
    Chart.defaults.color = "#43505a";
    Chart.defaults.borderColor = "rgba(15, 42, 46, 0.1)";
    Chart.defaults.maintainAspectRatio = false;
    Chart.defaults.responsive = true;
    Chart.defaults.plugins.legend.labels.usePointStyle = true;
    if (window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches) {
      Chart.defaults.animation = false;
    }
  }

  // Fill in brand colours for datasets that do not specify any.
  function colourise(config) {
    var data = config && config.data;
    if (!data || !Array.isArray(data.datasets)) {
      return config;
    }
    var perPoint = config.type === "pie" || config.type === "doughnut" || config.type === "polarArea";
    data.datasets.forEach(function (ds, i) {
      if (ds.backgroundColor || ds.borderColor) {
        return;
      }
      if (perPoint) {
        var n = Array.isArray(ds.data) ? ds.data.length : 0;
        ds.backgroundColor = [];
        for (var k = 0; k < n; k++) {
          ds.backgroundColor.push(BRAND_PALETTE[k % BRAND_PALETTE.length]);
        }
        ds.borderColor = "#fff";
      } else {
        var colour = BRAND_PALETTE[i % BRAND_PALETTE.length];
        ds.borderColor = colour;
        ds.backgroundColor = (config.type === "line" || config.type === "radar") ? colour + "26" : colour;
        if (config.type === "bar" && ds.borderRadius === undefined) {
          ds.borderRadius = 4;
        }
      }
    });
    return config;
  }

  function renderCharts(root) {
    var Chart = window.Chart;
    var canvases = queryAll(root, "canvas[data-chart]");
    if (!canvases.length) {
      return;
    }
    if (!Chart) {
      if (window.console) {
        window.console.warn("VibeCrm: data-chart found but Chart.js is not loaded.");
      }
      return;
    }
    applyChartDefaults(Chart);
    canvases.forEach(function (canvas) {
      var raw = canvas.getAttribute("data-chart");
      var existing = Chart.getChart(canvas);
      if (existing) {
        if (canvas.__vibecrmChartSource === raw) {
          return; // already rendered with this config
        }
        existing.destroy();
      }
      var config;
      try {
        config = JSON.parse(raw);
      } catch (e) {
        if (window.console) {
          window.console.error("VibeCrm: invalid JSON in data-chart", canvas, e);
        }
        return;
      }
      canvas.__vibecrmChartSource = raw;
      if (!canvas.hasAttribute("role")) {
        canvas.setAttribute("role", "img");
      }
      new Chart(canvas, colourise(config));
    });
  }

  // Destroy charts that htmx is about to remove, so Chart.js releases them.
  document.addEventListener("htmx:beforeCleanupElement", function (evt) {
    var el = evt.target;
    if (window.Chart && el && el.tagName === "CANVAS") {
      var chart = window.Chart.getChart(el);
      if (chart) {
        chart.destroy();
      }
    }
  });

  // ------------------------------------------------------------------
  // Offcanvas sidebar: close it after navigating (htmx-boosted links keep the page).
  // ------------------------------------------------------------------
  document.addEventListener("htmx:afterSwap", function () {
    var open = document.querySelector(".app-sidebar.show");
    if (open && window.bootstrap && window.bootstrap.Offcanvas) {
      var instance = window.bootstrap.Offcanvas.getInstance(open);
      if (instance) {
        instance.hide();
      }
    }
  });

  // ------------------------------------------------------------------
  // Initialisation (page load + every htmx swap)
  // ------------------------------------------------------------------
  function initialise(root) {
    initTooltips(root);
    renderCharts(root);
  }

  // htmx.onLoad fires for the body once htmx has processed it and for every swapped-in
  // fragment; initialise() is idempotent, so also running it on DOM ready is harmless and
  // covers pages without htmx or a late-loaded site.js.
  if (window.htmx && typeof window.htmx.onLoad === "function") {
    window.htmx.onLoad(initialise);
  } else {
    document.addEventListener("htmx:load", function (evt) { initialise(evt.target); });
  }

  onReady(function () {
    getToastContainer();
    initialise(document.body);
  });

  // Public API for other scripts (e.g. page-specific modules).
  window.VibeCrm = window.VibeCrm || {};
  window.VibeCrm.toast = showToast;
  window.VibeCrm.renderCharts = renderCharts;
  window.VibeCrm.antiforgeryToken = getAntiforgeryToken;
})();
