// RubricEngine review site: our only script. Student text reaches the DOM through textContent and dataset only,
// never innerHTML. Loaded by index.html (student table) and by every student page (math, findings, fix lines).
(function () {
  'use strict';
  var PAGE = 100;

  function csv(value) {
    // Quoted as CSV only: a student id must reach --overrides exactly as the trace wrote it.
    var s = String(value == null ? '' : value);
    return /[",\r\n]/.test(s) || s !== s.trim() ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function fmt(n) { return n == null ? '' : String(Math.round(n * 100) / 100); }

  // ---- index.html ----
  function index(data) {
    var state = { sort: 's', dir: 1, criterion: '', failed: false, lowconf: false, q: '', page: 0 };
    var body = document.querySelector('#students tbody');
    var count = document.getElementById('count');
    var pageLabel = document.getElementById('page');
    var criteria = data.criteria;

    function lost(row, i) { return row.p[i] == null || row.p[i] < criteria[i].max; }
    function failed(row) {
      if (state.criterion !== '') return lost(row, +state.criterion);
      for (var i = 0; i < criteria.length; i++) if (lost(row, i)) return true;
      return false;
    }
    function key(row) {
      if (state.sort === 's') return row.s;
      if (state.sort === 'n') return row.n || '';
      if (state.sort === 'tot') return row.tot;
      var v = row.p[+state.sort.slice(1)];
      return v == null ? -1 : v; // not graded sorts below 0
    }
    function visible() {
      var q = state.q.toLowerCase();
      var rows = data.rows.filter(function (r) {
        if (state.failed && !failed(r)) return false;
        if (state.lowconf && r.lc !== true) return false;
        if (q && r.s.toLowerCase().indexOf(q) < 0 && (r.n || '').toLowerCase().indexOf(q) < 0) return false;
        return true;
      });
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        var c = typeof x === 'number' ? x - y : String(x).localeCompare(String(y));
        return c !== 0 ? c * state.dir : a.s.localeCompare(b.s);
      });
      return rows;
    }
    function cell(tr, text, cls) {
      var td = document.createElement('td');
      td.textContent = text;
      if (cls) td.className = cls;
      tr.appendChild(td);
      return td;
    }
    function render() {
      var rows = visible();
      var pages = Math.max(1, Math.ceil(rows.length / PAGE));
      state.page = Math.min(state.page, pages - 1);
      var slice = rows.slice(state.page * PAGE, state.page * PAGE + PAGE);
      var fragment = document.createDocumentFragment();
      slice.forEach(function (r) {
        var tr = document.createElement('tr');
        var td = document.createElement('td');
        var a = document.createElement('a');
        a.href = r.h; // a relative path this tool chose (SafeFileName), never student text
        a.textContent = r.s;
        td.appendChild(a);
        if (r.lc === true) { var b = document.createElement('span'); b.className = 'badge low'; b.textContent = 'low confidence'; td.appendChild(b); }
        tr.appendChild(td);
        cell(tr, r.n || '');
        for (var i = 0; i < criteria.length; i++) {
          if (r.p[i] == null) cell(tr, 'not graded', 'num error');
          else cell(tr, fmt(r.p[i]), 'num' + (r.p[i] < criteria[i].max ? ' lost' : '') + (state.criterion === String(i) ? ' selected' : ''));
        }
        cell(tr, fmt(r.tot) + ' / ' + fmt(data.max), 'num');
        fragment.appendChild(tr);
      });
      body.replaceChildren(fragment);
      count.textContent = rows.length + ' of ' + data.rows.length + ' students';
      pageLabel.textContent = 'page ' + (state.page + 1) + ' of ' + pages;
      document.getElementById('prev').disabled = state.page === 0;
      document.getElementById('next').disabled = state.page >= pages - 1;
      document.querySelectorAll('th[data-sort]').forEach(function (th) {
        th.setAttribute('aria-sort', th.dataset.sort === state.sort ? (state.dir > 0 ? 'ascending' : 'descending') : 'none');
      });
    }
    document.querySelectorAll('th[data-sort]').forEach(function (th) {
      th.addEventListener('click', function () {
        if (state.sort === th.dataset.sort) state.dir = -state.dir; else { state.sort = th.dataset.sort; state.dir = 1; }
        render();
      });
    });
    function bind(id, event, apply) {
      document.getElementById(id).addEventListener(event, function (e) { apply(e.target); state.page = 0; render(); });
    }
    bind('q', 'input', function (t) { state.q = t.value; });
    bind('criterion', 'change', function (t) { state.criterion = t.value; });
    bind('failed', 'change', function (t) { state.failed = t.checked; });
    bind('lowconf', 'change', function (t) { state.lowconf = t.checked; });
    document.getElementById('prev').addEventListener('click', function () { state.page--; render(); });
    document.getElementById('next').addEventListener('click', function () { state.page++; render(); });
    render();
  }

  // ---- student pages ----
  function typeset() {
    if (typeof katex === 'undefined') return;
    document.querySelectorAll('.conversation .math').forEach(function (el) {
      var tex = el.textContent.trim();
      var display = el.tagName === 'DIV' || el.classList.contains('display');
      var m = /^(\\\(|\\\[|\$\$|\$)([\s\S]*?)(\\\)|\\\]|\$\$|\$)$/.exec(tex);
      if (m) tex = m[2];
      if (tex.length > 5000) return; // leave huge formulas as TeX
      try {
        katex.render(tex, el, { displayMode: display, throwOnError: false, trust: false, maxExpand: 500, maxSize: 20 });
      } catch (e) { /* keep the TeX as written */ }
    });
  }

  function findings() {
    function flash(n) {
      document.querySelectorAll('mark[data-f]').forEach(function (m) {
        m.classList.toggle('current', (' ' + m.dataset.f + ' ').indexOf(' ' + n + ' ') >= 0);
      });
      document.querySelectorAll('#panel li').forEach(function (li) { li.classList.toggle('current', li.id === 'p-' + n); });
    }
    document.querySelectorAll('a.go[data-f], .notes a[data-f]').forEach(function (a) {
      a.addEventListener('click', function (e) {
        var n = a.dataset.f;
        var target = document.getElementById(a.classList.contains('go') ? 'f-' + n : 'p-' + n);
        if (!target) return;
        e.preventDefault();
        target.scrollIntoView({ block: 'center' });
        flash(n);
      });
    });
    document.querySelectorAll('mark[data-f]').forEach(function (m) {
      m.addEventListener('click', function () {
        var n = m.dataset.f.split(' ')[0];
        var item = document.getElementById('p-' + n);
        if (item) item.scrollIntoView({ block: 'nearest' });
        flash(n);
      });
    });
  }

  function fixes() {
    var box = document.getElementById('fix');
    if (!box) return;
    var value = document.getElementById('fix-value'), reason = document.getElementById('fix-reason'), grader = document.getElementById('fix-grader');
    var line = document.getElementById('fix-line'), status = document.getElementById('fix-status');
    var hint = document.getElementById('fix-hint'), valueLabel = document.getElementById('fix-value-label');
    var current = null;
    function update() {
      if (!current) return;
      if (current.kind === 'override') {
        line.value = [csv(current.student), csv(current.rule), csv(value.value), csv(reason.value), csv(grader.value)].join(',');
      } else {
        line.value = [csv(current.trace), current.message, csv(value.value)].join(',');
      }
    }
    document.querySelectorAll('button.fix').forEach(function (b) {
      b.addEventListener('click', function () {
        current = b.dataset;
        box.hidden = false;
        var override = current.kind === 'override';
        valueLabel.textContent = override ? 'points (0–' + current.max + ') or suppress' : 'question (or none)';
        value.value = override ? current.points : current.question;
        reason.parentElement.hidden = grader.parentElement.hidden = !override;
        hint.textContent = override
          ? 'A row for --overrides (student,rule,points,reason,grader); the file needs that header line.'
          : 'A row for --attribution (trace,message,question): message ' + current.message + ' answers this question, or none.';
        status.textContent = '';
        update();
        box.scrollIntoView({ block: 'nearest' });
        (override ? reason : value).focus();
      });
    });
    [value, reason, grader].forEach(function (i) { i.addEventListener('input', update); });
    document.getElementById('fix-copy').addEventListener('click', function () {
      function done(ok) { status.textContent = ok ? 'copied' : 'select the line and copy it'; }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(line.value).then(function () { done(true); }, function () {
          line.select(); done(document.execCommand && document.execCommand('copy'));
        });
      } else {
        line.select(); done(document.execCommand && document.execCommand('copy'));
      }
    });
  }

  var blob = document.getElementById('data');
  if (blob) index(JSON.parse(blob.textContent));
  else { typeset(); findings(); fixes(); }
  document.documentElement.dataset.ready = 'true';
})();
