/**
 * Shapes of applications' and daemons' code and docs (monitoring, mail and message brokers, FTP,
 * web apps in PHP, Perl test suites, C, PowerShell, Erlang, .NET configs, minified bundles):
 * lines that read as a credential assignment but hold none, each beside a line of the same shape
 * that holds a secret and must still be reported. Values are built at run time.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../../src/detect/load-rules.js';
import { Matcher } from '../../../src/detect/matcher.js';
import type { RawMatch } from '../../../src/detect/types.js';

const matcher = new Matcher(loadRules());
const rules = new Map(loadRules().rules.map((r) => [r.id, r]));

function findings(text: string): RawMatch[] {
  return matcher.match(text).filter((m) => rules.get(m.ruleId)?.kind !== 'sensitive-data');
}

const random = ['x7Hq', '9LmZ', 'p2Rt', 'Kw4B', 'v8Nc'].join('');
const word = ['ici', 'nga'].join('');
const hex16 = randomBytes(8).toString('hex');
const key = ['pass', 'word'].join('');

/** Lines that hold no secret: nothing reported, at any confidence. */
const NOT_SECRETS: ReadonlyArray<[string, string]> = [
  // .NET's strong-name public key token.
  ['XML', `<assembly alias="System.Drawing" name="System.Drawing, Version=4.0.0.0, Culture=neutral, PublicKeyToken=${hex16}" />`],
  // Runtime macros of Nagios and Icinga; printf's positional arguments.
  ['Icinga', `  env.NAGIOS__SERVICEMYSQL_PASS = "$mysql_health_env_${key}$"`],
  ['PHP', `\t\t'<blockquote class="wp-embedded-content" data-secret="%1$s"><a href="%2$s">%3$s</a></blockquote>',`],
  // Shell command substitution in backticks; a C address-of; a PowerShell cmdlet; Perl's interpolation.
  ['shell', 'ac_pwd_ls_di=`cd "$ac_pwd" && ls -di .` ||'],
  ['C', '\t\tzbx_eval_token_t\t*token = &local_ctx.stack.values[i];'],
  ['PowerShell', `$SecPass = ConvertTo-SecureString $icingaApi${'Password'} -AsPlainText -Force`],
  ['Perl', `    UserPassword => "$user $user_pass_ciphertext",`],
  // A C integer literal with its suffix; a crypt scheme's prefix before its salt.
  ['C', 'static unsigned long sql_passwd_opts = 0UL;'],
  ['Perl', `    $salt = '$1$' . $salt;`],
  // Validation rules keyed by the field they check, and a rule naming a table's column.
  ['PHP', `\t\t\t'${key}1' =>\t\t'required|string',`],
  ['PHP', `\t\t\t'change_${key}' =>\t'in 0,1',`],
  ['PHP', `\t\t\t'ipmi_${key}'\t\t=> 'db hosts.ipmi_${key}',`],
  ['PHP', `\t\t\t'passwd_check_rules' =>\t\t\t'int32|ge 0|le '.(PASSWD_CHECK_CASE | PASSWD_CHECK_DIGITS),`],
  // A URN; an e-mail address as anonymous FTP's password; an anonymous login.
  ['PHP', `    const AC_PASSWORD = 'urn:oasis:names:tc:SAML:2.0:ac:classes:${'Password'}';`],
  ['Perl', `  my $anon_passwd = 'ftp@nospam.org';`],
  ['Perl', `      $client->login('anonymous', 'nospam');`],
  // MySQL's account options; "identified by" in prose around concatenated code.
  ['SQL', `ALTER USER 'bob'@'%' IDENTIFIED WITH 'mysql_native_${key}' REQUIRE NONE PASSWORD EXPIRE DEFAULT ACCOUNT UNLOCK;`],
  ['PHP', `$this->warning('Unhandled "uuid" atom identified by "'.$atom['uuid_field_id'].'" at offset '.$atom['offset']);`],
  // JavaScript that reads a password, not an .npmrc line; a string closed before a concatenation.
  ['JavaScript', '\t\t\t\t_password = password || urlp.pass;'],
  ['JavaScript', 'location.href=n+"&user_login="+encodeURIComponent(s.user_login)+"&password="+encodeURIComponent(e.password),window.x=1'],
  ['JavaScript', "x.open('GET', ajaxurl + '?action=test&_ajax_nonce='+compressionNonce+'&'+(new Date()).getTime(), true);"],
  // The key's own words run together; a help text naming its flag; a settings getter's names.
  ['YAML', 'LOGIN_SECRET: loginsecret'],
  ['C', `\t"\t-p, --${key}\t\t\tPassword\\n"`],
  ['Python', `        length = config.get('${key}', 'length')`],
  // Erlang's bit syntax; a list of module names; an access key's id.
  ['Erlang', '\t\tNonce:96/bitstring'],
  ['shell', `echo "MODULES=mod_sql:mod_sql_mysql:mod_sql_passwd:mod_sftp:mod_tls" >> $GITHUB_ENV`],
  ['Markdown', `AccessKey: ${'USWUXHGYZQ'}${'YFYFFIT3RE'}`],
];

