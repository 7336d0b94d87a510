import { describe, expect, it } from 'vitest';
import { judgeAssignment } from '../../../src/detect/generic/judge-assignment.js';

const random = ['x7Hq', '9LmZ', 'p2Rt', 'Kw4B'].join('');

function judge(line: string, v: string) {
  const at = line.lastIndexOf(v);
  return judgeAssignment(line, at, at + v.length)?.confidence ?? null;
}

describe('judgeAssignment', () => {
  it('is sure of a random literal under an unambiguous key', () => {
    expect(judge(`password = "${random}"`, random)).toBe('high');
  });
  it('reports a plausible short quoted password at medium', () => {
    const short = ['k9', 'x2'].join('');
    expect(judge(`password = "${short}"`, short)).toBe('medium');
  });
  it('reports dictionary-word passwords at low confidence instead of dropping them', () => {
    const word = ['pass', 'word', '123'].join('');
    expect(judge(`password = "${word}"`, word)).toBe('low');
  });
  it('lowers commented-out configuration to low', () => {
    expect(judge(`# hmac_secret: ${random}`, random)).toBe('low');
    expect(judge(`// password = "${random}"`, random)).toBe('low');
  });
  it('keeps a weak key with a random value at medium', () => {
    expect(judge(`nonce: ${random}`, random)).toBe('medium');
  });
  it('drops what is certainly not a secret', () => {
    expect(judge('password: "1712345678901"', '1712345678901')).toBeNull();
    expect(judge('password = ""', '')).toBeNull();
    expect(judge('password = getenv("DB")', 'getenv("DB")')).toBeNull();
    expect(judge(`password_hash = "${random}"`, random)).toBeNull();
    expect(judge('password = "ab"', 'ab')).toBeNull();
  });
  it('reports short test passwords and PINs at low confidence', () => {
    expect(judge('password: "ab1"', 'ab1')).toBe('low');
    expect(judge("const pin = { password: '1234' }", '1234')).toBe('low');
  });
  it('keeps a short value of a flag', () => {
    expect(judge('ldapsearch -x -D cn=root -w foo -b o=acme', 'foo')).toBe('low');
  });
  it('drops a value that repeats a word of its key, and a word under a weak key', () => {
    expect(judge('{"access_token":"access"}', 'access')).toBeNull();
    expect(judge("withCredentials = 'same-origin'", 'same-origin')).toBeNull();
  });
  it('drops names and fragments in minified code, keeping only random literals', () => {
    const filler = 'var a=function(b){return b(c)};'.repeat(30);
    expect(judge(`${filler}e.password=void 0;${filler}`, 'void')).toBeNull();
    expect(judge(`${filler}{password:"${random}"}${filler}`, random)).toBe('high');
  });
  it('drops a name under a weak key, and keeps one under a password key at low', () => {
    expect(judge('"input_token": "NextToken",', 'NextToken')).toBeNull();
    expect(judge("libnameToken: 'LIB-NAME',", 'LIB-NAME')).toBeNull();
    const chosen = ['My', 'Secret', 'Password'].join('');
    expect(judge(`password: '${chosen}'`, chosen)).toBe('low');
  });
  it('needs a longer value under a weak key', () => {
    const short = ['k9', 'x2', 'q'].join('');
    expect(judge(`token = "${short}"`, short)).toBeNull();
  });
});

describe('judgeAssignment: an auth scheme before the value', () => {
  it('reports the credential after "Bearer", not the scheme', () => {
    const line = `token: "Bearer ${random}"`;
    const at = line.indexOf('Bearer');
    expect(judgeAssignment(line, at, line.length - 1)).toMatchObject({ value: random, start: line.indexOf(random) });
  });
});

describe('judgeAssignment: a sentence that starts like an auth scheme', () => {
  it('keeps the sentence whole, and drops it as prose', () => {
    const line = '"Unexpected_token_expected_1179": "Token inesperado. \'{\' esperado.",';
    const at = line.indexOf('Token inesperado');
    expect(judgeAssignment(line, at, at + 10)).toBeNull();
  });
});


