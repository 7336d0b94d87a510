import { describe, expect, it } from 'vitest';
import {
  answerCredentialRequest,
  parseCredentialRequest,
  runCredentialHelper,
} from '../../src/git/codecommit-credential-helper.js';
import { codecommitSignature } from '../../src/git/sign-codecommit.js';

const accessKeyId = 'AKIA' + 'Z'.repeat(16);
const secretAccessKey = ['sec', 'ret'].join('') + '-'.repeat(4) + 'k'.repeat(24);
const getCredentials = async () => ({ accessKeyId, secretAccessKey });
const now = () => new Date('2021-09-01T10:25:23Z');

function request(lines: string[]) {
  return parseCredentialRequest(`${lines.join('\n')}\n\n`);
}

async function* chunks(text: string) {
  yield Buffer.from(text);
}

describe('CodeCommit credential helper', () => {
  it('answers a CodeCommit host with the signed username and password', async () => {
    const answer = await answerCredentialRequest(
      request(['protocol=https', 'host=git-codecommit.eu-west-1.amazonaws.com', 'path=v1/repos/dummy-repo']),
      { getCredentials, now },
    );
    const signature = codecommitSignature({
      secretAccessKey,
      region: 'eu-west-1',
      host: 'git-codecommit.eu-west-1.amazonaws.com',
      path: '/v1/repos/dummy-repo',
      timestamp: '20210901T102523',
    });
    expect(answer).toEqual({ ok: true, text: `username=${accessKeyId}\npassword=20210901T102523Z${signature}\n` });
  });

  it.each([
    ['another host', ['protocol=https', 'host=github.com', 'path=v1/repos/x']],
    ['a look-alike host', ['protocol=https', 'host=git-codecommit.eu-west-1.amazonaws.com.evil.example', 'path=v1/repos/x']],
    ['plain http to CodeCommit', ['protocol=http', 'host=git-codecommit.eu-west-1.amazonaws.com', 'path=v1/repos/x']],
  ])('never signs for %s', async (_label, lines) => {
    let asked = false;
    const answer = await answerCredentialRequest(request(lines), {
      getCredentials: async () => {
        asked = true;
        return getCredentials();
      },
    });
    expect(answer.ok).toBe(false);
    expect(asked).toBe(false);
  });

  it('explains that useHttpPath is needed when git sends no path', async () => {
    const answer = await answerCredentialRequest(
      request(['protocol=https', 'host=git-codecommit.eu-west-1.amazonaws.com']),
      { getCredentials },
    );
    expect(answer).toEqual({ ok: false, reason: expect.stringContaining('credential.useHttpPath=true') });
  });

  it('signs for the one extra host named by the environment, in its region', async () => {
    const answer = await answerCredentialRequest(request(['protocol=http', 'host=127.0.0.1:9999', 'path=v1/repos/demo']), {
      getCredentials,
      now,
      env: { extraHost: '127.0.0.1:9999', extraRegion: 'us-west-2' },
    });
    const signature = codecommitSignature({
      secretAccessKey,
      region: 'us-west-2',
      host: '127.0.0.1:9999',
      path: '/v1/repos/demo',
      timestamp: '20210901T102523',
    });
    expect(answer).toEqual({ ok: true, text: expect.stringContaining(`Z${signature}`) });
  });

  it('prints nothing for store and erase, so git keeps no copy', async () => {
    for (const action of ['store', 'erase']) {
      let out = '';
      const code = await runCredentialHelper({
        argv: [action],
        stdin: chunks('protocol=https\nhost=git-codecommit.eu-west-1.amazonaws.com\nusername=u\npassword=p\n\n'),
        writeOut: (text) => (out += text),
        writeErr: () => undefined,
        env: {},
        getCredentials,
      });
      expect(code).toBe(0);
      expect(out).toBe('');
    }
  });

  it('passes --profile to the credential chain and reports a credential failure on stderr only', async () => {
    let out = '';
    let err = '';
    const profiles: Array<string | undefined> = [];
    const code = await runCredentialHelper({
      argv: ['get', '--profile', 'audit'],
      stdin: chunks('protocol=https\nhost=git-codecommit.eu-west-1.amazonaws.com\npath=v1/repos/r\n\n'),
      writeOut: (text) => (out += text),
      writeErr: (text) => (err += text),
      env: {},
      getCredentials: async (profile) => {
        profiles.push(profile);
        throw new Error('Could not load credentials from any providers');
      },
    });
    expect(profiles).toEqual(['audit']);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('Could not load credentials');
  });
});
