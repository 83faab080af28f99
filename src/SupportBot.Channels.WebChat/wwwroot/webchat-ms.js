/* /webchat-ms: Microsoft's unmodified Web Chat pointed at this host's Direct Line endpoint.
 * ?mode=polling turns the WebSocket off; ?locale=zh-CN|en sets Web Chat's language (default: the browser's). */
(async function () {
  'use strict';
  if (!window.WebChat) {
    document.getElementById('missing').hidden = false;
    return;
  }
  var query = new URLSearchParams(location.search);
  var locale = query.get('locale') || navigator.language || 'en-US';
  var response = await fetch('/webchat/token', { method: 'POST' });
  var token = (await response.json()).token;
  var directLine = window.WebChat.createDirectLine({
    token: token,
    domain: location.origin + '/v3/directline',
    webSocket: query.get('mode') !== 'polling'
  });
  window.WebChat.renderWebChat({ directLine: directLine, locale: locale }, document.getElementById('webchat'));
  document.documentElement.lang = locale;
}());
