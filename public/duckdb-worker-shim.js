/*
 * Starts a DuckDB-WASM worker on pages that are not a secure context (an intranet host over plain
 * http). DuckDB-WASM's runtime tests `x instanceof FileSystemSyncAccessHandle` when a file is
 * dropped; that OPFS class only exists in secure contexts, so the test throws a ReferenceError
 * there. An empty stand-in class makes the test simply false. The real worker is given in `?w=`
 * and must be on this origin.
 */
if (typeof self.FileSystemSyncAccessHandle === 'undefined') {
  self.FileSystemSyncAccessHandle = class FileSystemSyncAccessHandle {};
}
(function () {
  var target = new URL(new URLSearchParams(self.location.search).get('w') || '', self.location.href);
  if (target.origin !== self.location.origin)
    throw new Error('DuckDB worker must be served from this origin');
  importScripts(target.href);
})();