describe('judgeAssignment: comments and patterns', () => {
  it('lowers a value in a block comment or after a trailing comment to low', () => {
    expect(judge(`/** password: \`${random}\` */`, random)).toBe('low');
    expect(judge(`connect(); // password: '${random}'`, random)).toBe('low');
    expect(judge(`x = 1  # password: '${random}'`, random)).toBe('low');
  });
  it('does not take a comment marker inside a string for a comment', () => {
    expect(judge(`url = 'https://a/b'; password = '${random}'`, random)).toBe('high');
    expect(judge(`note = "see // below"; password = '${random}'`, random)).toBe('high');
  });
  it('drops values inside a regular expression literal or a RegExp call', () => {
    const v = ['abc', 'Def', '123'].join('');
    expect(judge(`const re = /password=${v}/;`, v)).toBeNull();
    expect(judge(`  /^env:|^secret:${v}|^vault:/i;`, v)).toBeNull();
    expect(judge(`x = new RegExp('token=${v}' + y)`, v)).toBeNull();
  });
  it('does not take a path before the key for a regular expression', () => {
    expect(judge(`path: /srv/app password: ${random}`, random)).toBe('high');
  });
});

describe('judgeAssignment: names and paths under credential-ish keys', () => {
  it('drops a relative file path under a credential key', () => {
    expect(judge("  'helper-credential-bin': 'src/git/helper-credential-bin.ts',", 'src/git/helper-credential-bin.ts')).toBeNull();
    expect(judge("keyFile: './certs/client.pem'", './certs/client.pem')).toBeNull();
    expect(judge("private_key: 'keys/service-account.json'", 'keys/service-account.json')).toBeNull();
  });
  it('drops a finding type written as a path of names', () => {
    const type = ['IAM', 'User/', 'Anomalous', 'Behavior'].join('');
    expect(judge(`    'CredentialAccess:${type}',`, type)).toBeNull();
  });
  it('reports a short dictionary word under a secret key at low confidence', () => {
    const word = ['ben', 'ch'].join('');
    expect(judge(`AWS_SECRET_ACCESS_KEY: '${word}',`, word)).toBe('low');
  });
});

describe('judgeAssignment: passwords in URLs', () => {
  it('reports a letters-only password in a URL as a chosen word, at low confidence', () => {
    const word = ['auth', 'pass', 'word'].join('');
    expect(judge(`new Redis('redis://:${word}@127.0.0.1:6380/4')`, word)).toBe('low');
  });
  it('reports a random password in a URL at high confidence', () => {
    expect(judge(`DATABASE_URL=postgres://app:${random}@db.internal:5432/app`, random)).toBe('high');
  });
});

describe('judgeAssignment: URLs in minified code', () => {
  it('keeps a random password of a URL in minified code', () => {
    const filler = 'var a=function(b){return b(c)};'.repeat(30);
    expect(judge(`${filler}var u="mysql://app:${random}@db.internal:3306/app";${filler}`, random)).toBe('high');
  });
});

describe('judgeAssignment: a long line with many candidates', () => {
  // A bundle's single line with thousands of candidates, each judged on the whole line (as a
  // caller that does not cut lines passes it): the comment, regex-literal and minified-code
  // tests read a bounded stretch before each value instead of the line from its start.
  const count = 1500;
  const valueOf = (i: number) => `${random}${(i * 7919 + 104729).toString(36)}Q${i}`;
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    parts.push(`var a${i}=function(b){return b(c)};`, `t${i}.password="${valueOf(i)}";`, 'e.token=void 0;', `f${i}(/x/g,"//");`);
  }
  const line = parts.join('');
  const code = 'var a=function(b){return b(c)};'.repeat(300);

  it('judges each random literal high and each code fragment not at all', () => {
    let highs = 0;
    let nulls = 0;
    for (let i = 0, from = 0; i < count; i++) {
      const v = valueOf(i);
      const at = line.indexOf(v, from);
      from = at + v.length;
      const judged = judgeAssignment(line, at, at + v.length);
      expect(judged).toEqual({ confidence: 'high', value: v, start: at, end: at + v.length });
      if (judged?.confidence === 'high') highs++;
      const fragment = line.indexOf('void', at);
      if (judgeAssignment(line, fragment, fragment + 4) === null) nulls++;
    }
    expect(highs).toBe(count);
    expect(nulls).toBe(count);
  });

  it('still reads a comment or a regex literal just before a value far into a long line', () => {
    expect(judge(`${code} // password: '${random}'`, random)).toBe('low');
    expect(judge(`${code};const re = /password=${random}/;`, random)).toBeNull();
    expect(judge(`${code};password="${random}"`, random)).toBe('high');
  });

  it('does not take a marker where the stretch it reads is cut for the start of a comment line', () => {
    // Wherever the stretch before the value starts in this run of `#`, that is not the line's start.
    expect(judge(`var q = f("${'#'.repeat(6000)}"); password="${random}"`, random)).toBe('high');
    expect(judge(`var q = f("${'//'.repeat(3000)}"); password="${random}"`, random)).toBe('high');
  });
});

