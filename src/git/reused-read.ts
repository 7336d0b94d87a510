/**
 * A connected pair of local sockets whose reading end reads into one caller-given buffer,
 * reused for every read, for a child's standard output.
 *
 * Node reads a child's stdout pipe into a fresh 64 KB buffer per read, outside the JavaScript
 * heap, and frees it only when a collection finds it garbage; it collects such buffers only
 * every 64 MB or so of them, so a long `git cat-file` read left tens of MB of them, and the
 * holes they leave in the C heap, resident in the main thread. A child's pipe offers no other
 * way to read it. A socket does: its `onread` option reads into one buffer. So the child
 * writes to one end of a Unix-domain socket pair instead of a pipe, and the scan reads the
 * other end into a buffer of its own. The pair is made by a server listening in a directory
 * created for it, private to this user (mode 0700), and closed as soon as the pair is
 * connected: no other user can connect to it, and nothing is left on disk.
 *
 * Not on Windows (where a path names a named pipe, not a socket), nor where the temporary
 * directory's path is too long for a socket address: the caller reads the child's pipe as
 * before when `socketPair` returns null.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The longest socket path used: under the smallest limit (macOS: 104 bytes with the NUL). */
const MAX_SOCKET_PATH = 100;

export interface SocketPair {
  /** The end to give the child as its stdout; the caller destroys its copy once it has started. */
  theirs: Socket;
  /** The end read into the buffer. */
  ours: Socket;
}

/**
 * Connects a pair; `onRead` gets every read as a view of `buffer`, valid only until it returns
 * (the next read overwrites it). Resolves to null where sockets cannot stand in for a pipe.
 */
export async function socketPair(buffer: Buffer, onRead: (chunk: Buffer) => void): Promise<SocketPair | null> {
  if (process.platform === 'win32') return null;
  let dir: string;
  try {
    dir = mkdtempSync(join(tmpdir(), 'leakwatch-socket-'));
  } catch {
    return null;
  }
  const path = join(dir, 's');
  // A longer path does not fit in a socket address (104 bytes on macOS, 108 on Linux), and
  // some Node versions cut it short silently: that socket would be outside the directory.
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH) {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  const server = createServer({ pauseOnConnect: true });
  let ours: Socket | null = null;
  try {
    const theirs = await new Promise<Socket>((resolve, reject) => {
      server.once('error', reject);
      server.once('connection', resolve);
      server.listen(path, () => {
        ours = connect({
          path,
          onread: {
            buffer,
            callback: (bytes: number, buf: Uint8Array) => {
              onRead((buf as Buffer).subarray(0, bytes));
              return true;
            },
          },
        });
        ours.once('error', reject);
      });
    });
    ours!.removeAllListeners('error');
    return { theirs, ours: ours! };
  } catch {
    (ours as Socket | null)?.destroy();
    return null;
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
