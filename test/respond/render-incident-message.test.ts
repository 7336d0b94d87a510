import { describe, expect, it } from 'vitest';
import { renderIncidentMessage } from '../../src/respond/render-incident-message.js';
import type { TimelineEntry } from '../../src/domain/incident.js';
import { makeIncident } from '../helpers/make-incident.js';

const NOW = new Date('2026-11-28T12:00:00.000Z');

const timeline: TimelineEntry[] = [
  { at: NOW, phase: 'containment', action: 'iam.deactivate-key', outcome: 'ok', detail: 'Deactivated access key AKIA…WXYZ of IAM user alice.' },
  { at: NOW, phase: 'containment', action: 'iam.attach-quarantine-policy', outcome: 'failed', retryable: false, detail: 'Attaching the policy: not allowed.' },
  { at: NOW, phase: 'eradication', action: 'iam.delete-key', outcome: 'planned', detail: 'Delete the old key 7 days after deactivation.' },
];

describe('incident message', () => {
  it('tells the owner what leaked, where, since when, how severe and why, what was done and what is left', () => {
    const incident = makeIncident({ timeline, remainingSteps: ['Rotate the consumers.', 'Review CloudTrail.'] });
    const { subject, text } = renderIncidentMessage(incident, 'owner', NOW);
    expect(subject).toBe('[leakwatch] CRITICAL AWS secret access key exposed in payments-api');
    for (const fact of [
      'AWS secret access key (aws-secret-access-key)',
      'wJal…EKEY',
      'payments-api',
      '0123456789abcdef0123456789abcdef01234567',
      'config/settings.py, line 12',
      'https://github.com/example/payments-api/blob/0123456/config/settings.py#L12',
      'Branches:   main',
      '2026-11-20T10:00:00.000Z (8 days ago)',
      'Severity: critical',
      '  - repository is confidential',
      'ok: Deactivated access key AKIA…WXYZ of IAM user alice.',
      'failed, needs a person: Attaching the policy: not allowed.',
      'What leakwatch would do once approved',
      '  - Delete the old key 7 days after deactivation.',
      '  1. Rotate the consumers.',
      '  2. Review CloudTrail.',
      'leakwatch incidents ack inc-1',
    ]) {
      expect(text).toContain(fact);
    }
  });

  it('lists the other places the same secret was found', () => {
    const base = makeIncident();
    const otherLocations = [
      { repository: 'billing', commit: 'fedcba9876543210fedcba9876543210fedcba98', path: '.env', line: 3 },
      { repository: 'gist', commit: null, path: null, line: null, publicUrl: 'https://gist.github.com/someone/abc' },
    ];
    const { text } = renderIncidentMessage({ ...base, exposure: { ...base.exposure, otherLocations } }, 'owner', NOW);
    expect(text).toContain('Also in:    billing .env:3 @ fedcba987654');
    expect(text).toContain('Also in:    gist (https://gist.github.com/someone/abc)');
  });

  it('words an S3 code store finding by its object: no commit line, the scan time instead of a first commit', () => {
    const base = makeIncident();
    const object = 's3://acme-code-backups/releases/app.zip!app/deploy.py';
    const exposure = { ...base.exposure, commit: '', path: object, line: 3, branches: [], firstSeen: new Date('2026-11-27T09:30:00.000Z') };
    delete exposure.publicUrl;
    const { text, html } = renderIncidentMessage({ ...base, repository: { ...base.repository, name: 'acme-code-backups' }, exposure }, 'owner', NOW);
    expect(text).toContain('You own code store acme-code-backups.');
    expect(text).toContain(`  Found in object: ${object}, line 3\n`);
    expect(text).toContain('  First scanned: 2026-11-27T09:30:00.000Z (1 day ago)');
    expect(text).not.toMatch(/Commit|commit:|First commit|Repository:|File:/);
    expect(html).toContain('Found in object');
    expect(html).not.toContain('First commit');
  });

  it('leaves out the empty commit of a commit-less exposure and dates it as first seen', () => {
    const base = makeIncident();
    const { text } = renderIncidentMessage({ ...base, exposure: { ...base.exposure, commit: '', path: 'ami-0a1b2c3d4e5f60718', line: null } }, 'owner', NOW);
    expect(text).not.toContain('Commit:');
    expect(text).toContain('  First seen: 2026-11-20T10:00:00.000Z (8 days ago)');
    expect(text).toContain('  File:       ami-0a1b2c3d4e5f60718\n');
  });

  it('says when nothing was done yet and marks an escalation in the subject', () => {
    const { subject, text } = renderIncidentMessage(makeIncident(), 'escalation', NOW);
    expect(subject).toContain('Unacknowledged:');
    expect(text).toContain('Nothing yet');
    expect(text).toContain('You are an escalation contact');
  });

  it('escapes repository content in the HTML and keeps control characters out of the subject', () => {
    const base = makeIncident();
    const incident = { ...base, exposure: { ...base.exposure, title: 'Key\r\nBcc: x@evil.test', path: '<script>alert(1)</script>.env' } };
    const { subject, html } = renderIncidentMessage(incident, 'owner', NOW);
    expect(subject).not.toMatch(/[\r\n]/);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;.env');
  });
});
