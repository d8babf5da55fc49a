import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.gz': 'application/gzip',
  '.parquet': 'application/octet-stream',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** A plain static file server, like an intranet nginx/IIS: no special headers, files under a sub-path. */
export interface StaticServer {
  url: string;
  port: number;
  /** Paths requested, for "no outside request" checks. */
  requests: string[];
  /** Every request with its method and `Range` header (null when none), to show range reads happened. */
  log: { method: string; path: string; range: string | null; status: number }[];
  close(): Promise<void>;
}

/**
 * Serve `root` under `basePath` (e.g. `/tools/sales/`) on 127.0.0.1. Supports HTTP Range requests
 * (for Parquet over HTTP) and nothing else fancy: no COOP/COEP, no compression.
 */
export async function serveStatic(options: {
  root: string;
  basePath: string;
  port?: number;
  extra?: Record<string, string>;
  /** Answer Range requests (default true); false acts like a server that always sends the whole file. */
  ranges?: boolean;
  /**
   * Let pages of other origins read the files (`Access-Control-Allow-Origin: *`, preflight for
   * `Range`), as an intranet file server configured for the app would; `Content-Range` is not
   * exposed, as in a minimal configuration.
   */
  cors?: boolean;
}): Promise<StaticServer> {
  const root = resolve(options.root);
  const requests: string[] = [];
  const log: StaticServer['log'] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(url.pathname);
    const entry = {
      method: req.method ?? 'GET',
      path: url.pathname,
      range: req.headers.range ?? null,
      status: 0,
    };
    log.push(entry);
    // The status is known when the head is written (before the body is streamed).
    const writeHead = res.writeHead.bind(res) as (code: number, ...rest: unknown[]) => typeof res;
    res.writeHead = ((code: number, ...rest: unknown[]) => {
      entry.status = code;
      return writeHead(code, ...rest);
    }) as typeof res.writeHead;
    if (options.cors) {
      res.setHeader('Access-Control-Allow-Origin', '*');
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'Access-Control-Allow-Methods': 'GET, HEAD',
          'Access-Control-Allow-Headers': 'Range',
          'Access-Control-Max-Age': '600',
        });
        res.end();
        return;
      }
    }
    if (!url.pathname.startsWith(options.basePath)) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(options.basePath.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const extraRoot = Object.entries(options.extra ?? {}).find(([prefix]) => rel.startsWith(prefix));
    const base = extraRoot ? resolve(extraRoot[1]) : root;
    const file = normalize(join(base, extraRoot ? rel.slice(extraRoot[0].length) : rel));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    let size: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new Error('not a file');
      size = st.size;
    } catch {
      res.writeHead(404).end('not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const range = options.ranges === false ? null : /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    if (range) {
      const start = range[1] ? Number(range[1]) : size - Number(range[2]);
      const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      res.writeHead(206, {
        'Content-Type': type,
        'Content-Range': `bytes ${start}-${end}/${size}`,
        'Content-Length': end - start + 1,
        'Accept-Ranges': 'bytes',
      });
      if (req.method === 'HEAD') return void res.end();
      createReadStream(file, { start, end }).pipe(res);
      return;
    }
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': size,
      ...(options.ranges === false ? {} : { 'Accept-Ranges': 'bytes' }),
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(options.port ?? 0, '127.0.0.1', ok));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://intranet.test:${port}${options.basePath}`,
    port,
    requests,
    log,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
