/**
 * The console's pages under `/ui/`: the files `npm run build` wrote to dist/console, listed once
 * at start, so only those files can be served (no path from the request reaches the file
 * system). `/ui/` is the page; hashed assets are cached for good, the page never.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { packagePath } from '../../util/package-root.js';
import { SECURITY_HEADERS, sendError } from './http-io.js';

// From the package folder: this module also runs from the bundle's chunks (dist/chunks/).
export const DEFAULT_ASSETS_DIR = packagePath('dist', 'console');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

interface Asset {
  body: Buffer;
  type: string;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile());
}

export type AssetServer = (req: IncomingMessage, res: ServerResponse, pathname: string) => void;

export function createAssetServer(dir: string = DEFAULT_ASSETS_DIR): AssetServer {
  const assets = new Map<string, Asset>();
  let files: string[];
  try {
    files = listFiles(dir);
  } catch {
    // Not built: every page answers 503 saying so.
    files = [];
  }
  for (const file of files) {
    const type = TYPES[extname(file)];
    if (type !== undefined) assets.set(`/ui/${relative(dir, join(dir, file)).split(sep).join('/')}`, { body: readFileSync(join(dir, file)), type });
  }
  return (req, res, pathname) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'use GET');
    if (pathname === '/ui') {
      res.writeHead(308, { location: '/ui/' });
      return void res.end();
    }
    const asset = assets.get(pathname === '/ui/' ? '/ui/index.html' : pathname);
    if (asset === undefined) {
      if (!assets.has('/ui/index.html')) return sendError(res, 503, 'console not built: run npm run build');
      return sendError(res, 404, 'not found');
    }
    const cache = pathname.startsWith('/ui/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': asset.type, 'content-length': asset.body.length, 'cache-control': cache });
    res.end(req.method === 'HEAD' ? undefined : asset.body);
  };
}
