import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../i18n/translate';
import { fetchDataFile } from './fetch-timeout';
import { openDataUrl } from './remote';
import { IngestError } from './types';

/** A local server with one path per failure (loopback only). */
let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/ok.csv')
      return void res.writeHead(200, { 'Content-Type': 'text/csv' }).end('a,b\n1,2\n');
    if (req.url === '/missing.csv') return void res.writeHead(404).end('not found');
    if (req.url === '/silent.csv' || req.url === '/silent.parquet') return; // never answers
    if (req.url === '/stalls.csv') {
      res.writeHead(200, { 'Content-Type': 'text/csv' });
      res.write('a,b\n'); // …and then nothing more
      return;
    }
    if (req.url === '/slow.csv') {
      // Slow but steady: a chunk every 60 ms, 8 chunks (longer in total than the stall limit).
      res.writeHead(200, { 'Content-Type': 'text/csv' });
      let n = 0;
      const t = setInterval(() => {
        res.write(`${n},${n}\n`);
        if (++n === 8) {
          clearInterval(t);
          res.end();
        }
      }, 60);
      return;
    }
    res.writeHead(500).end();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
});

async function failure(url: string, stallMs = 300): Promise<IngestError> {
  const err = await fetchDataFile(url, { stallMs }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(IngestError);
  return err as IngestError;
}

describe('fetchDataFile: a data URL that fails says why', () => {
  it('downloads a file that arrives', async () => {
    expect(await (await fetchDataFile(`${base}/ok.csv`)).text()).toBe('a,b\n1,2\n');
  });

  it('404 → data_url_status with the status', async () => {
    const e = await failure(`${base}/missing.csv`);
    expect(e.key).toBe('data_url_status');
    expect(e.params.status).toBe(404);
    expect(translate('en', 'error.data_url_status', e.params)).toContain('answered HTTP 404');
  });

  it('a server that never answers → data_url_timeout', async () => {
    const t0 = Date.now();
    const e = await failure(`${base}/silent.csv`);
    expect(e.key).toBe('data_url_timeout');
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(translate('zh-CN', 'error.data_url_timeout', e.params)).toContain('没有到达');
  });

  it('a download that stops in the middle → data_url_timeout', async () => {
    expect((await failure(`${base}/stalls.csv`)).key).toBe('data_url_timeout');
  });

  it('a slow but steady download is not cut off (the limit is for silence)', async () => {
    const blob = await fetchDataFile(`${base}/slow.csv`, { stallMs: 300 });
    expect((await blob.text()).split('\n')).toHaveLength(9);
  });

  it('nothing listening → data_url_unreachable', async () => {
    const e = await failure('http://127.0.0.1:9/none.csv');
    expect(e.key).toBe('data_url_unreachable');
  });
});

describe('openDataUrl (the ?data= loader) uses the same limits', () => {
  it('a server that never answers a CSV or a Parquet probe ends in data_url_timeout', async () => {
    for (const path of ['/silent.csv', '/silent.parquet']) {
      const err = await openDataUrl(new URL(base + path), 150).catch((e: unknown) => e);
      expect(err, path).toBeInstanceOf(IngestError);
      expect((err as IngestError).key, path).toBe('data_url_timeout');
    }
  });
  it('a 404 names the status, a CSV that stalls midway times out', async () => {
    const missing = await openDataUrl(new URL(`${base}/missing.csv`), 150).catch((e: unknown) => e);
    expect((missing as IngestError).key).toBe('data_url_status');
    const stalls = await openDataUrl(new URL(`${base}/stalls.csv`), 150).catch((e: unknown) => e);
    expect((stalls as IngestError).key).toBe('data_url_timeout');
    const ok = await openDataUrl(new URL(`${base}/ok.csv`), 150);
    expect(ok.name).toBe('ok.csv');
    expect(ok.size).toBe(8);
  });
});
