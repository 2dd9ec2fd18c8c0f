/** What the benchmarks share: Chromium's path and flags, and a static file server for a build. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

import { CHROMIUM_ARGS as BASE_ARGS, chromiumPath } from '../scripts/chromium.mjs';

/** The test flags, plus precise heap figures for the benchmark. */
export const CHROMIUM_ARGS = [...BASE_ARGS, '--enable-precise-memory-info'];
export { chromiumPath };

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** Serves `dir` on a free loopback port, uncompressed (the bench computes gzip sizes itself). */
export function serveDir(folder) {
  const dir = resolve(folder);
  const server = http.createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      done({ url: `http://127.0.0.1:${port}/`, close: () => server.close() });
    });
  });
}
