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
  // Once connected, tell the bot the chat is open (and in which language), so it greets before the user types:
  // the event Microsoft's own "welcome" sample sends. The bot greets only a conversation it has not spoken in.
  var store = window.WebChat.createStore({}, function (api) {
    return function (next) {
      return function (action) {
        if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
          api.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: { language: locale } } });
        }
        return next(action);
      };
    };
  });
  // 'flow' wraps the choice buttons onto as many rows as they need (the default carousel pushes the third one off a
  // phone-sized screen into a scroller).
  var styleOptions = { suggestedActionLayout: 'flow' };
  window.WebChat.renderWebChat(
    { directLine: directLine, store: store, locale: locale, styleOptions: styleOptions },
    document.getElementById('webchat'));
  document.documentElement.lang = locale;
}());
