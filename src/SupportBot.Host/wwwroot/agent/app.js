// SupportBot agent console. Vanilla JS, no framework. Every text that came from a user, an agent or the store is
// put on the page with textContent (never innerHTML): transcripts contain markup and markdown on purpose.
'use strict';

(function () {
  const state = { me: null, csrf: '', ticket: null, events: null, refreshTimer: 0 };
  const $ = (id) => document.getElementById(id);

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function lang() { return localStorage.getItem('sb-agent-lang') || 'en'; }

  function when(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    return d.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
  }

  async function api(method, path, body) {
    const headers = { 'Accept': 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && state.csrf) headers['X-CSRF-TOKEN'] = state.csrf;
    const response = await fetch(path, {
      method: method, headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    let data = null;
    const type = response.headers.get('Content-Type') || '';
    if (type.indexOf('json') >= 0) data = await response.json();
    if (response.status === 401 && path !== '/agent/api/signin') { showSignIn(); }
    return { ok: response.ok, status: response.status, data: data };
  }

  function show(view) {
    for (const id of ['signin-view', 'queue-view', 'ticket-view', 'dashboard-view']) $(id).hidden = id !== view;
    $('top').hidden = view === 'signin-view';
  }

  function showSignIn() {
    state.me = null;
    if (state.events) { state.events.close(); state.events = null; }
    show('signin-view');
    $('signin-name').focus();
  }

  async function signIn(event) {
    event.preventDefault();
    $('signin-error').textContent = '';
    const result = await api('POST', '/agent/api/signin', { name: $('signin-name').value, password: $('signin-password').value });
    $('signin-password').value = '';
    if (!result.ok) {
      $('signin-error').textContent = (result.data && result.data.error) || ('Sign-in failed (' + result.status + ').');
      return;
    }
    started(result.data);
  }

  function started(me) {
    state.me = me;
    state.csrf = me.csrf;
    $('who').textContent = me.name + ' (' + me.role + ', ' + me.code + ')';
    const category = $('f-category');
    while (category.options.length > 1) category.remove(1);
    for (const c of me.categories) {
      const option = el('option', c.title);
      option.value = c.id;
      category.appendChild(option);
    }
    listen();
    route();
  }

  async function signOut() {
    await api('POST', '/agent/api/signout');
    state.csrf = '';
    showSignIn();
  }

  function listen() {
    if (state.events) return;
    const source = new EventSource('/agent/events');
    state.events = source;
    source.addEventListener('hello', function () { $('live').classList.add('on'); });
    source.addEventListener('ticket', function (message) {
      const change = JSON.parse(message.data);
      scheduleRefresh(change);
    });
    source.onerror = function () { $('live').classList.remove('on'); };
  }

  function scheduleRefresh(change) {
    // Several events in a burst cause one reload of what is on screen.
    const hash = location.hash || '#/queue';
    clearTimeout(state.refreshTimer);
    state.refreshTimer = setTimeout(function () {
      if (hash.indexOf('#/ticket/') === 0 && state.ticket && state.ticket.ticket.number === change.number) loadTicket(change.number, true);
      else if (hash === '#/queue') loadQueue();
      else if (hash === '#/dashboard') loadDashboard();
    }, 150);
  }

  function route() {
    if (!state.me) return;
    const hash = location.hash || '#/queue';
    const match = /^#\/ticket\/(\d+)$/.exec(hash);
    if (match) { show('ticket-view'); loadTicket(Number(match[1]), false); }
    else if (hash === '#/dashboard') { show('dashboard-view'); loadDashboard(); }
    else { show('queue-view'); loadQueue(); }
  }

  // ---- queue ----
  async function loadQueue() {
    const params = new URLSearchParams();
    const pairs = [['status', 'f-status'], ['priority', 'f-priority'], ['channel', 'f-channel'], ['category', 'f-category'], ['scope', 'f-scope']];
    for (const [name, id] of pairs) if ($(id).value) params.set(name, $(id).value);
    params.set('lang', lang());
    const result = await api('GET', '/agent/api/tickets?' + params.toString());
    if (!result.ok) return;
    const rows = $('queue-rows');
    clear(rows);
    for (const t of result.data) {
      const tr = el('tr', null, 'p-' + t.priority);
      tr.dataset.number = String(t.number);
      const link = el('a', '#' + t.number);
      link.href = '#/ticket/' + t.number;
      const first = el('td');
      first.appendChild(link);
      tr.appendChild(first);
      tr.appendChild(el('td', t.priority, 'badge ' + t.priority));
      tr.appendChild(el('td', t.status));
      tr.appendChild(el('td', t.categoryTitle + (t.secretExposed ? ' ⚠' : '')));
      tr.appendChild(el('td', t.channel));
      tr.appendChild(el('td', t.userId));
      tr.appendChild(el('td', t.assignee || '—'));
      tr.appendChild(el('td', when(t.updatedAt)));
      tr.addEventListener('click', function (e) { if (e.target.tagName !== 'A') location.hash = '#/ticket/' + t.number; });
      rows.appendChild(tr);
    }
    $('queue-empty').hidden = result.data.length > 0;
  }

  // ---- ticket ----
  async function loadTicket(number, keepErrors) {
    const result = await api('GET', '/agent/api/tickets/' + number + '?lang=' + encodeURIComponent(lang()));
    if (!result.ok) {
      $('t-title').textContent = (result.data && result.data.error) || 'Cannot load the ticket.';
      return;
    }
    const view = result.data;
    const first = !state.ticket || state.ticket.ticket.number !== number;
    state.ticket = view;
    if (first && !keepErrors) {
      for (const id of ['t-error', 'reply-error', 'note-error']) $(id).textContent = '';
    }
    renderTicket(view, first);
  }

  function fact(list, name, value) {
    list.appendChild(el('dt', name));
    list.appendChild(el('dd', value === null || value === undefined || value === '' ? '—' : value));
  }

  function renderTicket(view, first) {
    const t = view.ticket;
    $('t-title').textContent = 'Ticket #' + t.number + ': ' + t.categoryTitle;
    const facts = $('t-facts');
    clear(facts);
    fact(facts, 'Status', t.status);
    fact(facts, 'Priority', t.priority);
    fact(facts, 'Assignee', t.assignee);
    fact(facts, 'Channel', t.channel);
    fact(facts, 'User', t.userId);
    fact(facts, 'Language', view.locale);
    fact(facts, 'Created', when(t.createdAt));
    if (view.rating) fact(facts, 'Rating', view.rating + ' / 5' + (view.ratingComment ? ': ' + view.ratingComment : ''));
    if (t.secretExposed) fact(facts, 'Warning', 'The user exposed a seed phrase or private key.');
    if (t.unreachable) fact(facts, 'Delivery', 'The user cannot be reached in their chat.');
    $('t-status').value = t.status;
    $('t-priority').value = t.priority;
    $('t-claim').disabled = !!t.assignee && t.assignee === state.me.name;
    $('t-claim').textContent = t.assignee === state.me.name ? 'Claimed by you' : 'Claim';

    const details = $('t-details');
    clear(details);
    for (const d of view.details) fact(details, d.title, d.display + (d.original && d.original !== d.display ? ' (“' + d.original + '”)' : ''));
    if (view.details.length === 0) details.appendChild(el('dd', 'None gathered.', 'muted'));

    const thumbs = $('t-attachments');
    clear(thumbs);
    for (const a of view.attachments) {
      const link = el('a', null, 'thumb');
      link.href = a.url;
      link.target = '_blank';
      link.rel = 'noopener';
      if (a.contentType.indexOf('image/') === 0) {
        const img = el('img');
        img.src = a.url;
        img.alt = a.fileName;
        link.appendChild(img);
      }
      link.appendChild(el('span', a.fileName + ' (' + Math.ceil(a.size / 1024) + ' KB)'));
      thumbs.appendChild(link);
    }
    if (view.attachments.length === 0) thumbs.appendChild(el('p', 'None.', 'muted'));

    const transcript = $('t-transcript');
    const atBottom = transcript.scrollTop + transcript.clientHeight >= transcript.scrollHeight - 8;
    clear(transcript);
    for (const line of view.transcript) {
      const item = el('li', null, 'line ' + line.direction);
      item.dataset.seq = String(line.seq);
      item.appendChild(el('span', line.direction + ' · ' + when(line.at), 'meta'));
      item.appendChild(el('div', line.text, 'text'));
      for (const name of line.attachments) item.appendChild(el('span', '📎 ' + name, 'meta'));
      transcript.appendChild(item);
    }
    if (first || atBottom) transcript.scrollTop = transcript.scrollHeight;

    const notes = $('t-notes');
    clear(notes);
    for (const n of view.notes) {
      const item = el('li');
      item.appendChild(el('span', n.agent + ' · ' + when(n.at), 'meta'));
      item.appendChild(el('div', n.text, 'text'));
      notes.appendChild(item);
    }

    const history = $('t-history');
    clear(history);
    for (const h of view.history) {
      history.appendChild(el('li', when(h.at) + ' — ' + h.actor + ': ' + h.action + (h.detail ? ' (' + h.detail + ')' : '')));
    }

    if (first) {
      const canned = $('t-canned');
      while (canned.options.length > 1) canned.remove(1);
      for (const c of view.canned) {
        const option = el('option', c.title);
        option.value = c.id;
        canned.appendChild(option);
      }
      canned.disabled = view.canned.length === 0;
    }
  }

  async function act(path, body, errorId) {
    const number = state.ticket.ticket.number;
    $(errorId).textContent = '';
    const result = await api('POST', '/agent/api/tickets/' + number + path, body);
    if (!result.ok) {
      $(errorId).textContent = (result.data && result.data.error) || ('The action failed (' + result.status + ').');
    }
    await loadTicket(number, true);
    return result.ok;
  }

  async function claim() { await act('/claim', {}, 't-error'); }

  async function reply(event) {
    event.preventDefault();
    const text = $('t-reply').value;
    if (!text.trim()) return;
    $('t-send').disabled = true;
    try {
      // On refusal (the outbound guard, someone else's ticket) the typed text stays in the box.
      if (await act('/reply', { text: text, lang: lang() }, 'reply-error')) {
        $('t-reply').value = '';
        $('t-canned').value = '';
      }
    } finally { $('t-send').disabled = false; }
  }

  async function note(event) {
    event.preventDefault();
    const text = $('t-note').value;
    if (!text.trim()) return;
    if (await act('/notes', { text: text, lang: lang() }, 'note-error')) $('t-note').value = '';
  }

  function pickCanned() {
    const id = $('t-canned').value;
    const canned = state.ticket && state.ticket.canned.find(function (c) { return c.id === id; });
    if (canned) { $('t-reply').value = canned.text; $('t-reply').focus(); }
  }

  // ---- dashboard ----
  const SVG = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const k in attrs) node.setAttribute(k, String(attrs[k]));
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  function barChart(container, items) {
    clear(container);
    const width = 360, height = 180, pad = 28;
    const max = Math.max(1, ...items.map(function (i) { return i.count; }));
    const chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', class: 'chart' });
    const bar = (width - pad * 2) / items.length;
    items.forEach(function (item, i) {
      const h = (height - pad * 2) * item.count / max;
      const x = pad + i * bar + 6, y = height - pad - h;
      chart.appendChild(svg('rect', { x: x, y: y, width: bar - 12, height: Math.max(h, 1), class: 'bar ' + item.label }));
      chart.appendChild(svg('text', { x: x + (bar - 12) / 2, y: y - 4, 'text-anchor': 'middle' }, item.count));
      chart.appendChild(svg('text', { x: x + (bar - 12) / 2, y: height - 8, 'text-anchor': 'middle' }, item.label));
    });
    container.appendChild(chart);
  }

  function lineChart(container, points, maxValue, unit) {
    clear(container);
    if (points.length === 0) { container.appendChild(el('p', 'No data yet.', 'muted')); return; }
    const width = 360, height = 180, pad = 30;
    const max = maxValue || Math.max(1, ...points.map(function (p) { return p.value; }));
    const chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', class: 'chart' });
    const step = points.length > 1 ? (width - pad * 2) / (points.length - 1) : 0;
    const xy = points.map(function (p, i) {
      return [pad + i * step, height - pad - (height - pad * 2) * p.value / max];
    });
    chart.appendChild(svg('line', { x1: pad, y1: height - pad, x2: width - pad, y2: height - pad, class: 'axis' }));
    chart.appendChild(svg('text', { x: 2, y: pad, 'font-size': 10 }, max + unit));
    chart.appendChild(svg('polyline', { points: xy.map(function (p) { return p.join(','); }).join(' '), class: 'series' }));
    xy.forEach(function (p, i) {
      const dot = svg('circle', { cx: p[0], cy: p[1], r: 3, class: 'dot' });
      dot.appendChild(svg('title', {}, points[i].day + ': ' + points[i].value + unit + ' (' + points[i].count + ')'));
      chart.appendChild(dot);
    });
    chart.appendChild(svg('text', { x: pad, y: height - 8, 'font-size': 10 }, points[0].day));
    if (points.length > 1) chart.appendChild(svg('text', { x: width - pad, y: height - 8, 'font-size': 10, 'text-anchor': 'end' }, points[points.length - 1].day));
    container.appendChild(chart);
  }

  async function loadDashboard() {
    const result = await api('GET', '/agent/api/dashboard?days=30');
    if (!result.ok) return;
    const d = result.data;
    barChart($('chart-open'), d.openByPriority);
    $('median-frt').textContent = d.medianFirstResponseMinutes === null
      ? 'No first responses in the last ' + d.days + ' days.'
      : 'Median over ' + d.days + ' days: ' + d.medianFirstResponseMinutes + ' min';
    lineChart($('chart-frt'), d.firstResponseByDay, 0, ' min');
    lineChart($('chart-csat'), d.csatByDay, 5, '');
  }

  // ---- start ----
  document.addEventListener('DOMContentLoaded', async function () {
    $('lang').value = lang();
    $('lang').addEventListener('change', function () { localStorage.setItem('sb-agent-lang', $('lang').value); route(); });
    $('signin-form').addEventListener('submit', signIn);
    $('signout').addEventListener('click', signOut);
    $('filters').addEventListener('change', loadQueue);
    $('t-claim').addEventListener('click', claim);
    $('t-status').addEventListener('change', function () { act('/status', { value: $('t-status').value }, 't-error'); });
    $('t-priority').addEventListener('change', function () { act('/priority', { value: $('t-priority').value }, 't-error'); });
    $('reply-form').addEventListener('submit', reply);
    $('note-form').addEventListener('submit', note);
    $('t-canned').addEventListener('change', pickCanned);
    window.addEventListener('hashchange', route);
    const me = await api('GET', '/agent/api/me');
    if (me.ok) started(me.data); else showSignIn();
  });
})();
