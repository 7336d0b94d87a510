import { createTransport } from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { smtpNotifier } from '../../../src/respond/notifiers/smtp/index.js';
import { renderIncidentMessage } from '../../../src/respond/render-incident-message.js';
import { makeIncident } from '../../helpers/make-incident.js';
import { createMemoryLogger } from '../../helpers/memory-logger.js';
import { parseMail } from '../../helpers/parse-mime.js';
import { startSmtpSink } from '../../helpers/smtp-sink.js';
import type { SmtpSink } from '../../helpers/smtp-sink.js';

const NOW = new Date('2026-11-28T12:00:00.000Z');
let sink: SmtpSink | undefined;

afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

function send(port: number) {
  const incident = makeIncident();
  const message = renderIncidentMessage(incident, 'owner', NOW);
  const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  return {
    message,
    entry: smtpNotifier.send({
      incident,
      message,
      audience: 'owner',
      deps: { smtp: { transport, from: 'leakwatch@example.com' } },
      log: createMemoryLogger().log,
      now: () => NOW,
    }),
  };
}

describe('smtp notifier', () => {
  it('delivers one e-mail to the owner with the text and HTML parts of the incident message', async () => {
    sink = await startSmtpSink();
    const { message, entry } = send(sink.port);
    expect(await entry).toMatchObject({ action: 'notify.email', outcome: 'ok', provider: 'smtp' });
    expect(sink.received).toHaveLength(1);
    const mail = sink.received[0];
    expect(mail?.from).toBe('leakwatch@example.com');
    expect(mail?.to).toEqual(['owner@example.com']);
    const parsed = parseMail(mail?.raw ?? '');
    const text = parsed.parts.find((p) => p.contentType === 'text/plain')?.body ?? '';
    const html = parsed.parts.find((p) => p.contentType === 'text/html')?.body ?? '';
    expect(text.replace(/\r\n/g, '\n').trim()).toBe(message.text.trim());
    expect(html).toContain('<h2 style="font-size:15px">What you still need to do</h2>');
    expect(text).toContain('config/settings.py, line 12');
    expect(text).toContain('wJal…EKEY');
  });

  it('records a permanent SMTP rejection as a failure that will not be retried', async () => {
    sink = await startSmtpSink({ rejectRecipients: true });
    const entry = await send(sink.port).entry;
    expect(entry).toMatchObject({ outcome: 'failed', retryable: false });
    expect(sink.received).toHaveLength(0);
  });

  it('records an unreachable server as a retryable failure', async () => {
    sink = await startSmtpSink();
    const port = sink.port;
    await sink.close();
    sink = undefined;
    const entry = await send(port).entry;
    expect(entry).toMatchObject({ outcome: 'failed', retryable: true });
  });
});
