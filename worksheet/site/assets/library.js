// The library page's live filter. The page works without it: the Find
// box links to the groups below. With it, the filter form (hidden in the
// HTML) shows, and the cards narrow as the reader types or picks. It reads
// and writes nothing but the page: no storage, no requests.
(function () {
  "use strict";
  var form = document.getElementById("filter");
  if (!form) { return; }
  var q = document.getElementById("filter-q");
  var kind = document.getElementById("filter-kind");
  var topic = document.getElementById("filter-topic");
  var time = document.getElementById("filter-time");
  var status = document.getElementById("filter-status");
  var cards = Array.prototype.slice.call(document.querySelectorAll("li.card"));
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.kind"));

  function words(s) {
    return s.toLocaleLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  var texts = cards.map(function (c) {
    var t = c.querySelector("h3");
    var s = c.querySelector(".summary");
    return words((t ? t.textContent : "") + " " + (s ? s.textContent : ""));
  });

  function apply() {
    var want = words(q.value).split(/\s+/).filter(Boolean);
    var shown = 0;
    cards.forEach(function (c, i) {
      var ok = (!kind.value || c.dataset.kind === kind.value) &&
        (!time.value || c.dataset.time === time.value) &&
        (!topic.value || (" " + c.dataset.topics + " ").indexOf(" " + topic.value + " ") >= 0) &&
        want.every(function (w) { return texts[i].indexOf(w) >= 0; });
      c.hidden = !ok;
      if (ok) { shown++; }
    });
    sections.forEach(function (s) {
      s.hidden = !s.querySelector("li.card:not([hidden])");
    });
    status.textContent = status.dataset.template
      .replace("{shown}", String(shown))
      .replace("{total}", String(cards.length));
  }

  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  form.hidden = false;
  apply();
})();
