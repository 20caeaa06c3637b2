// Between handout script: Print, Save my answers, Open saved answers, and
// answers that print whole. It is optional: without it a handout is still
// filled in on screen and printed. It keeps nothing in the browser (no
// storage, no cookies) and makes no request: answers leave the page only
// as a file the client saves, and come back only from a file the client
// opens. See worksheet.HTMLScript for the file's shape.
(function () {
  'use strict';

  var FORMAT = 'between-answers';
  var VERSION = 1;
  var MAX_BYTES = 5 * 1024 * 1024;
  var MAX_TEXT = 100000;
  var grows = !!(window.CSS && CSS.supports && CSS.supports('field-sizing', 'content'));

  function articles() {
    return Array.prototype.slice.call(document.querySelectorAll('article.handout[data-id]'));
  }

  // fields lists an article's fields in document order: a text field or
  // number by its id, a checkbox by its id, a group of radio buttons by
  // its name.
  function fields(article) {
    var out = [];
    var groups = {};
    var els = article.querySelectorAll('textarea, input');
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      if (el.type === 'radio') {
        if (!el.name) continue;
        if (!groups[el.name]) {
          groups[el.name] = { key: el.name, kind: 'choice', els: [] };
          out.push(groups[el.name]);
        }
        groups[el.name].els.push(el);
      } else if (el.type === 'checkbox') {
        if (el.id) out.push({ key: el.id, kind: 'check', el: el });
      } else if (el.id && (el.tagName === 'TEXTAREA' || el.type === 'text' || el.type === 'number')) {
        out.push({ key: el.id, kind: 'text', el: el });
      }
    }
    return out;
  }

  function shape(list) {
    return list.map(function (f) { return f.kind + ':' + f.key; }).join(' ');
  }

  function langOf(el) {
    var l = el.closest('[lang]');
    return l ? l.getAttribute('lang') : '';
  }

  // copy keeps a written field's text in a sibling element that print
  // shows instead of the field, so an answer of any length prints whole;
  // where the browser cannot size a field to its text, it sizes it here.
  function copy(el) {
    var c = el.nextElementSibling;
    if (!c || !c.classList.contains('answer')) {
      c = document.createElement(el.classList.contains('blank') ? 'span' : 'div');
      c.className = 'answer';
      c.setAttribute('aria-hidden', 'true');
      el.parentNode.insertBefore(c, el.nextSibling);
    }
    c.textContent = el.value;
    if (!grows) {
      el.style.height = 'auto';
      el.style.height = el.scrollHeight + 'px';
      if (el.classList.contains('blank') && el.scrollWidth > el.clientWidth) el.style.width = '100%';
    }
  }

  function written(el) {
    return el.tagName === 'TEXTAREA' && el.closest('article.handout');
  }

  function collect() {
    return {
      format: FORMAT,
      version: VERSION,
      handouts: articles().map(function (a) {
        var list = fields(a);
        var answers = {};
        list.forEach(function (f) {
          if (f.kind === 'text') answers[f.key] = f.el.value;
          else if (f.kind === 'check') answers[f.key] = f.el.checked;
          else {
            var on = f.els.filter(function (r) { return r.checked; })[0];
            answers[f.key] = on ? on.value : null;
          }
        });
        return { id: a.getAttribute('data-id'), lang: langOf(a), shape: shape(list), answers: answers };
      })
    };
  }

  // check returns why data cannot be opened on this page ('not-ours' or
  // 'other'), or '' when it can. It looks at everything before anything
  // changes.
  function check(data) {
    if (!data || typeof data !== 'object' || data.format !== FORMAT || data.version !== VERSION || !Array.isArray(data.handouts)) return 'not-ours';
    var page = articles();
    if (data.handouts.length !== page.length) return 'other';
    for (var i = 0; i < page.length; i++) {
      var h = data.handouts[i];
      if (!h || typeof h !== 'object' || typeof h.id !== 'string' || !h.answers || typeof h.answers !== 'object') return 'not-ours';
      var list = fields(page[i]);
      if (h.id !== page[i].getAttribute('data-id') || h.shape !== shape(list)) return 'other';
      for (var j = 0; j < list.length; j++) {
        var f = list[j];
        var v = h.answers[f.key];
        if (v === undefined) continue;
        if (f.kind === 'text' && (typeof v !== 'string' || v.length > MAX_TEXT)) return 'not-ours';
        if (f.kind === 'check' && typeof v !== 'boolean') return 'not-ours';
        if (f.kind === 'choice' && v !== null && !f.els.some(function (r) { return r.value === v; })) return 'not-ours';
      }
    }
    return '';
  }

  function restore(data) {
    articles().forEach(function (a, i) {
      var answers = data.handouts[i].answers;
      fields(a).forEach(function (f) {
        var v = answers[f.key];
        if (f.kind === 'text') {
          f.el.value = typeof v === 'string' ? v : '';
          if (written(f.el)) copy(f.el);
        } else if (f.kind === 'check') {
          f.el.checked = v === true;
        } else {
          f.els.forEach(function (r) { r.checked = r.value === v; });
        }
      });
    });
  }

  function say(tools, text, refused) {
    var s = tools.querySelector('.answer-status');
    if (!s) return;
    s.textContent = text;
    s.classList.toggle('refused', !!refused);
  }

  function fileName() {
    var ids = articles().map(function (a) { return a.getAttribute('data-id'); });
    var name = 'answers-' + (ids.length === 1 ? ids[0] : ids.length + '-handouts');
    return name.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 80) + '.json';
  }

  function save(tools) {
    var blob = new Blob([JSON.stringify(collect(), null, 1) + '\n'], { type: 'application/json' });
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    var name = fileName();
    a.href = url;
    a.download = name;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
    say(tools, tools.getAttribute('data-saved').replace('{file}', name));
  }

  function open(tools, file) {
    var refuse = function (why) {
      say(tools, tools.getAttribute(why === 'other' ? 'data-other' : 'data-not-ours'), true);
    };
    if (!file || file.size > MAX_BYTES) return refuse('not-ours');
    var reader = new FileReader();
    reader.onload = function () {
      var data;
      try { data = JSON.parse(String(reader.result)); } catch (e) { return refuse('not-ours'); }
      var why = check(data);
      if (why) return refuse(why);
      restore(data);
      say(tools, tools.getAttribute('data-opened'));
    };
    reader.onerror = function () { refuse('not-ours'); };
    reader.readAsText(file);
  }

  function start() {
    var boxes = document.querySelectorAll('article.handout textarea');
    for (var i = 0; i < boxes.length; i++) copy(boxes[i]);
    document.addEventListener('input', function (e) {
      if (written(e.target)) copy(e.target);
    });
    // A blank or a tracker cell is one answer: Enter does not start a new
    // line in it (its text still wraps onto more lines).
    document.addEventListener('keydown', function (e) {
      var t = e.target;
      if (e.key === 'Enter' && written(t) && !t.closest('.lines')) e.preventDefault();
    });
    var bars = document.querySelectorAll('.answer-tools');
    for (var j = 0; j < bars.length; j++) {
      (function (tools) {
        var input = tools.querySelector('input[type="file"]');
        tools.addEventListener('click', function (e) {
          var b = e.target.closest('button[data-action]');
          if (!b) return;
          var act = b.getAttribute('data-action');
          if (act === 'print') window.print();
          else if (act === 'save') save(tools);
          else if (act === 'open' && input) input.click();
        });
        if (input) {
          input.addEventListener('change', function () {
            open(tools, input.files && input.files[0]);
            input.value = '';
          });
        }
        tools.hidden = false;
      })(bars[j]);
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
