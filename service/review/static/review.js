/* Review page interaction: a quote's details in a popover on hover, focus
   or click. Without JavaScript the quote links jump to the details cards. */
(function () {
  "use strict";
  var pop = document.getElementById("quote-popover");
  if (!pop) return;
  var body = pop.querySelector(".popover__body");
  var title = pop.querySelector(".popover__title");
  var closeBtn = pop.querySelector(".popover__close");
  var current = null; // the link whose details are shown
  var pinned = false; // opened by click or keyboard: stays until closed
  var hideTimer = null;

  function markOf(link) { return link.closest("mark"); }

  function place(link) {
    var r = link.getBoundingClientRect();
    var width = pop.offsetWidth;
    var left = Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - width - 12);
    pop.style.left = Math.max(window.scrollX + 12, left) + "px";
    pop.style.top = window.scrollY + r.bottom + 8 + "px";
  }

  function show(link, pin) {
    clearTimeout(hideTimer);
    var card = document.getElementById(link.dataset.detail);
    if (!card) return;
    if (current && current !== link) setActive(current, false);
    current = link;
    pinned = pin || pinned;
    var mark = markOf(link);
    var type = mark ? mark.dataset.type : "unattributed";
    pop.className = "popover popover--" + type;
    title.textContent = card.querySelector(".qcard__quote a").textContent;
    body.innerHTML = card.querySelector(".qcard__body").innerHTML; // our own server-rendered, escaped markup
    pop.hidden = false;
    place(link);
    setActive(link, true);
  }

  function setActive(link, on) {
    var anchor = markOf(link) && markOf(link).dataset.quote;
    document.querySelectorAll('mark[data-quote="' + anchor + '"]').forEach(function (m) {
      m.classList.toggle("is-active", on);
    });
    link.setAttribute("aria-expanded", on ? "true" : "false");
  }

  function hide(returnFocus) {
    if (!current) return;
    var link = current;
    setActive(link, false);
    pop.hidden = true;
    current = null;
    pinned = false;
    if (returnFocus) link.focus();
  }

  document.querySelectorAll("a.q-link").forEach(function (link) {
    link.setAttribute("aria-haspopup", "dialog");
    link.setAttribute("aria-controls", "quote-popover");
    link.setAttribute("aria-expanded", "false");
    link.addEventListener("click", function (e) {
      e.preventDefault();
      if (current === link && pinned) { hide(false); return; }
      show(link, true);
      title.focus();
    });
    link.addEventListener("mouseenter", function () { if (!pinned) show(link, false); });
    link.addEventListener("mouseleave", function () {
      if (!pinned) hideTimer = setTimeout(function () { hide(false); }, 250);
    });
  });
  pop.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
  pop.addEventListener("mouseleave", function () { if (!pinned) hide(false); });
  closeBtn.addEventListener("click", function () { hide(true); });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && current) { hide(true); }
  });
  document.addEventListener("click", function (e) {
    if (current && pinned && !pop.contains(e.target) && !e.target.closest("a.q-link")) hide(false);
  });
  window.addEventListener("resize", function () { if (current) place(current); });
})();
