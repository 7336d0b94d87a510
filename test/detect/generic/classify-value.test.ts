import { describe, expect, it } from 'vitest';
import { classifyValue } from '../../../src/detect/generic/classify-value.js';
import type { ValueClass } from '../../../src/detect/generic/classify-value.js';

const join = (...parts: string[]): string => parts.join('');

describe('classifyValue', () => {
  const cases: [ValueClass, string][] = [
    ['placeholder', '<your-password>'],
    ['placeholder', join('change', 'me')],
    ['placeholder', 'xxxxxxxx'],
    ['placeholder', '********'],
    ['placeholder', 'put your unique phrase here'],
    ['template', '###ORACLE_PWD###'],
    ['template', '@DB_PASSWORD@'],
    ['template', '{{ .Values.db.password }}'],
    ['template', '%(pw)s'],
    ['template', '$DB_PASS'],
    ['template', '$setup->{passwd}'],
    ['template', '#{db_password}'],
    ['template', '<%= ENV["DB_PASS"] %>'],
    ['reference', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db'],
    ['reference', 'secret/data/prod/db'],
    ['reference', 'projects/acme/secrets/db-password/versions/latest'],
    ['reference', '/run/secrets/db_password'],
    ['reference', 'os.environ["DB_PASS"]'],
    ['code', 'this.#internals.password'],
    ['code', 'yaml_token_t{'],
    ['code', 'cp.flags & passwordFlag'],
    ['code', 'getPassword()'],
    ['hash', join('$2b$12$', 'R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW')],
    ['hash', join('$argon2id$v=19$m=65536,t=3,p=4$', 'c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG')],
    ['hash', join('$6$', 'rounds=5000$saltsalt$', 'Qd0vVm4e1hJ8gX')],
    ['number', '1712345678901'],
    ['word', '1234'],
    // Messages whose numbers stand apart from their words; a passphrase mixes them in one word.
    ['placeholder', 'Too short (min 8)'],
    ['placeholder', 'Use 12 or more characters.'],
    ['word', 'Min 8 chars'],
    ['plausible', join('correct horse ', 'battery', '42')],
    ['number', '42'],
    ['number', '0x00400000'],
    ['placeholder', '2-byte'],
    ['word', join('pass', 'word', '123')],
    ['word', join('Pass', 'w0rd!')],
    ['word', join('adm', 'in')],
    ['placeholder', join('se', 'cret')],
    ['placeholder', join('test', '-key')],
    ['word', join('let', 'me', 'in')],
    ['identifier', 'NextToken'],
    ['identifier', 'MaxResults'],
    ['identifier', 'LIB-NAME'],
    ['identifier', 'IMPORTING'],
  ];
  for (const [cls, v] of cases) {
    it(`classifies ${JSON.stringify(v.slice(0, 12))}… as ${cls}`, () => {
      expect(classifyValue(v, cls === 'code' ? 'bare' : 'literal')).toBe(cls);
    });
  }

  it('classifies random-looking values as random, whatever symbols they hold', () => {
    expect(classifyValue(join('x7Hq', '9LmZ', 'p2Rt', 'Kw4B'), 'literal')).toBe('random');
    // A WordPress salt: 64 printable characters, with brackets and template-like pairs.
    const salt = join('t`]Fk|G!j+:Y(8i0H<qW', '>2v.N%z{9@R^m', 'Bc*4;Ux&e~P=6aL?', 'Dh/7sJ-oT1,yV$3K');
    expect(classifyValue(salt, 'literal')).toBe('random');
  });

  it('does not take random upper-case or mixed-case strings for names', () => {
    expect(classifyValue(join('JBSW', 'Y3DP', 'EHPK', '3PXP'), 'literal')).not.toBe('identifier');
    expect(classifyValue(join('QzTr', 'KpLm', 'WxVn'), 'literal')).not.toBe('identifier');
  });

  it('does not take short random values for words, where leet or camel case would make them read as one', () => {
    // Leet folding turned their digits into vowels, and a letter alone between parts of the other case passed for camel case.
    for (const v of [join('kYyv', 'kH0k', '7X7'), join('2Ar4', '4U0e', '3q'), join('qYr1', 'v1BO', 'CP'), join('9b1s', '7eZ4', 'P5')]) {
      expect(classifyValue(v, 'literal')).not.toBe('word');
    }
    for (const v of [join('Passw', '0rd!'), join('P4ss', 'w0rd'), join('s3cr', '3t'), join('Hello', 'World1'), join('Tr0ub', '4dor'), join('Summ', 'er2024')]) {
      expect(classifyValue(v, 'literal')).toBe('word');
    }
  });

  it('classifies an ordinary short value as plausible', () => {
    expect(classifyValue(join('k9', 'x2', 'q'), 'literal')).toBe('plausible');
  });

  it('follows the tokenizer: expressions are code, empty values empty', () => {
    expect(classifyValue('userPassword', 'expression')).toBe('code');
    expect(classifyValue('', 'empty')).toBe('empty');
  });
});

describe('classifyValue: names, phrases and encodings', () => {
  it('takes names built around a credential word for names of the slot', () => {
    for (const v of ['user_password', 'smtp_password_value', 'second-token', 'AWS_CONTAINER_AUTHORIZATION_TOKEN', join('access', 'key'), join('consumer', 'secret')]) {
      expect(classifyValue(v, 'literal'), v).toBe('placeholder');
    }
  });
  it('keeps chosen phrases and compounds as words', () => {
    for (const v of [join('my-top-', 'secret'), join('auth', 'password'), join('keyboard', ' cat'), join('hi', ' mom')]) {
      expect(classifyValue(v, 'literal'), v).toBe('word');
    }
    expect(classifyValue(join('shhh-its-a-', 'secret'), 'literal')).toBe('plausible');
  });
  it('takes descriptions and sentences for placeholders', () => {
    expect(classifyValue('The password of the user', 'literal')).toBe('placeholder');
    expect(classifyValue('{JSON STRING WITH CREDENTIALS}', 'literal')).toBe('placeholder');
    expect(classifyValue('**secret**', 'bare')).toBe('placeholder');
  });
  it('takes type names and unions for code', () => {
    for (const v of ['number | string', 'Uint8Array', 'String=', 'Credentials|CredentialsOptions|null']) expect(classifyValue(v, 'bare'), v).toBe('code');
  });
  it('reads base64 that decodes to words or to OpenSSL ciphertext', () => {
    const b64 = (t: string): string => Buffer.from(t).toString('base64');
    expect(classifyValue(b64('mysteriousPaginationToken'), 'literal')).toBe('placeholder');
    expect(classifyValue(b64(join('Salted__', 'k9Qx2Lm7Zp4Rt8Wn')), 'literal')).toBe('reference');
  });
  it('leaves provider-prefixed values, URLs without a password and PEM blocks to other rules', () => {
    expect(classifyValue(join('sk_', 'test_', '123'), 'literal')).toBe('placeholder');
    expect(classifyValue('https://github.com/acme/app/issues/464', 'literal')).toBe('reference');
    expect(classifyValue(join('-----BEGIN RSA ', 'PRIVATE KEY-----'), 'literal')).toBe('reference');
  });
});

describe('classifyValue: patterns and messages', () => {
  it('takes alphabets and digit runs for patterns, not secrets', () => {
    expect(classifyValue('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 'literal')).toBe('placeholder');
  });
  it('takes messages and their translations for placeholders', () => {
    expect(classifyValue("Token inesperado. '{' esperado.", 'literal')).toBe('placeholder');
    expect(classifyValue('Der Parser hat ein Element "{1}" zu dem Token "{0}" erwartet.', 'literal')).toBe('placeholder');
  });
  it('takes switch words and private names for non-secrets', () => {
    expect(classifyValue('yes', 'literal')).toBe('placeholder');
    expect(classifyValue('latin1', 'literal')).toBe('placeholder');
    expect(classifyValue('_password_reset_token', 'literal')).toBe('placeholder');
    expect(classifyValue('_sa_default', 'literal')).toBe('identifier');
  });
});


describe('classifyValue: paths, patterns and names of types', () => {
  it('takes relative file paths for references', () => {
    for (const v of ['src/cli/main.ts', 'certs/ca.pem', './x/y.pem', 'config/app.yaml']) expect(classifyValue(v, 'literal'), v).toBe('reference');
  });
  it('does not take random values with slashes for paths', () => {
    expect(classifyValue(join('k9Qx/2Lm7', 'Zp4Rt8+Wn'), 'literal')).toBe('random');
  });
  it('takes regular-expression source for code', () => {
    expect(classifyValue('(?:pass|pwd)\\s*=\\s*(\\w+)', 'literal')).toBe('code');
    expect(classifyValue('|^vault:|^ssm:|^op:\\/\\/', 'literal')).toBe('code');
  });
  it('takes a path of CamelCase names for an identifier, but not random base64', () => {
    expect(classifyValue(join('EC2/', 'DNSData', 'Exfiltration!DNS'), 'literal')).toBe('identifier');
    expect(classifyValue(join('Kubernetes/', 'Malicious', 'IPCaller.Custom'), 'literal')).toBe('identifier');
    expect(classifyValue(join('kQ3Fz/', 'Abcd9', 'Lm2Wq'), 'literal')).not.toBe('identifier');
  });
  it('reads a word with one vowel in five letters as a word', () => {
    expect(classifyValue(join('ben', 'ch'), 'literal')).toBe('word');
  });
});

describe('classifyValue: phrases with spaces', () => {
  it('takes lower-case phrases around a credential word for chosen passphrases', () => {
    for (const v of [join('default', ' password'), join('other', ' pass', 'word')]) expect(classifyValue(v, 'literal'), v).toBe('word');
  });
  it('keeps form labels, prose and names with separators as placeholders', () => {
    for (const v of ['show password', 'reset token', 'the password', 'user_password', 'second-token']) expect(classifyValue(v, 'literal'), v).toBe('placeholder');
  });
});

describe('classifyValue: phrases that name a slot', () => {
  it('takes phrases with two credential words, and documentation names, for placeholders', () => {
    for (const v of ['shared key secret', 'auth token', join('some', 'password')]) expect(classifyValue(v, 'literal'), v).toBe('placeholder');
  });
});

describe('classifyValue: names of secrets in a secret store', () => {
  it('takes a path of words for the name of a secret, not the secret', () => {
    for (const v of [join('prod/', 'db/', 'password'), join('myapp/', 'staging/', 'api-key'), join('/acme/', 'prod/', 'Payments/', 'StripeKey'), join('kv/', 'v2/', 'billing')]) {
      expect(classifyValue(v, 'literal'), v).toBe('reference');
    }
  });
  it('does not take random base64 with slashes for a name', () => {
    for (const v of [join('kQ3F/', 'zAbc9Lm2', '/Wq7xPd'), join('hT9q/', 'vB2n/', 'Xk4Lr8')]) expect(classifyValue(v, 'literal'), v).not.toBe('reference');
  });
});
