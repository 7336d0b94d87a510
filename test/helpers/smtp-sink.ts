/** A real SMTP server (smtp-server) on 127.0.0.1 that keeps every message it receives. */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface SmtpSink {
  port: number;
  received: ReceivedMail[];
  /** While set, each message is kept unanswered (the sender waits) until the promise settles. */
  hold: Promise<void> | null;
  /**
   * Connection errors the server saw (a sender killed with kill -9 in the middle of a message
   * resets its connection): kept here rather than thrown, as a real mail server logs them.
   */
  connectionErrors: Error[];
  /** Resolves once `n` messages have been received (kept, whether held or not). */
  waitForCount(n: number): Promise<void>;
  close(): Promise<void>;
}

export async function startSmtpSink(options: { rejectRecipients?: boolean } = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const waiters: Array<() => void> = [];
  const control: { hold: Promise<void> | null } = { hold: null };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (options.rejectRecipients === true) {
        callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const mailFrom = session.envelope.mailFrom;
        received.push({
          from: mailFrom === false ? '' : mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        for (const wake of waiters.splice(0)) wake();
        const hold = control.hold;
        if (hold === null) callback();
        else void hold.then(() => callback());
      });
    },
  });
  // smtp-server re-emits a reset in the middle of a transaction on the server; with no listener
  // that is an uncaught error in the test process.
  const connectionErrors: Error[] = [];
  server.on('error', (error: Error) => connectionErrors.push(error));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    connectionErrors,
    get hold() {
      return control.hold;
    },
    set hold(value) {
      control.hold = value;
    },
    async waitForCount(n) {
      while (received.length < n) await new Promise<void>((wake) => waiters.push(wake));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
