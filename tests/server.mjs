// Serves dist/ on loopback for the browser tests: static files, and index.html for every
// app route (the single-page fallback trunk serve also gives).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

// DIST picks another build (the size script serves its release build).
const root = new URL(`../${process.env.DIST || 'dist'}/`, import.meta.url).pathname;
const port = Number(process.env.PORT || 8090);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml',
};

createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(root, path);
  try {
    if (!file.startsWith(root) || extname(file) === '') throw new Error('app route');
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream' });
    res.end(body);
  } catch {
    if (extname(path) !== '') {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': types['.html'] });
    res.end(await readFile(join(root, 'index.html')));
  }
}).listen(port, '127.0.0.1', () => console.log(`serving dist on http://127.0.0.1:${port}`));
