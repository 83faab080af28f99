// SupportBot agent console. Vanilla JS, no framework. Every text that came from a user, an agent or the store is
// put on the page with textContent (never innerHTML): transcripts contain markup and markdown on purpose.
// Every word of the console itself comes from dialogs/texts/console.yaml (GET /agent/api/texts), in the language
// picked at the top; every time is shown in the console's configured time zone, with the zone's name.
'use strict';

(function () {
  const state = {
    me: null, csrf: '', ticket: null, events: null, refreshTimer: 0, texts: {}, zone: 'UTC',
    rows: [], sort: null, search: '', agents: [],
  };
  const $ = (id) => document.getElementById(id);

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function lang() { return localStorage.getItem('sb-agent-lang') || 'en'; }

  // The text with this key, placeholders {name} filled from args; the key itself if the texts lack it.
  function t(key, args) {
    let text = Object.prototype.hasOwnProperty.call(state.texts, key) ? state.texts[key] : key;
    if (args) for (const name in args) text = text.split('{' + name + '}').join(String(args[name]));
    return text;
  }

  // A word for a wire value (status, priority, channel, direction, history action), or the value as it is.
  function word(group, value) {
    const key = 'console.ui.' + group + '.' + value;
    return Object.prototype.hasOwnProperty.call(state.texts, key) ? state.texts[key] : value;
  }

  async function loadTexts() {
    const response = await fetch('/agent/api/texts?lang=' + encodeURIComponent(lang()), { headers: { 'Accept': 'application/json' } });
    if (response.ok) {
      const data = await response.json();
      state.texts = data.texts;
      if (!state.me) state.zone = data.timeZone;
    }
    translatePage();
  }

  function translatePage() {
    document.documentElement.lang = lang();
    for (const node of document.querySelectorAll('[data-t]')) node.textContent = t(node.dataset.t);
    for (const node of document.querySelectorAll('[data-t-placeholder]')) node.placeholder = t(node.dataset.tPlaceholder);
    $('zone').textContent = t('console.ui.zone', { zone: state.zone });
    if (state.me) who();
  }

  function when(iso) {
    if (!iso) return '';
    try {
      return new Intl.DateTimeFormat(lang(), {
        timeZone: state.zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
        hour12: false, timeZoneName: 'short',
      }).format(new Date(iso));
    } catch (e) {
      return iso;
    }
  }

  function duration(ms) {
    const minutes = Math.max(0, Math.floor(ms / 60000));
    if (minutes < 60) return t('console.ui.duration.minutes', { m: minutes });
    const hours = Math.floor(minutes / 60);
    if (hours < 48) return t('console.ui.duration.hours', { h: hours, m: minutes % 60 });
    return t('console.ui.duration.days', { d: Math.floor(hours / 24), h: hours % 24 });
  }

  async function api(method, path, body) {
    const headers = { 'Accept': 'application/json', 'X-Console-Lang': lang() };
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
    if (response.status === 403 && data && data.passwordChangeRequired) { forcePasswordChange(); }
    return { ok: response.ok, status: response.status, data: data };
  }

  function failure(result) {
    return (result.data && result.data.error) || t('console.ui.error.failed', { status: result.status });
  }

  const views = ['signin-view', 'password-view', 'queue-view', 'ticket-view', 'agents-view', 'dashboard-view', 'conversation-view'];
  function show(view) {
    for (const id of views) $(id).hidden = id !== view;
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
      $('signin-error').textContent = failure(result);
      return;
    }
    started(result.data);
  }

  function who() {
    const me = state.me;
    $('who').textContent = me.name + ' (' + word('role', me.role) + ', ' + me.code + ')';
  }

  function started(me) {
    state.me = me;
    state.csrf = me.csrf;
    state.zone = me.timeZone;
    translatePage();
    $('nav-agents').hidden = me.role !== 'admin';
    const category = $('f-category');
    while (category.options.length > 1) category.remove(1);
    for (const c of me.categories) {
      const option = el('option', c.title);
      option.value = c.id;
      category.appendChild(option);
    }
    if (me.mustChangePassword) { forcePasswordChange(); return; }
    listen();
    route();
  }

  function forcePasswordChange() {
    if (state.me) state.me.mustChangePassword = true;
    if (state.events) { state.events.close(); state.events = null; }
    if (location.hash !== '#/password') location.hash = '#/password';
    showPassword();
  }

  function showPassword() {
    show('password-view');
    $('password-forced').hidden = !(state.me && state.me.mustChangePassword);
    for (const nav of ['nav-queue', 'nav-dashboard', 'nav-agents']) $(nav).classList.toggle('disabled', !!(state.me && state.me.mustChangePassword));
    $('pw-error').textContent = '';
    $('pw-current').focus();
  }

  async function changePassword(event) {
    event.preventDefault();
    $('pw-error').textContent = '';
    $('pw-done').textContent = '';
    if ($('pw-new').value !== $('pw-confirm').value) {
      $('pw-error').textContent = t('console.ui.password.mismatch');
      return;
    }
    const result = await api('POST', '/agent/api/password', { current: $('pw-current').value, new: $('pw-new').value });
    for (const id of ['pw-current', 'pw-new', 'pw-confirm']) $(id).value = '';
    if (!result.ok) { $('pw-error').textContent = failure(result); return; }
    const wasForced = state.me.mustChangePassword;
    started(result.data);
    if (wasForced) location.hash = '#/queue';
    else { show('password-view'); $('pw-done').textContent = t('console.ui.password.done'); }
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
    source.addEventListener('notice', function (message) {
      const notice = JSON.parse(message.data);
      if (notice.kind === 'taken') {
        const key = notice.to ? 'console.ui.notice.reassigned' : 'console.ui.notice.unassigned';
        showNotice(t(key, { number: notice.number, by: notice.by, to: notice.to || '' }));
      }
    });
    source.onerror = function () { $('live').classList.remove('on'); };
  }

  function showNotice(text) {
    $('notice').textContent = text;
    $('notice').hidden = false;
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
    if (state.me.mustChangePassword || hash === '#/password') { showPassword(); return; }
    const match = /^#\/ticket\/(\d+)$/.exec(hash);
    const conversation = /^#\/conversation\/([^/]+)\/(.+)$/.exec(hash);
    if (match) { show('ticket-view'); loadTicket(Number(match[1]), false); }
    else if (conversation) { show('conversation-view'); loadConversation(conversation[1], conversation[2]); }
    else if (hash === '#/dashboard') { show('dashboard-view'); loadDashboard(); }
    else if (hash === '#/agents' && state.me.role === 'admin') { show('agents-view'); loadAgents(); }
    else { show('queue-view'); loadQueue(); }
  }

  // ---- queue and search ----
  async function loadQueue() {
    let result;
    if (state.search) {
      result = await api('GET', '/agent/api/search?' + new URLSearchParams({ q: state.search, lang: lang() }).toString());
      $('search-heading').hidden = false;
      $('search-heading').textContent = t('console.ui.search.heading', { q: state.search });
    } else {
      const params = new URLSearchParams();
      const pairs = [['status', 'f-status'], ['priority', 'f-priority'], ['channel', 'f-channel'], ['category', 'f-category'], ['scope', 'f-scope']];
      for (const [name, id] of pairs) if ($(id).value) params.set(name, $(id).value);
      params.set('lang', lang());
      result = await api('GET', '/agent/api/tickets?' + params.toString());
      $('search-heading').hidden = true;
    }
    if (!result.ok) { $('search-error').textContent = failure(result); return; }
    $('search-error').textContent = '';
    state.rows = result.data;
    renderQueue();
  }

  function sorted(rows) {
    const copy = rows.slice();
    if (state.sort === 'waiting') copy.sort(function (a, b) { return Date.parse(a.waitingSince) - Date.parse(b.waitingSince); });
    if (state.sort === 'sla') {
      copy.sort(function (a, b) {
        if (a.slaBreached !== b.slaBreached) return a.slaBreached ? -1 : 1;
        const da = a.slaDueAt ? Date.parse(a.slaDueAt) : Infinity, db = b.slaDueAt ? Date.parse(b.slaDueAt) : Infinity;
        return da - db;
      });
    }
    return copy;
  }

  function renderQueue() {
    const rows = $('queue-rows');
    clear(rows);
    const now = Date.now();
    for (const ticket of sorted(state.rows)) {
      const tr = el('tr', null, 'p-' + ticket.priority + (ticket.slaBreached ? ' sla-breached' : ''));
      tr.dataset.number = String(ticket.number);
      const link = el('a', '#' + ticket.number);
      link.href = '#/ticket/' + ticket.number;
      const first = el('td');
      first.appendChild(link);
      tr.appendChild(first);
      tr.appendChild(el('td', word('priority', ticket.priority), 'badge ' + ticket.priority));
      tr.appendChild(el('td', word('status', ticket.status)));
      tr.appendChild(el('td', ticket.categoryTitle + (ticket.secretExposed ? ' ⚠' : '')));
      tr.appendChild(el('td', word('channel', ticket.channel)));
      tr.appendChild(el('td', userLabel(ticket), 'user'));
      tr.appendChild(el('td', ticket.uid || '—', 'uid'));
      tr.appendChild(el('td', ticket.assignee || '—'));
      const open = ['new', 'assigned', 'waiting_on_user'].indexOf(ticket.status) >= 0;
      tr.appendChild(el('td', open ? duration(now - Date.parse(ticket.waitingSince)) : '—', 'waiting'));
      tr.appendChild(el('td', slaLabel(ticket, now), 'sla'));
      tr.appendChild(el('td', when(ticket.updatedAt)));
      tr.addEventListener('click', function (e) { if (e.target.tagName !== 'A') location.hash = '#/ticket/' + ticket.number; });
      rows.appendChild(tr);
    }
    $('queue-empty').hidden = state.rows.length > 0;
  }

  function userLabel(ticket) {
    // The person first (their profile name, else the email or phone they gave), then the channel's id.
    const name = ticket.userName !== ticket.userId ? ticket.userName : null;
    const who = [name, ticket.contact].filter(Boolean).join(' · ');
    return who ? who + ' · ' + ticket.userId : ticket.userId;
  }

  function slaLabel(ticket, now) {
    if (ticket.slaBreached) return t('console.ui.sla.breached');
    if (!ticket.slaDueAt) return t('console.ui.sla.met');
    return t('console.ui.sla.dueIn', { time: duration(Date.parse(ticket.slaDueAt) - now) });
  }

  function search(event) {
    event.preventDefault();
    state.search = $('search').value.trim();
    $('search-clear').hidden = !state.search;
    if (location.hash !== '#/queue' && location.hash !== '') location.hash = '#/queue';
    else loadQueue();
  }

  function clearSearch() {
    state.search = '';
    $('search').value = '';
    $('search-clear').hidden = true;
    loadQueue();
  }

  // ---- ticket ----
  async function loadTicket(number, keepErrors) {
    const result = await api('GET', '/agent/api/tickets/' + number + '?lang=' + encodeURIComponent(lang()));
    if (!result.ok) {
      $('t-title').textContent = failure(result);
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

  function fact(list, name, value, className) {
    list.appendChild(el('dt', name));
    list.appendChild(el('dd', value === null || value === undefined || value === '' ? '—' : value, className));
  }

  function renderTicket(view, first) {
    const ticket = view.ticket;
    const now = Date.now();
    $('t-title').textContent = t('console.ui.ticket.title', { number: ticket.number, category: ticket.categoryTitle });
    const facts = $('t-facts');
    clear(facts);
    fact(facts, t('console.ui.filter.status'), word('status', ticket.status));
    fact(facts, t('console.ui.filter.priority'), word('priority', ticket.priority));
    fact(facts, t('console.ui.col.assignee'), ticket.assignee);
    fact(facts, t('console.ui.filter.channel'), word('channel', ticket.channel));
    fact(facts, t('console.ui.col.user'), userLabel(ticket), 'user');
    fact(facts, t('console.ui.col.uid'), ticket.uid, 'uid');
    fact(facts, t('console.ui.ticket.language'), view.locale);
    fact(facts, t('console.ui.ticket.created'), when(ticket.createdAt));
    fact(facts, t('console.ui.col.sla'), slaLabel(ticket, now), ticket.slaBreached ? 'sla-breached' : '');
    // Written by the optional AI from the redacted transcript; absent when AI is off or failed.
    if (view.summary) fact(facts, t('console.ui.ticket.aiSummary'), view.summary, 'ai-summary');
    if (view.rating) fact(facts, t('console.ui.ticket.rating'), view.rating + ' / 5' + (view.ratingComment ? ': ' + view.ratingComment : ''));
    if (ticket.secretExposed) fact(facts, t('console.ui.ticket.warning'), t('console.ui.ticket.secretExposed'));
    if (ticket.unreachable) fact(facts, t('console.ui.ticket.delivery'), t('console.ui.ticket.unreachable'));
    $('t-status').value = ticket.status;
    $('t-priority').value = ticket.priority;
    const mine = !!ticket.assignee && ticket.assignee === state.me.name;
    // The AI's draft button only when AI is on; the draft goes in the reply box, never straight to the user.
    $('t-suggest').hidden = !view.suggestReply;
    if (first) $('suggest-note').hidden = true;
    $('t-claim').disabled = mine;
    $('t-claim').textContent = mine ? t('console.ui.ticket.claimedByYou') : t('console.ui.ticket.claim');
    renderAdmin(ticket);

    const details = $('t-details');
    clear(details);
    for (const d of view.details) fact(details, d.title, d.display + (d.original && d.original !== d.display ? ' (“' + d.original + '”)' : ''));
    if (view.details.length === 0) details.appendChild(el('dd', t('console.ui.ticket.noDetails'), 'muted'));

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
    if (view.attachments.length === 0) thumbs.appendChild(el('p', t('console.ui.ticket.none'), 'muted'));

    const related = $('t-related');
    clear(related);
    for (const r of view.related) {
      const item = el('li');
      const link = el('a', '#' + r.number);
      link.href = '#/ticket/' + r.number;
      item.appendChild(link);
      item.appendChild(el('span', ' ' + r.categoryTitle + ' · ' + word('status', r.status) + ' · ' + word('channel', r.channel) + ' · ' + when(r.createdAt)));
      related.appendChild(item);
    }
    if (view.related.length === 0) related.appendChild(el('li', t('console.ui.ticket.none'), 'muted'));

    const transcript = $('t-transcript');
    const atBottom = transcript.scrollTop + transcript.clientHeight >= transcript.scrollHeight - 8;
    clear(transcript);
    for (const line of view.transcript) {
      const item = el('li', null, 'line ' + line.direction);
      item.dataset.seq = String(line.seq);
      item.appendChild(el('span', word('direction', line.direction) + ' · ' + when(line.at), 'meta'));
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
      history.appendChild(el('li', when(h.at) + ' — ' + h.actor + ': ' + word('action', h.action) + (h.detail ? ' (' + h.detail + ')' : '')));
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

  async function renderAdmin(ticket) {
    const admin = state.me.role === 'admin';
    $('t-admin').hidden = !admin;
    if (!admin) return;
    $('t-takeover').disabled = ticket.assignee === state.me.name;
    if (state.agents.length === 0) {
      const result = await api('GET', '/agent/api/agents');
      if (result.ok) state.agents = result.data.filter(function (a) { return a.active; });
    }
    const select = $('t-assignee');
    const keep = select.value;
    clear(select);
    const nobody = el('option', t('console.ui.ticket.nobody'));
    nobody.value = '';
    select.appendChild(nobody);
    for (const a of state.agents) {
      const option = el('option', a.name);
      option.value = a.name;
      select.appendChild(option);
    }
    select.value = keep || ticket.assignee || '';
  }

  async function act(path, body, errorId) {
    const number = state.ticket.ticket.number;
    $(errorId).textContent = '';
    const result = await api('POST', '/agent/api/tickets/' + number + path, body);
    if (!result.ok) {
      $(errorId).textContent = failure(result);
    }
    await loadTicket(number, true);
    return result.ok;
  }

  async function claim() { await act('/claim', {}, 't-error'); }

  async function assign(name) { await act('/assign', { agent: name || null }, 't-error'); }

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

  async function suggest() {
    const number = state.ticket.ticket.number;
    $('reply-error').textContent = '';
    $('suggest-note').hidden = true;
    $('t-suggest').disabled = true;
    try {
      const result = await api('POST', '/agent/api/tickets/' + number + '/suggested-reply', {});
      if (!result.ok) { $('reply-error').textContent = failure(result); return; }
      $('t-reply').value = result.data.draft;
      $('suggest-note').hidden = false;
      $('t-reply').focus();
    } finally { $('t-suggest').disabled = false; }
  }

  function pickCanned() {
    const id = $('t-canned').value;
    const canned = state.ticket && state.ticket.canned.find(function (c) { return c.id === id; });
    if (canned) { $('t-reply').value = canned.text; $('t-reply').focus(); }
  }

  // ---- agents (admins) ----
  async function loadAgents() {
    const result = await api('GET', '/agent/api/agents');
    if (!result.ok) { $('agents-error').textContent = failure(result); return; }
    state.agents = result.data.filter(function (a) { return a.active; });
    const rows = $('agents-rows');
    clear(rows);
    for (const a of result.data) {
      const tr = el('tr');
      tr.dataset.name = a.name;
      tr.appendChild(el('td', a.name));
      tr.appendChild(el('td', word('role', a.role)));
      tr.appendChild(el('td', a.code));
      tr.appendChild(el('td', a.active ? (a.mustChangePassword ? t('console.ui.agents.mustChange') : t('console.ui.agents.active')) : t('console.ui.agents.inactive')));
      const actions = el('td');
      if (a.name !== state.me.name) {
        const toggle = el('button', a.active ? t('console.ui.agents.deactivate') : t('console.ui.agents.activate'), 'toggle');
        toggle.type = 'button';
        toggle.addEventListener('click', function () { agentAction(a.name, a.active ? 'deactivate' : 'activate'); });
        const reset = el('button', t('console.ui.agents.reset'), 'reset');
        reset.type = 'button';
        reset.addEventListener('click', function () { agentAction(a.name, 'reset-password'); });
        actions.appendChild(toggle);
        actions.appendChild(reset);
      }
      tr.appendChild(actions);
      rows.appendChild(tr);
    }
  }

  async function agentAction(name, action) {
    $('agents-error').textContent = '';
    $('agents-password').textContent = '';
    const result = await api('POST', '/agent/api/agents/' + encodeURIComponent(name) + '/' + action, {});
    if (!result.ok) { $('agents-error').textContent = failure(result); return; }
    if (action === 'reset-password') $('agents-password').textContent = t('console.ui.agents.newPassword', { name: name, password: result.data.password });
    await loadAgents();
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
      chart.appendChild(svg('text', { x: x + (bar - 12) / 2, y: height - 8, 'text-anchor': 'middle' }, word('priority', item.label)));
    });
    container.appendChild(chart);
  }

  function lineChart(container, points, maxValue, unit) {
    clear(container);
    if (points.length === 0) { container.appendChild(el('p', t('console.ui.dash.noData'), 'muted')); return; }
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
      ? t('console.ui.dash.noFirstResponses', { days: d.days })
      : t('console.ui.dash.median', { days: d.days, minutes: d.medianFirstResponseMinutes });
    lineChart($('chart-frt'), d.firstResponseByDay, 0, ' ' + t('console.ui.dash.minutesUnit'));
    lineChart($('chart-csat'), d.csatByDay, 5, '');
    $('report').hidden = state.me.role !== 'admin';
    if (state.me.role === 'admin') await loadReport();
  }

  // ---- the bot report (admins) ----
  function stackedChart(container, rows) {
    clear(container);
    if (rows.length === 0) { container.appendChild(el('p', t('console.ui.dash.noData'), 'muted')); return; }
    const width = 360, rowHeight = 22, pad = 110;
    const chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + (rows.length * rowHeight + 24), role: 'img', class: 'chart' });
    const parts = [['selfHelp', 'self-help'], ['ticket', 'ticket'], ['abandoned', 'abandoned']];
    rows.forEach(function (row, i) {
      const total = Math.max(1, row.selfHelp + row.ticket + row.abandoned);
      let x = pad;
      chart.appendChild(svg('text', { x: 0, y: i * rowHeight + 15 }, row.title));
      for (const [field, cls] of parts) {
        const w = (width - pad) * row[field] / total;
        const rect = svg('rect', { x: x, y: i * rowHeight + 4, width: Math.max(w, 0), height: rowHeight - 6, class: 'bar ' + cls });
        rect.appendChild(svg('title', {}, t('console.ui.report.' + field) + ': ' + row[field] + ' (' + Math.round(100 * row[field] / total) + '%)'));
        chart.appendChild(rect);
        x += w;
      }
    });
    const legend = rows.length * rowHeight + 18;
    parts.forEach(function (part, i) {
      chart.appendChild(svg('rect', { x: pad + i * 85, y: legend - 9, width: 10, height: 10, class: 'bar ' + part[1] }));
      chart.appendChild(svg('text', { x: pad + i * 85 + 14, y: legend }, t('console.ui.report.' + part[0])));
    });
    container.appendChild(chart);
  }

  async function loadReport() {
    const result = await api('GET', '/agent/api/report?days=7&lang=' + encodeURIComponent(lang()));
    if (!result.ok) return;
    const r = result.data;
    $('report-period').textContent = t('console.ui.report.period', { since: r.since, until: r.until, zone: r.timeZone });
    const days = {};
    for (const d of r.conversationsByDay) days[d.day] = (days[d.day] || 0) + d.count;
    barChart($('chart-conversations'), Object.keys(days).sort().map(function (day) { return { label: day, count: days[day] }; }));
    stackedChart($('chart-outcomes'), r.outcomesByProblem);
    const drop = $('report-dropoffs');
    clear(drop);
    for (const d of r.dropOffs) drop.appendChild(el('li', d.problem + ' → ' + d.stepTitle + ': ' + d.count));
    const unrecognized = $('report-unrecognized');
    clear(unrecognized);
    for (const u of r.unrecognized) {
      const item = el('li');
      const link = el('a', u.text);
      link.href = '#/conversation/' + encodeURIComponent(u.channel) + '/' + encodeURIComponent(u.conversationId);
      item.appendChild(link);
      item.appendChild(el('span', ' × ' + u.count));
      unrecognized.appendChild(item);
    }
    barChart($('chart-secrets'), r.secretsCaught.map(function (s) { return { label: s.name, count: s.count }; }));
    const times = $('report-times');
    clear(times);
    for (const p of r.timesByPriority) {
      times.appendChild(el('li', word('priority', p.priority) + ' (' + p.tickets + '): ' + t('console.ui.report.timesLine', {
        f50: p.firstResponseP50 ?? '—', f90: p.firstResponseP90 ?? '—', r50: p.resolutionP50 ?? '—', r90: p.resolutionP90 ?? '—',
      })));
    }
    const csat = $('report-csat');
    clear(csat);
    for (const c of r.csatByAgent) csat.appendChild(el('li', t('console.ui.report.csatAgent', { name: c.name, average: c.average, count: c.ratings })));
    for (const c of r.csatByProblem) csat.appendChild(el('li', t('console.ui.report.csatProblem', { name: c.name, average: c.average, count: c.ratings })));
  }

  async function loadConversation(channel, id) {
    const result = await api('GET', '/agent/api/conversations/' + channel + '/' + id);
    const list = $('c-transcript');
    clear(list);
    if (!result.ok) return;
    for (const line of result.data) {
      const item = el('li', null, 'line ' + line.direction);
      item.appendChild(el('span', word('direction', line.direction) + ' · ' + when(line.at), 'meta'));
      item.appendChild(el('div', line.text, 'text'));
      list.appendChild(item);
    }
  }

  // ---- start ----
  document.addEventListener('DOMContentLoaded', async function () {
    $('lang').value = lang();
    $('lang').addEventListener('change', async function () {
      localStorage.setItem('sb-agent-lang', $('lang').value);
      await loadTexts();
      if (state.me) {
        const me = await api('GET', '/agent/api/me');
        if (me.ok) { state.me = me.data; state.csrf = me.data.csrf; translatePage(); refillCategories(me.data); }
        route();
      }
    });
    $('signin-form').addEventListener('submit', signIn);
    $('password-form').addEventListener('submit', changePassword);
    $('signout').addEventListener('click', signOut);
    $('filters').addEventListener('change', loadQueue);
    $('search-form').addEventListener('submit', search);
    $('search-clear').addEventListener('click', clearSearch);
    $('sort-waiting').addEventListener('click', function () { state.sort = 'waiting'; renderQueue(); });
    $('sort-sla').addEventListener('click', function () { state.sort = 'sla'; renderQueue(); });
    $('t-claim').addEventListener('click', claim);
    $('t-takeover').addEventListener('click', function () { assign(state.me.name); });
    $('t-assign').addEventListener('click', function () { assign($('t-assignee').value); });
    $('t-status').addEventListener('change', function () { act('/status', { value: $('t-status').value }, 't-error'); });
    $('t-priority').addEventListener('change', function () { act('/priority', { value: $('t-priority').value }, 't-error'); });
    $('reply-form').addEventListener('submit', reply);
    $('t-suggest').addEventListener('click', suggest);
    $('note-form').addEventListener('submit', note);
    $('t-canned').addEventListener('change', pickCanned);
    window.addEventListener('hashchange', route);
    await loadTexts();
    const me = await api('GET', '/agent/api/me');
    if (me.ok) started(me.data); else showSignIn();
  });

  function refillCategories(me) {
    const category = $('f-category');
    const keep = category.value;
    while (category.options.length > 1) category.remove(1);
    for (const c of me.categories) {
      const option = el('option', c.title);
      option.value = c.id;
      category.appendChild(option);
    }
    category.value = keep;
  }
})();
