/* sitrep desk: click a highlight to see its details; toggle layers.
   A click shows every finding under the pointer, innermost first (an actor, then the
   quote around it, then the event clause around that).
   The page works without this file: every finding is listed in the side column. */
(function () {
  "use strict";

  function show(refs) {
    var panel = document.getElementById("panel-current");
    if (!panel || !refs.length) { return; }
    panel.replaceChildren();
    var close = document.createElement("button");
    close.type = "button";
    close.className = "close";
    close.textContent = "×";
    close.setAttribute("aria-label", "Close details");
    close.addEventListener("click", function () { panel.hidden = true; mark(null); });
    panel.appendChild(close);
    refs.forEach(function (ref) {
      var source = document.getElementById("ann-" + ref);
      if (!source) { return; }
      var copy = document.createElement("div");
      copy.className = "ann-copy";
      copy.dataset.ref = ref;
      Array.prototype.forEach.call(source.childNodes, function (node) {
        copy.appendChild(node.cloneNode(true));
      });
      panel.appendChild(copy);
    });
    panel.dataset.ref = refs[0];
    panel.hidden = false;
    mark(refs[0]);
    panel.scrollIntoView({block: "nearest"});
  }

  function mark(ref) {
    document.querySelectorAll("mark.hl.active").forEach(function (m) { m.classList.remove("active"); });
    if (!ref) { return; }
    document.querySelectorAll('mark.hl[data-ref="' + ref + '"]').forEach(function (m) { m.classList.add("active"); });
  }

  function innermost(target) {
    return target && target.closest ? target.closest("mark.hl") : null;
  }

  function enclosing(m) {
    var refs = [];
    while (m && m.matches && m.matches("mark.hl")) {
      if (refs.indexOf(m.dataset.ref) < 0) { refs.push(m.dataset.ref); }
      m = m.parentElement;
    }
    return refs;
  }

  function setup() {
    var text = document.getElementById("text");
    if (!text) { return; }
    text.querySelectorAll("mark.hl").forEach(function (m) {
      m.tabIndex = 0;
      m.setAttribute("role", "button");
    });
    text.addEventListener("click", function (ev) {
      var m = innermost(ev.target);
      if (m) { show(enclosing(m)); }
    });
    text.addEventListener("keydown", function (ev) {
      var m = innermost(ev.target);
      if (m && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); show(enclosing(m)); }
    });
    document.querySelectorAll("#layers input[data-layer]").forEach(function (box) {
      box.addEventListener("change", function () {
        text.classList.toggle("hide-" + box.dataset.layer, !box.checked);
      });
    });
    var hash = window.location.hash;
    if (hash.indexOf("#ann-") === 0) { show([hash.slice(5)]); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
