/**
 * The SMTP sink outlives a sender killed while the sink holds its message: the connection's reset is
 * kept in `connectionErrors`, not thrown into the test process (the three-replica test kills a
 * daemon whose message the sink holds).
 */
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startSmtpSink } from './smtp-sink.js';
import type { SmtpSink } from './smtp-sink.js';

function converse(socket: Socket, lines: string[]): Promise<void> {
  return new Promise((resolve) => {
    let next = 0;
    socket.on('data', (chunk: Buffer) => {
      // One command per answer: the greeting, then each command's reply.
      const replies = chunk.toString('utf8').split('\r\n').filter((l) => /^\d{3} /.test(l)).length;
      for (let k = 0; k < replies; k++) {
        if (next === lines.length) {
          resolve();
          return;
        }
        socket.write(`${lines[next++]}\r\n`);
      }
    });
  });
}

describe('smtp sink', () => {
  let sink: SmtpSink | undefined;
  afterEach(async () => {
    await sink?.close();
  });

  it('keeps the reset of a sender whose message it holds as a connection error, and goes on receiving', async () => {
    sink = await startSmtpSink();
    let release!: () => void;
    sink.hold = new Promise<void>((done) => (release = done));
    const socket = connect(sink.port, '127.0.0.1');
    await converse(socket, ['EHLO sender.test', 'MAIL FROM:<a@example.test>', 'RCPT TO:<b@example.test>', 'DATA']);
    socket.write('Subject: held\r\n\r\nbody\r\n.\r\n');
    await sink.waitForCount(1);
    const closed = new Promise((resolve) => socket.on('close', resolve));
    socket.resetAndDestroy();
    await closed;
    for (let i = 0; i < 50 && sink.connectionErrors.length === 0; i++) await new Promise((wake) => setTimeout(wake, 20));
    expect(sink.connectionErrors.map((e) => (e as NodeJS.ErrnoException).code)).toEqual(['ECONNRESET']);
    sink.hold = null;
    release();

    const second = connect(sink.port, '127.0.0.1');
    await converse(second, ['EHLO sender.test', 'MAIL FROM:<a@example.test>', 'RCPT TO:<b@example.test>', 'DATA', 'Subject: whole\r\n\r\nbody\r\n.', 'QUIT']);
    await sink.waitForCount(2);
    expect(sink.received[1]!.raw).toContain('Subject: whole');
    second.destroy();
  });
});
