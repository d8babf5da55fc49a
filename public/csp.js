/*
 * Narrows the page's Content-Security-Policy before the app script runs (docs/security.md).
 *
 * index.html carries the fixed policy in a <meta> tag: scripts, workers, styles, images and fonts
 * from this origin only, WebAssembly allowed, no plugins, no forms, no <base>. Its connect-src must
 * let the page fetch the data files a link names (`?data=http://files.intranet/sales.csv`), and a
 * <meta> policy can only be made stricter after load, never wider. So the fixed policy allows http(s)
 * connections, and this script, loaded from this origin before the app, adds a second policy:
 * `connect-src 'self'` plus the origins of the absolute `?data=` URLs of this page's address.
 * Browsers enforce every policy, so the page can connect to its own origin and the hosts the user
 * named, and nowhere else. The app refuses to start when this policy is missing.
 */
(function () {
  var origins = [];
  var params = new URLSearchParams(window.location.search);
  params.getAll('data').forEach(function (value) {
    var url;
    try {
      url = new URL(value, window.location.href);
    } catch {
      return; // not a URL: the app reports it; nothing to allow
    }
    // Only plain web origins; a javascript:, data: or file: "data URL" is never allowed.
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
    if (url.origin === window.location.origin || origins.indexOf(url.origin) >= 0) return;
    // An origin is scheme://host[:port]; anything else (an IPv6 literal) is not a CSP source.
    if (!/^https?:\/\/[a-z0-9.-]+(:\d+)?$/i.test(url.origin)) return;
    origins.push(url.origin);
  });
  var meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "connect-src 'self'" + (origins.length ? ' ' + origins.join(' ') : '');
  meta.setAttribute('data-connect-policy', origins.join(' '));
  document.head.appendChild(meta);
})();
