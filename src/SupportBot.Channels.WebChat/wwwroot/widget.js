/* SupportBot web chat widget. One script tag embeds it:
 *   <script src="https://bot.example/widget.js" data-locale="zh-CN"></script>
 * It injects a launcher button and a chat panel inside a shadow root (styles isolated both ways) and speaks
 * Direct Line 3.0 to the host it was loaded from: WebSocket stream with watermark, polling as the fall-back.
 * Options (data-* on the script tag): locale ("zh-CN" | "en"; default: the browser's), mode ("page": full-page
 * chat without launcher), transport ("polling" forces polling), token-url (default /webchat/token).
 * Every text from the user or the bot is shown with textContent: never parsed as HTML, links are not made. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__supportBotWidget) { return; }
  window.__supportBotWidget = true;
  var data = script.dataset;
  var origin = new URL(script.src, location.href).origin;
  var api = origin + '/v3/directline';
  var query = new URLSearchParams(location.search);
  var pageMode = data.mode === 'page';
  var forcePolling = (data.transport || (pageMode && query.get('transport')) || '') === 'polling';
  var storeKey = 'supportbot.webchat:' + origin;

  var STRINGS = {
    'en': {
      title: 'Support', open: 'Open support chat', close: 'Close chat', other: '中文', otherLabel: '切换到中文',
      warning: 'Never share your password, private key, seed phrase or 2FA code with anyone. ' +
        'Our staff will never message you first.',
      log: 'Conversation', input: 'Message', placeholder: 'Type your message…', send: 'Send',
      attach: 'Attach a screenshot', remove: 'Remove screenshot', typing: 'Support is typing…',
      connecting: 'Connecting…', reconnecting: 'Connection lost. Reconnecting…', failed: 'Cannot connect right now. ' +
        'Please try again later.', sending: 'Sending…', notSent: 'Not sent.', retry: 'Retry',
      uploading: 'Uploading…', notImage: 'Please choose an image (PNG, JPG, GIF or WEBP).',
      tooBig: 'The image is too large (10 MB at most).', you: 'You', bot: 'Support bot',
      agent: function (name, code) { return 'Agent ' + name + (code ? ' · code ' + code : ''); },
      choices: 'Quick replies', newChat: 'A new conversation was started.'
    },
    'zh-CN': {
      title: '在线客服', open: '打开客服聊天', close: '关闭聊天', other: 'EN', otherLabel: 'Switch to English',
      warning: '请勿向任何人透露密码、私钥、助记词或两步验证（2FA）码。我们的工作人员绝不会主动私信您。',
      log: '对话记录', input: '消息', placeholder: '请输入消息…', send: '发送',
      attach: '上传截图', remove: '移除截图', typing: '客服正在输入…',
      connecting: '正在连接…', reconnecting: '连接已断开，正在重连…', failed: '暂时无法连接，请稍后再试。',
      sending: '发送中…', notSent: '发送失败。', retry: '重试',
      uploading: '上传中…', notImage: '请选择图片（PNG、JPG、GIF 或 WEBP）。',
      tooBig: '图片太大（最大 10 MB）。', you: '您', bot: '客服机器人',
      agent: function (name, code) { return '客服 ' + name + (code ? ' · 工号 ' + code : ''); },
      choices: '快捷回复', newChat: '已开始新的对话。'
    }
  };
  var locale = pick(data.locale || (pageMode && query.get('locale')) || navigator.language || 'en');
  function pick(tag) { return /^zh/i.test(tag) ? 'zh-CN' : 'en'; }
  function t() { return STRINGS[locale]; }

  // ---- DOM -------------------------------------------------------------------------------------------------
  var host = document.createElement('div');
  host.setAttribute('data-supportbot', '');
  var root = host.attachShadow({ mode: 'open' });
  root.innerHTML = '<style>' + css() + '</style>' +   // fixed markup only; no user or bot text ever goes here
    '<button class="launcher" type="button" aria-expanded="false" aria-controls="sb-panel">' +
    '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16v12H8l-4 4z"/></svg></button>' +
    '<section class="panel" id="sb-panel" role="dialog" hidden>' +
    '<header><h2 class="title"></h2><button type="button" class="lang"></button>' +
    '<button type="button" class="close">×</button></header>' +
    '<p class="warning" role="note"></p>' +
    '<p class="status" role="status" aria-live="polite"></p>' +
    '<ol class="log" role="log" aria-live="polite" aria-relevant="additions" tabindex="0"></ol>' +
    '<div class="typing" hidden><span class="dots" aria-hidden="true"><i></i><i></i><i></i></span>' +
    '<span class="typing-text"></span></div>' +
    '<div class="preview" hidden><img alt=""><span class="file-name"></span>' +
    '<progress max="100" value="0" hidden></progress><button type="button" class="remove">×</button></div>' +
    '<form class="composer"><label class="attach"><input type="file" accept="image/*">' +
    '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M16 6l-8 8a2 2 0 0 0 3 3l8-8a4 4 0 0 0-6-6l-8 8a6 6 0 0 0 ' +
    '9 9l6-6"/></svg></label><label class="sr" for="sb-input"></label>' +
    '<textarea id="sb-input" rows="1" autocomplete="off"></textarea><button type="submit" class="send"></button>' +
    '</form></section>';
  function $(selector) { return root.querySelector(selector); }
  var launcher = $('.launcher'), panel = $('.panel'), log = $('.log'), input = $('textarea'), form = $('.composer');
  var fileInput = $('input[type=file]'), preview = $('.preview'), progress = $('progress'), statusLine = $('.status');
  var typingRow = $('.typing'), sendButton = $('.send');

  function applyStrings() {
    var s = t();
    host.lang = locale;
    launcher.setAttribute('aria-label', s.open);
    panel.setAttribute('aria-label', s.title);
    $('.title').textContent = s.title;
    $('.lang').textContent = s.other;
    $('.lang').setAttribute('aria-label', s.otherLabel);
    $('.lang').setAttribute('lang', locale === 'en' ? 'zh-CN' : 'en');
    $('.close').setAttribute('aria-label', s.close);
    $('.warning').textContent = s.warning;
    log.setAttribute('aria-label', s.log);
    $('label.sr').textContent = s.input;
    input.placeholder = s.placeholder;
    $('.attach').setAttribute('title', s.attach);
    fileInput.setAttribute('aria-label', s.attach);
    $('.remove').setAttribute('aria-label', s.remove);
    $('.typing-text').textContent = s.typing;
    sendButton.textContent = s.send;
  }

  if (pageMode) { host.classList.add('page'); root.host.setAttribute('data-mode', 'page'); }
  applyStrings();
  (document.body || document.documentElement).appendChild(host);

  function openPanel() {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    if (!pageMode) { launcher.hidden = true; }
    input.focus();
    start();
  }
  function closePanel() {
    if (pageMode) { return; }
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }
  launcher.addEventListener('click', openPanel);
  $('.close').addEventListener('click', closePanel);
  panel.addEventListener('keydown', function (e) { if (e.key === 'Escape') { closePanel(); } });
  $('.lang').addEventListener('click', function () {
    locale = locale === 'en' ? 'zh-CN' : 'en';
    applyStrings();
    if (session) { session.locale = locale; save(); }
  });

  // ---- Messages ----------------------------------------------------------------------------------------------
  var byId = {};          // activity id → <li>
  var pending = {};       // clientActivityID → <li> (sent, echo not seen yet)
  var lastChoices = null; // the quick-reply group that is still usable
  var typingTimer = 0;

  function isMine(activity) {
    var from = activity.from || {};
    return from.role === 'user' || (session && from.id === session.userId);
  }

  function render(activity, replay) {
    if (activity.type === 'typing') {
      if (!replay && !isMine(activity)) { showTyping(); }
      return;
    }
    if (activity.type !== 'message') { return; }
    var channelData = activity.channelData || {};
    if (channelData.postBack) { return; }
    var mine = isMine(activity);
    var li = (activity.id && byId[activity.id]) || (channelData.clientActivityID && pending[channelData.clientActivityID]);
    if (!li) {
      if (!mine) { hideTyping(); }
      li = document.createElement('li');
      log.appendChild(li);
    }
    if (channelData.clientActivityID) { delete pending[channelData.clientActivityID]; }
    if (activity.id) { byId[activity.id] = li; li.setAttribute('data-id', activity.id); }
    fill(li, activity, mine);
    if (!mine && activity.suggestedActions && (activity.suggestedActions.actions || []).length) {
      showChoices(li, activity.suggestedActions.actions);
    } else if (mine || li === log.lastElementChild) {
      disableChoices();
    }
    scrollDown();
  }

  function fill(li, activity, mine, state) {
    var channelData = activity.channelData || {};
    li.className = 'msg ' + (mine ? 'user' : 'bot') + (channelData.agentName ? ' agent' : '');
    var keep = li.querySelector('.choices');
    li.textContent = '';
    var who = el('div', 'who');
    who.textContent = mine ? t().you : channelData.agentName ? t().agent(channelData.agentName, channelData.agentCode) :
      t().bot;
    if (!mine && !channelData.agentName) { who.className += ' sr'; }
    li.appendChild(who);
    var text = channelData.messageBack && channelData.messageBack.displayText || activity.text || '';
    if (text) {
      var bubble = el('div', 'bubble');
      bubble.textContent = text;
      li.appendChild(bubble);
    }
    (activity.attachments || []).forEach(function (a) { li.appendChild(attachment(a)); });
    if (state) {
      var status = el('div', 'state');
      status.textContent = state;
      li.appendChild(status);
    }
    if (keep) { li.appendChild(keep); }
  }

  function attachment(a) {
    var url = typeof a.contentUrl === 'string' && /^(https?:|blob:)/i.test(a.contentUrl) ? a.contentUrl : '';
    if (url && /^image\//i.test(a.contentType || '')) {
      var img = el('img', 'shot');
      img.alt = a.name || '';
      img.loading = 'lazy';
      img.onerror = function () { // attachments are access-checked: fetch with the token once if a plain GET failed
        img.onerror = null;
        if (!session || url.indexOf('blob:') === 0) { return; }
        fetch(url, { headers: { Authorization: 'Bearer ' + session.token } })
          .then(function (r) { return r.ok ? r.blob() : Promise.reject(r); })
          .then(function (b) { img.src = URL.createObjectURL(b); }, function () { });
      };
      img.src = url;
      return img;
    }
    var name = el('div', 'file');
    name.textContent = a.name || a.contentType || '';
    return name;
  }

  function showChoices(li, actions) {
    disableChoices();
    var group = el('div', 'choices');
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', t().choices);
    actions.forEach(function (action) {
      var b = el('button', 'choice');
      b.type = 'button';
      b.textContent = action.title || String(action.value || '');
      b.addEventListener('click', function () {
        disableChoices();
        sendAction(action);
      });
      group.appendChild(b);
    });
    li.appendChild(group);
    lastChoices = group;
  }

  function disableChoices() {
    if (!lastChoices) { return; }
    lastChoices.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
    lastChoices = null;
  }

  function showTyping() {
    typingRow.hidden = false;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(hideTyping, 5000);
    scrollDown();
  }
  function hideTyping() { clearTimeout(typingTimer); typingRow.hidden = true; }
  function scrollDown() { log.scrollTop = log.scrollHeight; }
  function el(tag, cls) { var e = document.createElement(tag); e.className = cls; return e; }
  function setStatus(text) { statusLine.textContent = text || ''; statusLine.hidden = !text; }

  // ---- Direct Line -------------------------------------------------------------------------------------------
  var session = null;     // { conversationId, token, expiresAt, userId, locale }
  var watermark = '';
  var socket = null, socketFailures = 0, polling = false, pollTimer = 0, refreshTimer = 0, started = null;
  var backoff = 1000, inflight = false, pollAgain = false;

  function load() { try { return JSON.parse(localStorage.getItem(storeKey) || 'null'); } catch (e) { return null; } }
  function save() { try { localStorage.setItem(storeKey, JSON.stringify(session)); } catch (e) { /* private mode */ } }

  function call(method, path, body, token) {
    return fetch(path.indexOf('http') === 0 ? path : api + path, {
      method: method,
      headers: Object.assign({ Accept: 'application/json' }, token ? { Authorization: 'Bearer ' + token } : {},
        body ? { 'Content-Type': 'application/json' } : {}),
      body: body ? JSON.stringify(body) : undefined
    }).then(function (r) {
      if (!r.ok) { var e = new Error('HTTP ' + r.status); e.status = r.status; throw e; }
      return r.status === 204 ? {} : r.json();
    });
  }

  function start() {
    if (!started) {
      setStatus(t().connecting);
      sendButton.disabled = true;
      started = connect().then(function () { sendButton.disabled = false; }, function () {
        started = null;
        setStatus(t().failed);
        setTimeout(start, 10000);
      });
    }
    return started;
  }

  // The host's token route gives a token for a new conversation, or (shown an earlier token, even an expired one
  // within the resume window) a fresh token for the same conversation: then the history is shown and the stream
  // continues after it.
  function connect() {
    var saved = load();
    return call('POST', data.tokenUrl || origin + '/webchat/token', null, saved && saved.token).then(function (minted) {
      var resumed = saved && minted.conversationId === saved.conversationId;
      if (saved && saved.locale && !data.locale && !query.get('locale')) { locale = pick(saved.locale); applyStrings(); }
      session = {
        conversationId: minted.conversationId, token: minted.token, userId: minted.userId || tokenUser(minted.token),
        expiresAt: Date.now() + 1000 * (minted.expires_in || 1800), locale: locale
      };
      save();
      scheduleRefresh();
      if (saved && !resumed) { note(t().newChat); }
      if (resumed) {
        return history().then(function () {
          if (forcePolling || !window.WebSocket) { startPolling(); return; }
          return reconnectStream();
        });
      }
      return call('POST', '/conversations', { user: { id: session.userId }, locale: locale }, session.token)
        .then(function (r) {
          if (r.token) { session.token = r.token; save(); }
          openStream(r.streamUrl);
          // A new conversation: tell the bot the chat is open so it greets (warning and menu) before the user types.
          return call('POST', '/conversations/' + enc(session.conversationId) + '/activities', {
            type: 'event', name: 'webchat/join', from: { id: session.userId }, locale: locale, value: { language: locale }
          }, session.token).catch(function () { /* the first message greets instead */ });
        });
    });
  }

  function history() {
    return call('GET', '/conversations/' + enc(session.conversationId) + '/activities?watermark=' + enc(watermark), null,
      session.token).then(function (set) {
      var items = set.activities || [];
      items.forEach(function (a) { render(a, true); });
      if (set.watermark) { watermark = set.watermark; }
      if (items.length) { return history(); }
    });
  }

  function refresh() {
    return call('POST', '/tokens/refresh', null, session.token).then(function (r) {
      if (r.token) { session.token = r.token; }
      session.expiresAt = Date.now() + 1000 * (r.expires_in || 1800);
      save();
      scheduleRefresh();
    });
  }

  function scheduleRefresh() {
    clearTimeout(refreshTimer);
    var due = Math.max(5000, (session.expiresAt - Date.now()) * 0.75);
    refreshTimer = setTimeout(function () {
      refresh().catch(function (e) { if (e.status !== 403 && e.status !== 404) { scheduleRefresh(); } });
    }, Math.min(due, 0x7fffffff));
  }

  function openStream(url) {
    if (forcePolling || !window.WebSocket || !url || socketFailures >= 2) { startPolling(); return; }
    var opened = false;
    var ws = new WebSocket(url);
    socket = ws;
    ws.onopen = function () { opened = true; socketFailures = 0; backoff = 1000; setStatus(''); };
    ws.onmessage = function (e) { if (e.data) { ingest(JSON.parse(e.data)); } };
    ws.onclose = function () {
      if (socket !== ws) { return; }
      socket = null;
      if (!opened) { socketFailures++; }
      setStatus(t().reconnecting);
      setTimeout(reconnectStream, backoff);
      backoff = Math.min(backoff * 2, 15000);
    };
  }

  function reconnectStream() {
    return call('GET', '/conversations/' + enc(session.conversationId) + '?watermark=' + enc(watermark), null,
      session.token).then(function (r) {
      if (r.token) { session.token = r.token; save(); }
      openStream(r.streamUrl);
    }, function (e) {
      if (e.status === 401 || e.status === 403 || e.status === 404) { restart(); return; }
      setTimeout(reconnectStream, backoff);
      backoff = Math.min(backoff * 2, 15000);
    });
  }

  function startPolling() {
    if (polling) { return; }
    polling = true;
    setStatus('');
    poll();
  }

  function poll(delay) {
    clearTimeout(pollTimer);
    pollTimer = setTimeout(pollNow, delay === undefined ? 1000 : delay);
  }

  // One request at a time, so an older answer never moves the watermark back.
  function pollNow() {
    if (!polling) { return; }
    if (inflight) { pollAgain = true; return; }
    inflight = true;
    call('GET', '/conversations/' + enc(session.conversationId) + '/activities?watermark=' + enc(watermark), null,
      session.token).then(function (set) {
      inflight = false;
      backoff = 1000;
      setStatus('');
      ingest(set);
      poll(pollAgain ? 0 : 1000);
      pollAgain = false;
    }, function (e) {
      inflight = false;
      if (e.status === 401 || e.status === 403 || e.status === 404) { restart(); return; }
      setStatus(t().reconnecting); // unlike DirectLineJS, a 5xx or a network error does not stop the poller
      backoff = Math.min(backoff * 2, 15000);
      poll(backoff);
    });
  }

  function ingest(set) {
    (set.activities || []).forEach(function (a) { render(a, false); });
    if (set.watermark) { watermark = set.watermark; }
  }

  // The token or the conversation can no longer be used: ask the token route again (same conversation when it can).
  function restart() {
    if (socket) { var s = socket; socket = null; s.close(); }
    polling = false;
    clearTimeout(pollTimer);
    started = null;
    watermark = '';
    start();
  }

  function note(text) {
    var li = el('li', 'note');
    li.textContent = text;
    log.appendChild(li);
  }

  // ---- Sending -----------------------------------------------------------------------------------------------
  function outgoing(fields) {
    var activity = Object.assign({
      type: 'message', from: { id: session.userId, role: 'user' }, locale: locale,
      localTimestamp: new Date().toISOString(), channelData: { clientActivityID: random() }
    }, fields);
    activity.channelData.clientActivityID = activity.channelData.clientActivityID || random();
    return activity;
  }

  function post(activity, li) {
    fill(li, activity, true, t().sending);
    return call('POST', '/conversations/' + enc(session.conversationId) + '/activities', activity, session.token)
      .then(function () {
        if (polling) { poll(300); }
        if (pending[activity.channelData.clientActivityID] === li) { fill(li, activity, true); }
      }, function () { failed(li, function () { post(activity, li); }, activity); });
  }

  function failed(li, retry, activity) {
    fill(li, activity, true, t().notSent);
    var b = el('button', 'retry');
    b.type = 'button';
    b.textContent = t().retry;
    b.addEventListener('click', retry);
    li.appendChild(b);
  }

  function place(activity) {
    var li = el('li', 'msg user');
    pending[activity.channelData.clientActivityID] = li;
    log.appendChild(li);
    disableChoices();
    scrollDown();
    return li;
  }

  function sendText(text) {
    var activity = outgoing({ text: text });
    post(activity, place(activity));
  }

  function sendAction(action) {
    if (!session) { return; }
    var activity;
    if (action.type === 'postBack') {
      activity = outgoing({ text: typeof action.value === 'string' ? action.value : undefined,
        value: typeof action.value === 'string' ? undefined : action.value, channelData: { postBack: true } });
      call('POST', '/conversations/' + enc(session.conversationId) + '/activities', activity, session.token);
      return;
    }
    if (action.type === 'messageBack') {
      activity = outgoing({ text: action.text, value: action.value,
        channelData: { messageBack: { displayText: action.displayText || action.title } } });
    } else {
      activity = outgoing({ text: String(action.value == null ? action.title : action.value) });
    }
    post(activity, place(activity));
  }

  var chosen = null, previewUrl = '';
  fileInput.addEventListener('change', function () {
    var file = fileInput.files && fileInput.files[0];
    fileInput.value = '';
    if (!file) { return; }
    if (!/^image\//.test(file.type)) { setStatus(t().notImage); return; }
    if (file.size > 10 * 1024 * 1024) { setStatus(t().tooBig); return; }
    setStatus('');
    clearPreview();
    chosen = file;
    previewUrl = URL.createObjectURL(file);
    preview.querySelector('img').src = previewUrl;
    preview.querySelector('.file-name').textContent = file.name;
    preview.hidden = false;
    input.focus();
  });
  $('.remove').addEventListener('click', function () { clearPreview(); input.focus(); });

  function clearPreview() {
    chosen = null;
    preview.hidden = true;
    progress.hidden = true;
    preview.querySelector('img').removeAttribute('src');
    if (previewUrl) { URL.revokeObjectURL(previewUrl); previewUrl = ''; }
  }

  // Upload as DirectLineJS does: an "activity" part, then one "file" part; XHR for the progress events.
  function upload(file, text) {
    var activity = outgoing({ text: text || undefined,
      attachments: [{ contentType: file.type, name: file.name }] });
    var li = place(activity);
    var local = URL.createObjectURL(file);
    var shown = Object.assign({}, activity, { attachments: [{ contentType: file.type, name: file.name, contentUrl: local }] });
    fill(li, shown, true, t().uploading);
    progress.hidden = false;
    progress.value = 0;
    var form = new FormData();
    form.append('activity', new Blob([JSON.stringify(activity)], { type: 'application/vnd.microsoft.activity' }));
    form.append('file', file, file.name);
    var xhr = new XMLHttpRequest();
    xhr.open('POST', api + '/conversations/' + enc(session.conversationId) + '/upload?userId=' + enc(session.userId));
    xhr.setRequestHeader('Authorization', 'Bearer ' + session.token);
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) { progress.value = Math.round(100 * e.loaded / e.total); }
    };
    xhr.onload = function () {
      if (xhr.status >= 200 && xhr.status < 300) {
        progress.value = 100;
        clearPreview();
        if (polling) { poll(300); }
        if (pending[activity.channelData.clientActivityID] === li) { fill(li, shown, true); }
      } else {
        progress.hidden = true;
        failed(li, function () { li.remove(); upload(file, text); }, shown);
      }
    };
    xhr.onerror = xhr.onload;
    xhr.send(form);
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    if (!session || sendButton.disabled) { return; }
    var text = input.value.trim();
    if (chosen) { upload(chosen, text); } else if (text) { sendText(text); } else { return; }
    input.value = '';
    input.focus();
  });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); form.requestSubmit(); }
  });

  function random() {
    var bytes = new Uint8Array(9);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }
  function enc(s) { return encodeURIComponent(s || ''); }
  // A JWT's "user" claim is the user id the server gave this conversation (Web Chat reads it the same way).
  function tokenUser(token) {
    try {
      var part = (token || '').split('.')[1];
      return part ? JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))).user || '' : '';
    } catch (e) { return ''; }
  }

  if (pageMode || load()) { openPanel(); }

  function css() {
    return ':host{all:initial;font:15px/1.45 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",' +
      'sans-serif;color:#1b1f24;--accent:#0b57d0}' +
      '*{box-sizing:border-box}[hidden]{display:none!important}' +
      '.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}' +
      'button{font:inherit;cursor:pointer}button:focus-visible,textarea:focus-visible,.log:focus-visible,' +
      '.attach:focus-within{outline:3px solid #f4b400;outline-offset:1px}' +
      '.launcher{position:fixed;right:20px;bottom:20px;width:56px;height:56px;border-radius:50%;border:0;' +
      'background:var(--accent);box-shadow:0 4px 14px rgba(0,0,0,.3);z-index:2147483000}' +
      '.launcher svg,.attach svg{width:26px;height:26px;fill:none;stroke:#fff;stroke-width:2}' +
      '.panel{position:fixed;right:20px;bottom:20px;width:380px;height:min(640px,calc(100vh - 40px));' +
      'display:flex;flex-direction:column;background:#fff;border-radius:12px;overflow:hidden;' +
      'box-shadow:0 8px 30px rgba(0,0,0,.3);z-index:2147483000}' +
      ':host(.page) .panel{position:fixed;inset:0;width:auto;height:auto;border-radius:0;box-shadow:none;' +
      'max-width:760px;margin:0 auto}' +
      '@media (max-width:480px){.panel{inset:0;width:auto;height:auto;border-radius:0}}' +
      'header{display:flex;align-items:center;gap:8px;padding:10px 12px;background:var(--accent);color:#fff}' +
      'h2{flex:1;margin:0;font-size:17px}header button{background:transparent;color:#fff;' +
      'border:1px solid rgba(255,255,255,.6);border-radius:6px;min-width:36px;min-height:32px}' +
      ':host(.page) .close,:host(.page) .launcher{display:none}' +
      '.warning{margin:0;padding:8px 12px;background:#fff4e5;color:#6b3d00;border-bottom:1px solid #f0d2a8;' +
      'font-size:13px}.status{margin:0;padding:4px 12px;font-size:13px;color:#5f6368}.status:empty{display:none}' +
      '.log{flex:1;overflow-y:auto;overflow-x:hidden;margin:0;padding:12px;list-style:none;display:flex;' +
      'flex-direction:column;gap:8px;background:#f6f8fa}' +
      '.msg{display:flex;flex-direction:column;max-width:88%;min-width:0}.msg.user{align-self:flex-end;' +
      'align-items:flex-end}.msg.bot{align-self:flex-start}' +
      '.bubble{white-space:pre-wrap;overflow-wrap:anywhere;padding:8px 11px;border-radius:12px;background:#fff;' +
      'border:1px solid #dde1e6}.user .bubble{background:var(--accent);color:#fff;border-color:var(--accent)}' +
      '.agent .bubble{border-color:#1e8e3e;background:#e6f4ea}' +
      '.who{font-size:12px;color:#5f6368;margin:0 4px 2px}.agent .who{color:#0d652d;font-weight:600}' +
      '.user .who{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}' +
      '.state{font-size:12px;color:#5f6368;margin-top:2px}.retry{font-size:12px;margin-top:2px;border:0;' +
      'background:none;color:var(--accent);text-decoration:underline}' +
      '.shot{max-width:220px;max-height:220px;border-radius:8px;margin-top:4px;border:1px solid #dde1e6}' +
      '.file{font-size:13px;overflow-wrap:anywhere}.note{align-self:center;font-size:12px;color:#5f6368}' +
      '.choices{display:flex;flex-wrap:wrap;gap:6px;margin-top:6px}.choice{border:1px solid var(--accent);' +
      'color:var(--accent);background:#fff;border-radius:16px;padding:5px 12px;min-height:34px;text-align:left;' +
      'overflow-wrap:anywhere;max-width:100%}.choice:disabled{opacity:.45;cursor:default}' +
      '.typing{display:flex;align-items:center;gap:6px;padding:4px 14px;font-size:13px;color:#5f6368;' +
      'background:#f6f8fa}.dots i{display:inline-block;width:6px;height:6px;margin-right:3px;border-radius:50%;' +
      'background:#9aa0a6;animation:b 1s infinite}.dots i:nth-child(2){animation-delay:.2s}' +
      '.dots i:nth-child(3){animation-delay:.4s}@keyframes b{50%{opacity:.2}}' +
      '@media (prefers-reduced-motion:reduce){.dots i{animation:none}}' +
      '.preview{display:flex;align-items:center;gap:8px;padding:6px 12px;border-top:1px solid #dde1e6}' +
      '.preview img{width:48px;height:48px;object-fit:cover;border-radius:6px}' +
      '.file-name{flex:1;min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-size:13px}' +
      '.preview progress{width:80px}.remove{border:0;background:none;font-size:20px;min-width:32px}' +
      '.composer{display:flex;align-items:flex-end;gap:6px;padding:8px;border-top:1px solid #dde1e6}' +
      '.attach{display:flex;align-items:center;justify-content:center;width:40px;height:40px;flex:none;' +
      'border-radius:50%;background:var(--accent);cursor:pointer}.attach input{position:absolute;opacity:0;' +
      'width:1px;height:1px}' +
      'textarea{flex:1;min-width:0;resize:none;font:inherit;padding:9px 10px;border:1px solid #c4c7c5;' +
      'border-radius:8px;max-height:120px}' +
      '.send{flex:none;border:0;border-radius:8px;padding:0 14px;height:40px;background:var(--accent);color:#fff}' +
      '.send:disabled{opacity:.5}';
  }
}());
