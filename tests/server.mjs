// Serves dist/ on loopback for the browser tests: static files, and index.html for every
// app route (the single-page fallback trunk serve also gives). It also stands in for a
// municipality's submission endpoint under /api/: it can be switched down and up, and it
// honours idempotency keys as a real one must, counting what it processed.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

// DIST picks another build (the size script serves its release build).
const served = (dir) => new URL(`../${dir}/`, import.meta.url).pathname;
const initialRoot = served(process.env.DIST || 'dist');
// A test can deploy another release under the running server (POST /api/control {serve}).
let root = initialRoot;
const port = Number(process.env.PORT || 8090);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json', '.ics': 'text/calendar',
};

const api = { up: true, processed: new Map(), hang: 0, seen: 0, push: new Map() };

async function readBody(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

async function handleApi(req, res, path) {
  const json = (status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  if (path === '/api/submissions' && req.method === 'POST') {
    const body = await readBody(req);
    if (!api.up) return json(503, { error: 'down for maintenance' });
    const key = req.headers['idempotency-key'];
    if (!key) return json(400, { error: 'idempotency-key missing' });
    api.seen += 1;
    const seen = api.processed.get(key);
    if (seen) return json(200, seen.answer);
    const answer = { receipt: `R-${String(api.processed.size + 1).padStart(4, '0')}`, status: 'received' };
    api.processed.set(key, { answer, packet: JSON.parse(body).packet });
    // A hung endpoint: processed, but the answer never comes (the socket stays open).
    if (api.hang > 0) { api.hang -= 1; return; }
    return json(201, answer);
  }
  const statusOf = path.match(/^\/api\/submissions\/([^/]+)$/);
  if (statusOf && req.method === 'GET') {
    const seen = api.processed.get(decodeURIComponent(statusOf[1]));
    // A hostile or broken endpoint: a redirect (to another origin), or an answer padded
    // beyond what a status needs.
    if (seen && api.statusRedirect) return res.writeHead(302, { location: api.statusRedirect }).end();
    const pad = api.statusPad ? { pad: 'x'.repeat(api.statusPad) } : {};
    return seen ? json(200, { receipt: seen.answer.receipt, status: seen.status || seen.answer.status, ...pad }) : json(404, { error: 'unknown' });
  }
  // What a foreign origin would answer to a redirected status request.
  // (It allows any origin to read it, as a hostile server would.)
  if (path === '/api/foreign-status') {
    return res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(JSON.stringify({ status: 'done' }));
  }
  if (path === '/api/control' && req.method === 'POST') {
    const body = JSON.parse(await readBody(req) || '{}');
    if (body.status) {
      for (const p of api.processed.values()) if (p.packet === body.status.packet) p.status = body.status.to;
    }
    if (body.reset) {
      api.processed.clear(); api.seen = 0; api.hang = 0; api.config = null; api.push.clear(); api.headers = false;
      api.statusRedirect = null; api.statusPad = 0;
    }
    if ('statusRedirect' in body) api.statusRedirect = body.statusRedirect;
    if (typeof body.statusPad === 'number') api.statusPad = body.statusPad;
    if (typeof body.hang === 'number') api.hang = body.hang;
    // The deployment's config.json, as a service worker also sees it (page routes do not).
    if ('config' in body) api.config = body.config;
    if (typeof body.serve === 'string') root = body.serve ? served(body.serve) : initialRoot;
    if (typeof body.up === 'boolean') api.up = body.up;
    // The headers the README asks a deployer to send, sent as a deployment would.
    if (typeof body.headers === 'boolean') api.headers = body.headers;
    return json(200, { up: api.up });
  }
  // Web Push subscriptions (README: the push contract): registered by endpoint, removed by it.
  if (path === '/api/push' && req.method === 'POST') {
    const subscription = JSON.parse(await readBody(req) || '{}');
    if (typeof subscription.endpoint !== 'string' || !subscription.keys) return json(400, { error: 'not a subscription' });
    api.push.set(subscription.endpoint, subscription);
    return json(201, { endpoint: subscription.endpoint });
  }
  if (path === '/api/push' && req.method === 'DELETE') {
    const { endpoint } = JSON.parse(await readBody(req) || '{}');
    api.push.delete(endpoint);
    return res.writeHead(204).end();
  }
  if (path === '/api/push' && req.method === 'GET') return json(200, [...api.push.values()]);
  if (path === '/api/received') {
    return json(200, { count: api.processed.size, posts: api.seen, packets: [...api.processed.values()].map((p) => p.packet) });
  }
  return json(404, { error: 'no such endpoint' });
}

// README, "Headers a deployer sends": the counter's pages may use the camera (to read the
// citizen's code), nothing else may.
function deployerHeaders(counter) {
  return {
    'permissions-policy': `camera=${counter ? '(self)' : '()'}, microphone=(), geolocation=(), payment=()`,
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
  };
}

const server = createServer(async (req, res) => {
  if (req.url.startsWith('/api/')) return handleApi(req, res, new URL(req.url, 'http://x').pathname);
  if (api.config && new URL(req.url, 'http://x').pathname === '/config.json') {
    return res.writeHead(200, { 'content-type': types['.json'] }).end(JSON.stringify(api.config));
  }
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(root, path);
  try {
    if (!file.startsWith(root) || extname(file) === '') throw new Error('app route');
    const body = await readFile(file);
    const headers = { 'content-type': types[extname(file)] || 'application/octet-stream', vary: 'accept-encoding' };
    // Compressed as any real web server would, so load-time measurements mean something.
    if (/\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip' });
      res.end(gzipSync(body));
    } else {
      res.writeHead(200, headers);
      res.end(body);
    }
  } catch {
    if (extname(path) !== '') {
      res.writeHead(404).end('not found');
      return;
    }
    // The counter's build is its own page (dist/counter/); every other address is the app's.
    const counter = path === '/counter' || path.startsWith('/counter/');
    const page = counter ? 'counter/index.html' : 'index.html';
    res.writeHead(200, { 'content-type': types['.html'], ...(api.headers ? deployerHeaders(counter) : {}) });
    res.end(await readFile(join(root, page)));
  }
});
// Longer than any pause in a test: a client reusing a kept-alive connection at the moment
// the server closes it gets ECONNRESET (Node closes idle ones after 5 s by default).
server.keepAliveTimeout = 120_000;
server.listen(port, '127.0.0.1', () => console.log(`serving dist on http://127.0.0.1:${port}`));