describe('judgeAssignment: names that popular clean code assigns to credential-ish keys', () => {
  it('drops a value that repeats the key’s credential-bearing compound', () => {
    const lib = ['lib', 'secret'].join('');
    expect(judge(`"${lib}-1.so.0": "${lib}-1-0",`, `${lib}-1-0`)).toBeNull();
    const chosen = ['super', '-secret-', '123'].join('');
    expect(judge(`session_secret = '${chosen}'`, chosen)).toBe('low');
  });
  it('drops a parser’s pseudo-token name behind a sigil, and a bundler annotation before code', () => {
    expect(judge('if (lastSignificantToken === "?NonExpressionParenKeyword") x();', '?NonExpressionParenKeyword')).toBeNull();
    expect(judge('nextLastSignificantToken = "?InterpolationInJSX";', '?InterpolationInJSX')).toBeNull();
    expect(judge('  var TokenParser = /*#__PURE__*/function () {', '/*#__PURE__*/function')).toBeNull();
  });
});

describe('judgeAssignment: confidence from the value under the key (issue 11)', () => {
  const long = ['q7Vd', 'K2mX', 'p9Lr', 'T4wZ', 'h8Ns', 'B3jF'].join('');
  // Strong credential keys across languages: a long random value is high.
  const strong: ReadonlyArray<[string, string]> = [
    ['Python', `API_KEY = "${long}"`],
    ['Go', `clientSecret := "${long}"`],
    ['Java', `private static final String PASSWORD = "${long}";`],
    ['PHP', `'secret' => '${long}',`],
    ['Ruby', `  config.secret_key_base = '${long}'`],
    ['YAML', `  private_key: ${long}`],
    ['INI', `access_token = ${long}`],
  ];
  it.each(strong)('%s: a random value under a strong credential key is high', (_lang, line) => {
    expect(judge(line, long)).toBe('high');
  });
  it('takes a long random value under a token or credentials name as high, a short one as medium', () => {
    expect(judge(`oauth_token: "${long}"`, long)).toBe('high');
    expect(judge(`"credentials": "${long}"`, long)).toBe('high');
    const short = ['jwt', '_abc', '123'].join('');
    expect(judge(`localStorage.setItem('token', '${short}')`, short)).not.toBe('high');
  });
  it('keeps other weak keys (nonce, key, signature) at medium for a random value', () => {
    expect(judge(`oauth_nonce = "${long}"`, long)).toBe('medium');
    expect(judge(`signature: "${long}"`, long)).toBe('medium');
  });
  it('reports a real-looking but not random password at medium, a dictionary word at low', () => {
    const chosen = ['bzq4', '-wtk'].join('');
    expect(judge(`db_password = '${chosen}'`, chosen)).toBe('medium');
    const word = ['sun', 'shine', '42'].join('');
    expect(judge(`db_password = '${word}'`, word)).toBe('low');
  });
});

describe('judgeAssignment asked again', () => {
  it('answers a question asked again, or with another key hint, as it did the first time', async () => {
    const { vi } = await import('vitest');
    const line = `  password = "${random}"; token = "${random}" # nonce: ${random}`;
    const at = line.indexOf(random);
    const questions: [number, number, string | undefined][] = [
      [at, at + random.length, undefined],
      [at, at + random.length, 'password'],
      [at, at + random.length, 'nonce'],
      [at + 1, at + random.length, undefined],
      [line.lastIndexOf(random), line.length, undefined],
    ];
    const first = questions.map(([s, e, hint]) => judgeAssignment(line, s, e, hint));
    const again = questions.map(([s, e, hint]) => judgeAssignment(line, s, e, hint));
    vi.resetModules();
    const fresh = await import('../../../src/detect/generic/judge-assignment.js');
    expect(again).toEqual(first);
    expect(questions.map(([s, e, hint]) => fresh.judgeAssignment(line, s, e, hint))).toEqual(first);
  });
  it('reads a trailing comment only where no quote is left open, escaped quotes aside', () => {
    expect(judge(`x = "a\\"b" # password: ${random}`, random)).toBe('low');
    expect(judge(`x = "a\\" # password: ${random}`, random)).toBe('high');
  });
});
