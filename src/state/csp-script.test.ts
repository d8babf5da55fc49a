import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { dataSourceUrls } from './url-state';

const SCRIPT = readFileSync('public/csp.js', 'utf8');

/** Run public/csp.js on a page at `href` and return the connect-src policy it wrote. */
function policyAt(href: string): string | null {
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
    url: href,
    runScripts: 'outside-only',
  });
  dom.window.eval(SCRIPT);
  return (
    dom.window.document
      .querySelector('meta[http-equiv="Content-Security-Policy"][data-connect-policy]')
      ?.getAttribute('content') ?? null
  );
}

const PAGE = 'http://intranet.test/tools/sales/';

describe('public/csp.js: connect-src is this origin plus the data hosts the address names', () => {
  it('no ?data=: the page may connect to its own origin only', () => {
    expect(policyAt(`${PAGE}?page=kpi`)).toBe("connect-src 'self'");
  });

  it('relative and same-host data add nothing; other hosts are added once each', () => {
    const q = new URLSearchParams();
    for (const d of [
      'data/sales.parquet',
      'http://intranet.test/other/plan.csv',
      'http://files.intranet.test/a.csv',
      'http://files.intranet.test/b.csv',
      'https://share.intranet.test:8443/c.parquet',
    ])
      q.append('data', d);
    expect(policyAt(`${PAGE}?${q}`)).toBe(
      "connect-src 'self' http://files.intranet.test https://share.intranet.test:8443",
    );
  });

  it('never allows what the app refuses to fetch: script, data: and file: URLs, junk', () => {
    const q = new URLSearchParams();
    for (const d of [
      'javascript:alert(1)',
      'data:text/csv,a',
      'file:///etc/passwd',
      "http://x' 'unsafe-inline",
      'http://a b',
    ])
      q.append('data', d);
    expect(policyAt(`${PAGE}?${q}`)).toBe("connect-src 'self'");
  });

  it('allows every other-host origin that the ?data= loader will fetch (dataSourceUrls)', () => {
    const q = new URLSearchParams();
    for (const d of ['data/x.csv', 'http://files.intranet.test/y.csv', 'https://h2.intranet.test/z.parquet'])
      q.append('data', d);
    const policy = policyAt(`${PAGE}?${q}`)!;
    for (const url of dataSourceUrls(`?${q}`, PAGE).urls)
      if (url.origin !== new URL(PAGE).origin) expect(policy.split(' ')).toContain(url.origin);
  });
});