/** The same shapes holding a secret: still reported. */
const SECRETS: ReadonlyArray<[string, string]> = [
  ['XML', `<add key="ApiToken" value="${random}" />`],
  ['Icinga', `  env.NAGIOS__SERVICEMYSQL_PASS = "${random}"`],
  ['PHP', `\t\t'data-secret' => '${random}',`],
  ['shell', `ac_pwd_secret=\`${random}\``],
  ['C', `\t\tchar *token = "${random}";`],
  ['PowerShell', `$SecPass = ConvertTo-SecureString "${random}" -AsPlainText -Force`],
  ['Perl', `    UserPassword => "${random}",`],
  ['Perl', `  my $passwd = '${random}';`],
  ['PHP', `\t\t\t'${key}1' =>\t\t'${random}',`],
  ['PHP', `    const AC_PASSWORD = '${random}';`],
  ['Perl', `      $client->login('backup', '${random}');`],
  ['SQL', `ALTER USER 'bob'@'%' IDENTIFIED BY '${random}' PASSWORD EXPIRE DEFAULT;`],
  ['YAML', `LOGIN_SECRET: ${random}`],
  ['Python', `        value = config.set('${key}', '${random}')`],
  ['Markdown', `SecretKey: ${random}${random}`],
];

describe('generic detection on applications and daemons', () => {
  it.each(NOT_SECRETS)('%s: %s → nothing', (_lang, line) => {
    expect(findings(line).map((m) => `${m.ruleId}: ${m.secret}`)).toEqual([]);
  });

  it.each(SECRETS)('%s: %s → reported', (_lang, line) => {
    expect(findings(line).some((m) => m.secret.includes(random))).toBe(true);
  });
});

describe('passwords on command lines', () => {
  it('a chosen word after curl -u user: is reported; a variable or the word password is not', () => {
    expect(findings(`curl -k -s -u root:${word} 'https://localhost:5665/v1/status'`).map((m) => m.ruleId)).toEqual(['curl-user-password']);
    expect(findings(`curl -k -s -u root:$API_${'PASSWORD'} 'https://localhost:5665/v1/status'`)).toEqual([]);
    expect(findings(`curl -u user:${key} https://api.example.com`)).toEqual([]);
  });

  it('a --password= flag followed by more arguments holds a word password', () => {
    const line = `diag(\`util/load --host=127.0.0.1 --user=ops --${key}=${word}box test t1 $rows\`);`;
    expect(findings(line).map((m) => m.secret)).toEqual([`${word}box`]);
  });
});

describe('crypt hashes in the variants daemons write', () => {
  const b64 = (n: number): string => randomBytes(n).toString('base64').replace(/=+$/, '').slice(0, n);
  it('a Mosquitto password file line ($6$ in standard base64)', () => {
    const line = `roger:$6$${b64(16)}$${b64(86)}==`;
    expect(findings(line).map((m) => rules.get(m.ruleId)?.kind)).toEqual(['password-hash']);
  });
  it("coturn's hex $5$ in SQL", () => {
    const line = `insert into admin_user (name, realm, password) values('ops','acme','$5$${hex16}$${randomBytes(32).toString('hex')}');`;
    expect(findings(line).map((m) => rules.get(m.ruleId)?.kind)).toEqual(['password-hash']);
  });
});
