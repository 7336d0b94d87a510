// Reads the regular files of an npm tarball (.tgz) in memory: gunzip plus a small tar parser
// (ustar, pax `path`, GNU long names), so the corpus builder needs neither a tar binary nor a
// temp directory per version. The package's top folder ("package/" in most tarballs) is dropped.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const BLOCK = 512;

function field(buf, start, length) {
  const end = buf.indexOf(0, start);
  return buf.toString('utf8', start, end === -1 || end > start + length ? start + length : end);
}

function octal(buf, start, length) {
  // Base-256 sizes (high bit set) only occur above 8 GB; npm tarballs never have them.
  const text = field(buf, start, length).trim();
  return text === '' ? 0 : parseInt(text, 8);
}

function paxPath(data) {
  let pos = 0;
  let path;
  while (pos < data.length) {
    const space = data.indexOf(0x20, pos);
    if (space === -1) break;
    const length = parseInt(data.toString('utf8', pos, space), 10);
    if (!(length > 0)) break;
    const record = data.toString('utf8', space + 1, pos + length - 1);
    const eq = record.indexOf('=');
    if (record.slice(0, eq) === 'path') path = record.slice(eq + 1);
    pos += length;
  }
  return path;
}

function normalise(rawPath) {
  const parts = rawPath.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..')) return null;
  parts.shift();
  return parts.length === 0 ? null : parts.join('/');
}

/** Returns `[{ path, executable, data }]` for each regular file, later duplicates winning. */
export function readTarball(file) {
  const tar = gunzipSync(readFileSync(file));
  const files = new Map();
  let longName;
  let pos = 0;
  while (pos + BLOCK <= tar.length) {
    const header = tar.subarray(pos, pos + BLOCK);
    if (header.every((b) => b === 0)) break;
    const size = octal(header, 124, 12);
    const type = String.fromCharCode(header[156] || 0x30);
    const data = tar.subarray(pos + BLOCK, pos + BLOCK + size);
    pos += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x') { longName = paxPath(data) ?? longName; continue; }
    if (type === 'L') { longName = field(data, 0, data.length); continue; }
    let name = field(header, 0, 100);
    if (field(header, 257, 6).startsWith('ustar')) {
      const prefix = field(header, 345, 155);
      if (prefix) name = `${prefix}/${name}`;
    }
    if (longName !== undefined) { name = longName; longName = undefined; }
    if (type !== '0' && type !== '7') continue;
    const path = normalise(name);
    if (path === null) continue;
    files.set(path, { path, executable: (octal(header, 100, 8) & 0o111) !== 0, data: Buffer.from(data) });
  }
  return [...files.values()];
}
