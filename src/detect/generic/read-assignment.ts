/**
 * The assignment tokenizer of the generic rules: given a line and where a rule's regex says a
 * value starts, reads the key, the operator and the value the way the line's syntax means them,
 * across the shapes credentials are written in — `key = "v"`, `key: v` (YAML), `key := "v"`
 * (Go), `"key": "v"` (JSON, dicts, maps), `key => 'v'` (PHP, Ruby), keyword arguments, struct
 * and object fields, XML attributes and elements, `.properties`/INI/TOML/.env lines, `export`,
 * CLI flags (`--password v`, `-pVALUE`), connection strings (`Password=v;`), URL user info and
 * `define('KEY', 'v')`. A quoted value is read to its closing quote (so a quoted password with
 * spaces or symbols is whole); a bare value is read as the regex bounded it and then judged by
 * what follows it: a call, a member chain or a variable name is code, not a literal.
 */
import { QUOTE_BIT, oddQuotes } from './quote-parity.js';
import { shellDefault } from './shell-default.js';

/** How the value is written: what the tokenizer saw, before the value classifier reads it. */
export type ValueShape = 'literal' | 'bare' | 'expression' | 'reference' | 'empty';

export interface Assignment {
  /** The name the value is assigned to, without quotes, sigils or flag dashes. */
  key: string;
  /** `=`, `:`, `:=`, `=>`, `,`, `>` (an XML element), `@` (URL user info) or ' ' (a flag or .netrc). */
  operator: string;
  /** The quote around the value, or '' for a bare value. */
  quote: string;
  value: string;
  /** Offsets of the value within the line. */
  start: number;
  end: number;
  shape: ValueShape;
  /** A quoted literal joined to more code (`"abc" + x`, `'%s' % x`): only part of a value. */
  concatenated: boolean;
}

const QUOTES = '"\'`';
const MAX_VALUE = 1000;
const KEY_CHAR = /[\w.$#@-]/;
/*
 * The regexes readKey asks of every candidate, made once: a regex literal in a function is a
 * new object each time it is evaluated.
 */
/** What stands between a key and its value: the operator, quotes, brackets, spaces. */
const OPERATOR_CHAR = /[\s=:>,\]"'`\\(]/;
/** The same less the operator's own characters, removed to leave the operator. */
const OPERATOR_NOISE = /["'`\\\]\s(]/g;
/** A comparison call or an environment setter just before the key. */
const COMPARING_CALL = /(?:[Cc]ompare|[Ee]qual|[Ee]ql|[Ss]etenv|putenv)\(\s{0,3}$/;
const TERNARY_BRANCH = /\?\s{0,3}$/;
const TYPE_TEST = /\btypeof\s{1,3}$/;
const REDIS_PASSWORD_DIRECTIVE = /^(?:requirepass|masterauth)$/i;
/** A key's sigils and flag dashes before it, and dots or dashes after it. */
const KEY_SIGILS = /^[-$@#.]+/;
const KEY_TRAILING_DOTS = /[.-]+$/;
/** A bare value that interpolates or reads a variable, or a template's marker. */
const REFERENCE_START = /^(?:\$[{(A-Za-z_]|%[A-Za-z_(]|\{\{|<%|#\{|@[A-Za-z_][\w.]*@|!Ref\b|\[\[)/;
/** A Makefile's variable set with `:=` at the start of its line, in capitals as Make's are named. */
const MAKE_SIMPLE_ASSIGNMENT = /(?:^|\n)[ \t]*(?:export[ \t]+|override[ \t]+)?[A-Z][A-Z0-9_]*[ \t]*:=[ \t]*$/;
/** Words that are code, not a value, when written bare. */
const CODE_WORDS =
  /^(?:null|nil|none|undefined|true|false|this|self|new|await|function|lambda|string|str|bytes|int|bool|number|boolean|object|any|unknown|void|typeof|instanceof|buffer|uint8array|array|symbol|bigint|async|yield|return|var|let|const)$/i;
/**
 * A test's assertion between a credential-named expression and the literal it expects:
 * `x.password).to.equal("v")`, a getter's result `x.getSigningKey()).toBe("v")`.
 */
const ASSERTION = /(?:\(\))?\)?\.(?:to\.(?:be\.)?|should\.)?(?:equal|eql|be|toBe|toEqual|toStrictEqual)\(\s{0,3}$/;
/**
 * Calls whose second argument is a password: `.auth(user, pass)`, `login(user, pass)`, `basicAuth(user, pass)`,
 * Go's `nats.UserInfo(user, pass)` and `url.UserPassword(user, pass)`, Rust reqwest's `basic_auth(user, Some(pass))`.
 */
const CREDENTIAL_CALL = /(?:\bauth|\blogin|\bauthenticate|[Bb]asic_?[Aa]uth|\bsetCredentials|\bUserInfo|\bUserPassword)\(\s{0,3}["'][^"'\n]{0,100}["']\s{0,3},\s{0,3}(?:Some\(\s{0,3})?$/i;
/**
 * A login call's second argument after a user held in a variable: `smtp.login(user, 'v')`,
 * `ftp.login(u, 'v')`, `imap.authenticate(self.user, 'v')`. (A method of an object, or a call
 * of its own name: `requireAuth(req, 'admin')` is no login.)
 */
const VARIABLE_USER_LOGIN = /(?:\.|^|[^\w$.])(?:login|auth|authenticate)\(\s{0,3}[A-Za-z_$][\w$]{0,40}(?:\.[A-Za-z_$][\w$]{0,40}){0,3}\s{0,3},\s{0,3}$/;
/**
 * Connections and credential objects whose password follows a literal user name, after an
 * optional first argument: `DriverManager.getConnection(url, "u", "p")`, `new PDO($dsn, 'u', 'p')`,
 * `mysqli_connect('host', 'u', 'p')`, `new NetworkCredential("u", "p")`, requests' `auth=('u', 'p')`,
 * Perl `DBI->connect($dsn, 'u', 'p')`, C `mysql_real_connect(conn, "host", "u", "p", …)`, Go
 * `smtp.PlainAuth("", "u", "p", host)`, OkHttp `Credentials.basic("u", "p")`, Ruby
 * `Aws::Credentials.new('id', 'secret')`, Guzzle's `'auth' => ['u', 'p']` and a C++ pair named as
 * credentials (`creds = std::make_pair("u", "p")`).
 */
/**
 * Connections that take a host, a user and a password, in that order, the host a literal: Python
 * `MySQLdb.connect("localhost", "u", "p", "db")`, `ftplib.FTP('ftp.acme.dev', 'u', 'p')`,
 * JavaMail `transport.connect("smtp.acme.dev", "u", "p")`; Sequelize's constructor, which takes
 * the database's name first; Oracle's `cx_Oracle.connect("u", "p", dsn)`, which takes the user first;
 * sbt's `Credentials("Realm", "host", "u", "p")`, which takes a realm and a host first.
 */
const HOST_FIRST_CALL =
  String.raw`\b(?:[Cc]onnect|FTP(?:_TLS)?)\(\s{0,3}["'](?:localhost|\d{1,3}(?:\.\d{1,3}){3}|[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,6})(?::\d{1,5})?["']\s{0,3},\s{0,3}|\bSequelize\(\s{0,3}["'][^"'\n]{1,100}["']\s{0,3},\s{0,3}|\b(?:cx_Oracle|oracledb)\.connect\(|\bCredentials\(\s{0,3}"[^"\n]{1,200}"\s{0,3},\s{0,3}"[^"\n]{1,200}"\s{0,3},\s{0,3}`;
const CONNECT_CALL = new RegExp(
  String.raw`(?:(?:getConnection|\bPDO|\bmysqli_connect|\bmysqli|\bmysql_p?connect|DigestAuth|UsernamePasswordCredentials|PasswordAuthentication|NetworkCredential|PasswordAuthenticationToken|\bDBI->connect|\bPlainAuth|\bCredentials\.basic|\bCredentials\.new)\(\s{0,3}(?:[^,()"'\n]{1,200},\s{0,3}|["'][^"'\n]{0,200}["']\s{0,3},\s{0,3})?|\bmysql_real_connect\(\s{0,3}[^,()"'\n]{1,80},\s{0,3}(?:["'][^"'\n]{0,200}["']|[^,()"'\n]{1,80}),\s{0,3}|\bauth\s{0,3}=\s{0,3}\(|["']auth["']\s{0,3}=>\s{0,3}\[|\b(?:creds|credentials|auth)\s{0,3}=\s{0,3}std::make_pair\(|${HOST_FIRST_CALL})\s{0,3}["'][^"'\n]{0,100}["']\s{0,3},\s{0,3}$`,
);
/**
 * Keyed-hash and cipher calls, up to their key argument: `createHmac('sha256', key)`, CryptoJS
 * `HmacSHA256(message, key)`, `HMAC.create(algo, key)` and `AES.encrypt(message, key)`, Python
 * `hmac.new(key, ...)`, Go `hmac.New(sha256.New, []byte(key))`, PHP `hash_hmac('sha256', data, key)`,
 * Ruby `OpenSSL::HMAC.hexdigest('SHA256', key, data)`, Java `new SecretKeySpec(key.getBytes(), ...)`,
 * and Express's `cookieParser(key)`, which signs cookies with it.
 */
/**
 * JWT libraries' signing and verifying calls, up to their HMAC key: jsonwebtoken `jwt.sign(payload, key)`
 * and `jwt.verify(token, key)`, PyJWT `jwt.encode(payload, key, …)` and `jwt.decode(token, key, …)`,
 * ruby-jwt `JWT.encode`, PHP `JWT::encode($payload, key, 'HS256')`, java-jwt `Algorithm.HMAC256(key)`,
 * jjwt `.signWith(SignatureAlgorithm.HS256, key)`, Go `token.SignedString([]byte(key))`. (The
 * payload may be an object literal, commas and all.)
 */
const JWT_KEY_CALL =
  String.raw`\b(?:jwt|JWT)(?:\.|::)(?:sign|verify|encode|decode)\(\s{0,3}(?:[^,(){}\n]|\([^()\n]{0,80}\)|\{[^{}\n]{0,200}\}){1,200},\s{0,3}|\bAlgorithm\.HMAC(?:256|384|512)\(\s{0,3}|\.signWith\(\s{0,3}SignatureAlgorithm\.HS(?:256|384|512)\s{0,3},\s{0,3}|\.SignedString\(\s{0,3}\[\]byte\(\s{0,3}`;
const HMAC_CALL = new RegExp(
  String.raw`(?:(?:createHmac|\bHmac(?:MD5|SHA\d{0,3}|RIPEMD160)|\bHMAC\.create|\b(?:AES|TripleDES|DES|Rabbit|RC4)\.(?:encrypt|decrypt)|OpenSSL::HMAC\.(?:hexdigest|digest|base64digest))\(\s{0,3}(?:[^,()\n]|\([^()\n]{0,80}\)){1,200},\s{0,3}|\bhmac\.new\(\s{0,3}|\bhmac\.New\([^,()\n]{1,80},\s{0,3}\[\]byte\(\s{0,3}|\bhash_hmac\(\s{0,3}["'][\w-]{2,20}["']\s{0,3},\s{0,3}[^,()\n]{1,200},\s{0,3}|\bnew\s{1,3}SecretKeySpec\(\s{0,3}|\bhmac\.start\(\s{0,3}["'][\w-]{2,20}["']\s{0,3},\s{0,3}|\bhmac\.HMAC\(\s{0,3}|OpenSSL::HMAC\.new\(\s{0,3}|\bnew\s{1,3}HMAC(?:SHA\d{1,3}|MD5)\(\s{0,3}Encoding\.\w{2,10}\.GetBytes\(\s{0,3}|\bcookieParser\(\s{0,3}|${JWT_KEY_CALL})$`,
);

/**
 * LDAP binds, whose password follows a literal bind DN: PHP `ldap_bind($ds, "cn=admin,dc=x", "v")`,
 * python-ldap `simple_bind_s("cn=…", "v")`, Go `l.Bind("cn=…", "v")`, ldapjs `client.bind('cn=…', 'v', cb)`,
 * ldap3's positional `Connection(server, 'cn=…', 'v')`, Ruby net-ldap `ldap.auth "cn=…", "v"`.
 * The DN (an attribute=value list) is what says the next literal is its password.
 */
const DN_CALL =
  /(?:\(\s{0,3}(?:[^,()"'\n]{1,80},\s{0,3})?|\bauth\s{1,3})["'](?:cn|uid|ou|dc|o|mail|samaccountname|userprincipalname)=[^"'\n]{1,200}["']\s{0,3},\s{0,3}$/i;
/** JNDI's bind password, keyed by its constant: `env.put(Context.SECURITY_CREDENTIALS, "v")`. */
const JNDI_CREDENTIALS = /\bContext\.SECURITY_CREDENTIALS\s{0,3},\s{0,3}$/;

/**
 * OAuth 1.0 key and secret pairs handed over together, up to the secret: tweepy
 * `OAuthHandler("key", "v")` and `set_access_token("token", "v")`, requests-oauthlib `OAuth1(…)`,
 * twitter4j `setOAuthConsumer(…)`, Ruby `OAuth::Consumer.new(…)`.
 */
const OAUTH_PAIR_CALL =
  /(?:OAuthHandler|OAuth1(?:Session)?|set_access_token|setOAuthConsumer|setOAuthAccessToken|OAuth::Consumer\.new|OAuth::AccessToken\.new)\(\s{0,3}(?:[^,()"'\n]{1,80},\s{0,3})?["'][^"'\n]{8,200}["']\s{0,3},\s{0,3}$/;
/**
 * SQL that sets a user's password, up to the value: MySQL and Oracle `IDENTIFIED BY`, MySQL
 * `SET PASSWORD FOR … = PASSWORD(`, and PowerShell's `ConvertTo-SecureString "v" -AsPlainText`.
 */
const PASSWORD_STATEMENT =
  /(?:\bidentified\s{1,3}by(?:\s{1,3}password)?|\bset\s{1,3}password\b[^;\n]{0,120}?=(?:\s{0,3}password\s{0,3}\()?|ConvertTo-SecureString(?:\s{1,3}-(?:AsPlainText|Force)){0,3}\s{1,3}(?:-String\s{1,3})?)\s{0,3}$/i;

/** A command and its first argument, a path or an option (or a subcommand's): `cat ~/.token`, `pass show -c db`. */
const SHELL_COMMAND = /^[a-z][\w.-]{0,30}[ \t]{1,3}(?:[-~/.]|[a-z][\w-]{0,30}[ \t]{1,3}[-~/.])/;
/** A command piped into another, written without spaces around the pipe: `date +%N|sed s/...$//`. */
const SHELL_PIPELINE = /^[a-z][\w.-]{0,30}[ \t][^`\n]{0,200}\|[ \t]{0,3}[a-z][\w.-]{0,30}(?:[ \t]|$)/;
/**
 * Conversions of a literal that keep it whole: Rust's to an owned string (`"v".to_string()`,
 * `.to_owned()`, `.into()`), Java's to a `char[]` (`"v".toCharArray()`).
 */
const LITERAL_CONVERSION = /^\.(?:to_string|to_owned|into|toCharArray)\(\)/;
/** Go's typed declaration up to its value: `var token string = `, `const secret []byte = `. */
const GO_TYPED_DECLARATION = /\b(?:var|const)\s{1,3}([A-Za-z_]\w{0,80})\s{1,3}(?:string|\[\]byte)\s{0,3}=\s{0,3}$/;
/**
 * Rust's typed static or constant up to its value: `static SECRET: &'static str = `, `const TOKEN: &str = `,
 * and byte strings' `const KEY: &[u8; 32] = ` (the value's `b` prefix is the literal's).
 */
const RUST_STR_DECLARATION = /\b([A-Za-z_]\w{0,80})\s{0,3}:\s{0,3}&(?:'static\s{1,3})?(?:str|\[u8(?:;\s{0,3}\d{1,5})?\])\s{0,3}=\s{0,3}$/;
/** Visual Basic's typed declaration up to its value: `Dim password As String = `, `Const ApiKey As String = `. */
const VB_TYPED_DECLARATION = /\b([A-Za-z_]\w{0,80})\s{1,3}As\s{1,3}String\s{0,3}=\s{0,3}$/i;
/** Make's conditional assignment up to its value: `DB_PASSWORD ?= `. */
const MAKE_CONDITIONAL = /(?:^|[^\w.-])([A-Za-z_][\w.-]{0,80})[ \t]{0,3}\?=[ \t]{0,3}$/;
/**
 * An Oracle logon's user and slash, up to its password: `sqlplus system/v@//db:1521/XE`,
 * `expdp scott/v@orcl`, `cx_Oracle.connect('system/v@db/XE')`.
 */
const ORACLE_LOGON = /(?:\b(?:sqlplus|rman|expdp|impdp|sqlldr)(?:[ \t]{1,3}-[A-Za-z]{1,2})*[ \t]{1,3}|\b(?:cx_Oracle|oracledb)\.connect\(\s{0,3})["']?[A-Za-z][\w$#]{0,30}\/$/;
/** R's leftward assignment up to its value: `api_key <- `. */
const R_ASSIGNMENT = /(?:^|[^\w.])([A-Za-z.][\w.]{0,80})\s{0,3}<<?-\s{0,3}$/;
/** A C array's declarator before `=`: `char secret[] = `, `char key[33] = `. */
const C_ARRAY_DECLARATOR = /\[\d{0,5}\]\s{0,3}=\s{0,3}$/;
/** A C# auto-property's accessors and its initializer's `=`: `Password { get; set; } = `. */
const PROPERTY_INITIALIZER = /\s\{\s{0,3}get;[^{}\n]{0,40}\}\s{0,3}=\s{0,3}$/;

/** Kotlin's pair of a quoted key and a value, up to the value: `"password" to `, as `mapOf(…)` takes them. */
const KOTLIN_PAIR = /(["'])([^"'\n]{1,120})\1[ \t]{1,3}to[ \t]{1,3}$/;
/**
 * An Erlang or Elixir tuple of an atom and its value, up to the value: `{password, `, `{:token, `
 * (Erlang's proplists, Elixir's keyword tuples). The atom is lower-case, as C's tables of
 * constants and their names (`{ TOK_PASSWORD, "password" }`) are not.
 */
const ATOM_TUPLE = /\{[ \t]{0,3}:?$/;
/**
 * A key store's or a key manager's password, given as a literal turned into a `char[]`:
 * `ks.load(in, "v".toCharArray())`, `kmf.init(ks, "v".toCharArray())`, `ks.getKey("alias", "v".toCharArray())`.
 */
const KEYSTORE_CALL = /\.(?:load|init|getKey)\(\s{0,3}(?:[^,()\n]|\([^()\n]{0,80}\)){1,200},\s{0,3}$/;
const TO_CHAR_ARRAY = /^"[^"\n]{0,200}"\.toCharArray\(\)/;
/** `gh secret set NAME --body v` (or `-b v`): the body is the secret's value. */
const GH_SECRET_SET = /\bgh[ \t]{1,3}secret[ \t]{1,3}set\b[^\n|;&]{0,200}?[ \t](?:--body(?:[ \t]{1,3}|=)|-b[ \t]{1,3})$/;

/** A YAML flow mapping's env entry up to its value, the name bare: `{name: API_TOKEN, value: `. */
const YAML_FLOW_ENV = /\{[ \t]{0,3}name:[ \t]{0,3}[\w.-]{1,100}[ \t]{0,3},[ \t]{0,3}value:[ \t]{0,3}$/;

/** A user name and a colon after curl's `-u`/`--user`: the password follows. */
const CLI_USER_PAIR = /(?:^|\s)(?:-u|--user)[ \t]{1,3}["']?[^\s:"'$]{1,100}:$/;
/**
 * A settings getter's arguments (`config.get('password', 'length')`, `getint('password',
 * 'reset_timeout')`): a section and an option's name, not a key and its value.
 */
const SETTINGS_GETTER = /\.(?:get|getint|getfloat|getboolean|getbool|has_option|remove_option)\(\s{0,3}$/;
/**
 * The passwords servers and images ship with, kept in compose files and manifests: root, admin,
 * postgres. (Not `test` or `demo`: in a fixture those stand in for a value.)
 */
export const DEFAULT_PASSWORD = /^(?:root|toor|admin|guest|postgres|mysql|mariadb|redis|oracle|mongo|rabbitmq|elastic|kibana|grafana|minio)$/i;

function isIdentifier(value: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(value);
}

/** snake_case or camelCase made of words (userPassword, db_pass), not random letters. */
function looksLikeName(value: string): boolean {
  if (/\d/.test(value)) return false;
  const parts = value.split('_').filter((p) => p !== '').flatMap((p) => p.split(/(?=[A-Z][a-z])/));
  return parts.every((p) => /^(?:[A-Za-z][a-z]+|[A-Z]{2,5})$/.test(p) && /[aeiouyAEIOUY]/.test(p));
}

/** The first non-space character at or after `from`, or ''. */
function nextChar(line: string, from: number): { c: string; at: number } {
  let i = from;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  return { c: line[i] ?? '', at: i };
}

/** The end of a quoted value that opened just before `from`: the offset of its closing quote. */
function closingQuote(line: string, from: number, quote: string, escaped: boolean): number {
  const limit = Math.min(line.length, from + MAX_VALUE);
  for (let i = from; i < limit; i++) {
    const c = line[i];
    if (c === '\n') return -1;
    if (escaped) {
      if (c === '\\' && line[i + 1] === quote) return i;
    } else if (c === '\\') {
      i++;
    } else if (c === quote) {
      return i;
    }
  }
  return -1;
}

const SPACE = /\s/;

/**
 * The quote at `at` closes a string opened before it on its line: an odd number of the same
 * quote (escaped ones aside) stands before it. Where more than 400 characters stand before it
 * on the line (minified code, or a window the matcher cut from a long line, which may start
 * inside a string), the quote is taken to close one.
 */
function closesString(line: string, at: number, quote: string): boolean {
  const nl = line.lastIndexOf('\n', at - 1);
  if (at - (nl + 1) > 400) return true;
  return (oddQuotes(line, nl + 1, at) & QUOTE_BIT[quote]!) !== 0;
}

/**
 * The character before the last `\s{0,3}` of `text` (at most three white-space characters
 * skipped): what a pattern ending in `X\s{0,3}$` needs to be X. The call patterns above run on
 * up to 320 characters, trying each start, for every generic candidate; most candidates are
 * ruled out by this one character without them.
 */
function lastBeforeSpaces(text: string): string {
  let i = text.length - 1;
  while (i >= 0 && text.length - 1 - i < 3 && SPACE.test(text[i]!)) i--;
  return text[i] ?? '';
}

/**
 * A YAML flow mapping up to a value, opening the line or a key's or a list item's value, its
 * entries before the value's key bare: `db: {user: app, password: `, `- {name: svc, token: `.
 */
const YAML_FLOW_MAP = /^[ \t]*(?:-[ \t]+)?(?:[\w.-]{1,100}:[ \t]{1,3})?\{(?:[ \t]{0,3}[\w.-]{1,100}:[ \t]{1,3}[\w./+=@%-]{1,200}[ \t]{0,3},){0,10}[ \t]{0,3}[\w.-]{1,100}:[ \t]{1,3}$/;

/** A YAML anchor or a string tag between a key's colon and its value: `password: &db_pw v`, `token: !!str v`. */
const YAML_VALUE_PROPERTY = /:[ \t]{1,5}(?:&[\w-]{1,40}|!!str)[ \t]{1,3}$/;

/** Reads the key that ends before `end` (skipping the operator, quotes and brackets). */
function readKey(line: string, valueOpen: number): { key: string; operator: string; call?: boolean } {
  const before = line.slice(Math.max(0, valueOpen - 320), valueOpen);
  const property = YAML_VALUE_PROPERTY.exec(before);
  // (Read as if the value opened where the anchor or tag does.)
  if (property) return readKey(line, valueOpen - property[0].length + /^:[ \t]*/.exec(property[0])![0].length);
  // CREDENTIAL_CALL, CONNECT_CALL, DN_CALL, JNDI_CREDENTIALS and OAUTH_PAIR_CALL end in
  // `,\s{0,3}$`, HMAC_CALL in `,\s{0,3}$` or `\(\s{0,3}$`, ASSERTION in `\(\s{0,3}$`.
  const last = lastBeforeSpaces(before);
  // (Rust's `basic_auth("u", Some("p"))` wraps the password in an Option.)
  const comma = last === ',' || (last === '(' && /,\s{0,3}Some\(\s{0,3}$/.test(before));
  // An anonymous login takes any text as its password (`login('anonymous', 'nospam')`).
  if (comma && CREDENTIAL_CALL.test(before) && /["']anonymous["']\s{0,3},\s{0,3}$/i.test(before)) return { key: '', operator: ',' };
  if (comma && (CREDENTIAL_CALL.test(before) || CONNECT_CALL.test(before))) return { key: 'password', operator: ',', call: true };
  if (comma && line[valueOpen] !== '`' && VARIABLE_USER_LOGIN.test(before)) return { key: 'password', operator: ',', call: true };
  if (comma && TO_CHAR_ARRAY.test(line.slice(valueOpen, valueOpen + 220)) && KEYSTORE_CALL.test(before)) return { key: 'keystore password', operator: ',', call: true };
  if ((comma || last === '(') && HMAC_CALL.test(before)) return { key: 'secret key', operator: ',', call: true };
  if (comma && (DN_CALL.test(before) || JNDI_CREDENTIALS.test(before))) return { key: 'bind password', operator: ',', call: true };
  if (comma && OAUTH_PAIR_CALL.test(before)) return { key: 'consumer secret', operator: ',', call: true };
  if (PASSWORD_STATEMENT.test(before)) return { key: 'password', operator: ' ' };
  if ((last === 'y' || last === 'b' || last === '=') && GH_SECRET_SET.test(before)) return { key: 'secret', operator: ' ' };
  if (last === 'o') {
    const pair = KOTLIN_PAIR.exec(before);
    if (pair) return { key: pair[2]!, operator: ':' };
  }
  // The name declared, not its type (Go) or its accessors (C#), is the key.
  if (last === '=') {
    const typed = GO_TYPED_DECLARATION.exec(before) ?? RUST_STR_DECLARATION.exec(before) ?? VB_TYPED_DECLARATION.exec(before);
    if (typed) return { key: typed[1]!, operator: '=' };
    if (C_ARRAY_DECLARATOR.test(before)) return { key: readKey(line, valueOpen - C_ARRAY_DECLARATOR.exec(before)![0].length).key, operator: '=' };
    const property = PROPERTY_INITIALIZER.exec(before);
    if (property) return { key: readKey(line, valueOpen - property[0].length).key, operator: '=' };
    const conditional = MAKE_CONDITIONAL.exec(before);
    if (conditional) return { key: conditional[1]!, operator: '=' };
  }
  if (last === '/' && ORACLE_LOGON.test(before)) return { key: 'password', operator: '@' };
  if (last === '-') {
    const leftward = R_ASSIGNMENT.exec(before);
    if (leftward) return { key: leftward[1]!, operator: '=' };
  }
  // curl -u user:SECRET, --user "user:SECRET": what follows the user name and a colon is its password.
  if (last === ':' && CLI_USER_PAIR.test(before)) return { key: 'password', operator: ' ' };
  const assertion = last === '(' ? ASSERTION.exec(before) : null;
  let i = valueOpen - 1 - (assertion ? assertion[0].length : 0);
  const opEnd = i + 1;
  while (i >= 0 && OPERATOR_CHAR.test(line[i]!) && opEnd - i < 24) i--;
  const keyEnd = i + 1;
  while (i >= 0 && KEY_CHAR.test(line[i]!) && keyEnd - i < 120) i--;
  const raw = line.slice(i + 1, keyEnd);
  const between = line.slice(keyEnd, opEnd);
  let operator = between.replace(OPERATOR_NOISE, '');
  if (operator === '' && between.length > 0) operator = ' ';
  if (operator === '' && raw.startsWith('-')) operator = ' ';
  if (line[i] === '<' && operator === '>') operator = '>';
  if (assertion) operator = '==';
  // `"password", "v"` (a map's put, a property assertion) names the key in quotes; after a bare
  // name, a comma separates arguments (`Buffer.from(secret, 'base64')`).
  // Only a call's first argument is such a key (`put("password", "v")`): in a list
  // (`['key', 'passphrase', 'pfx']`) or a later argument, a string is one item among others.
  // A comparison call takes a bare name as well: safeCompare(password, 'v'), assert.equal(cfg.password, 'v').
  // So does setting an environment variable: os.Setenv(secretKey, 'v'), putenv(TOKEN_VAR, 'v').
  const compared = COMPARING_CALL.test(line.slice(Math.max(0, i - 24), i + 1));
  if (operator === ',' && /^[a-z][a-z0-9_]{0,60}$/.test(raw) && ATOM_TUPLE.test(line.slice(Math.max(0, i - 4), i + 1)) && QUOTES.includes(line[valueOpen] ?? '')) {
    return { key: raw, operator, call: true };
  }
  if (operator === ',' && !compared && (!/["'`]\s{0,3},/.test(between) || !QUOTES.includes(line[i] ?? '') || !/\(\s{0,3}$/.test(line.slice(Math.max(0, i - 4), i)))) {
    return { key: '', operator };
  }
  if (operator === ',' && SETTINGS_GETTER.test(line.slice(Math.max(0, i - 24), i)) && /^["'][a-z][a-z_]{1,40}["']/.test(line.slice(valueOpen, valueOpen + 44))) {
    return { key: '', operator };
  }
  // A quoted key after `?` is a ternary's branch (`x ? 'refresh_token' : 'code'`); after typeof, a type test.
  if (QUOTES.includes(line[i] ?? '') && TERNARY_BRANCH.test(line.slice(Math.max(0, i - 4), i))) return { key: '', operator };
  if (TYPE_TEST.test(line.slice(Math.max(0, i - 10), i + 1))) return { key: '', operator };
  // mysql -pSECRET: the one-letter flag of the MySQL and MariaDB clients means the password.
  if (raw === '-p') return { key: 'password', operator: ' ' };
  // mosquitto_pub -u user -P SECRET: a capital -P after a user name is that user's password.
  if (raw === '-P' && /(?:^|\s)-[uU]\s/.test(line)) return { key: 'password', operator: ' ' };
  // ldapsearch -w SECRET: the bind password of the OpenLDAP client tools.
  if (raw === '-w' && /\bldap[a-z]{0,10}\s/.test(line)) return { key: 'password', operator: ' ' };
  // keytool -storepass SECRET, jarsigner -keypass SECRET: a keystore's and a key's passwords.
  // (Not `-storepass:env VAR` or `-storepass:file path`, which name where the password is kept.)
  if (operator === ' ' && /^-(?:src|dest|new)?(?:store|key)pass$/.test(raw)) return { key: 'password', operator: ' ' };
  // redis-cli -a SECRET: the password of the Redis client.
  if (raw === '-a' && /\bredis-cli\s/.test(line)) return { key: 'password', operator: ' ' };
  // redis.conf's `requirepass SECRET` and `masterauth SECRET`: the server's and a replica's password.
  if (REDIS_PASSWORD_DIRECTIVE.test(raw)) return { key: 'password', operator: ' ' };
  const key = raw.replace(KEY_SIGILS, '').replace(KEY_TRAILING_DOTS, '');
  return { key, operator };
}

/**
 * The value is one `name=value` option in a quoted string of options joined by commas, with more
 * after it (`"user=app,password=v,host=db"`, `"ssl=1,password=v,timeout=5"`): the string opens
 * on the options, so the comma separates them, not a call's arguments (`f(password=pw, x=1)`).
 */
function optionInString(line: string, end: number, at: number): boolean {
  if (!/^,[\w.-]{1,40}=/.test(line.slice(at, at + 42))) return false;
  const before = line.slice(Math.max(0, end - 200), end);
  return /["'`](?:[\w.-]{1,40}=[^\s"'`,=]{0,100},)*[\w.-]{1,40}=[^\s"'`,=]+$/.test(before);
}

/** Reads a bare value's follow-up: what comes after it says whether it was code. */
function bareShape(line: string, value: string, end: number, operator: string, key: string): ValueShape {
  if (value === '') return 'empty';
  if (REFERENCE_START.test(value) || /^%[A-Z_][A-Z0-9_]*%$/.test(value)) return 'reference';
  // A Ruby instance or class variable (`self.password = @password`): a name made of words, not a value.
  if (/^@{1,2}[A-Za-z_]\w*$/.test(value) && looksLikeName(value.replace(/^@+/, ''))) return 'expression';
  // ...and a call or a member of one (`@twofa.init_backup_codes!`, `@user.password_confirmation`).
  if (/^@{1,2}[A-Za-z_]\w*(?:\.[A-Za-z_]\w*[!?]?)+$/.test(value)) return 'expression';
  // A CSS rule (`.password-input-wrapper:after{content:…}`) and Erlang's bit syntax (`Nonce:96/bitstring`).
  if (/[\w-]\{[\w-]{2,40}:/.test(value) || /^\d{1,4}\/(?:binary|bitstring|bits|bytes|integer|float|utf8)\b/.test(value)) return 'expression';
  // A PowerShell cmdlet (`ConvertTo-SecureString $pw -AsPlainText`, `Get-Location`): a call.
  if (/^(?:Get|Set|New|Read|Import|Export|Invoke|ConvertTo|ConvertFrom|Select|Add|Remove|Test|Out|Join|Split|Resolve)-[A-Z][A-Za-z]+$/.test(value)) return 'expression';
  // C's address-of or dereference of a member or an element: &ctx.stack.values[i], *conf->pass.
  // (A rule's value stops before the closing bracket: `&ctx.values[i`.)
  if (/^[&*]\(?[A-Za-z_]\w*(?:(?:->|\.)[A-Za-z_]\w*|\[[^\]\n]{0,40}\]?)+\)?$/.test(value)) return 'expression';
  // A reference type after a parameter's or a field's colon (Rust, C++): `master_key: &[u8]`,
  // `|algo, secret: &SessionKey|`, `token: &'a str`, `key: &mut Vec<u8>`. (A rule's value stops
  // before the closing bracket: `&[u8`.)
  if (operator === ':' && /^&(?:'[a-z_]\w{0,20}|mut|dyn|\[[A-Za-z_][\w:]{0,40}(?:;\s{0,3}\w{1,20})?\]?|[A-Za-z_][\w:]{0,60}(?:<[^<>\n]{0,60}>?)?[|),>]?)$/.test(value)) return 'expression';
  // A name raised to a small number: a power, or LPeg's repetition of a pattern (`ptokenchar^1`).
  if (/^[A-Za-z_]\w*\^-?\d{1,2}$/.test(value)) return 'expression';
  // A Rust macro's call (`vec![0; n]`, `format!("{}", x)`, `include_bytes!(…)`): code.
  if (/^[a-z_][a-z0-9_]{1,30}!\s{0,2}[[(]/.test(value)) return 'expression';
  // A block comment before code: `x = /*#__PURE__*/function () {` (bundlers' annotations).
  if (/[()]|->|::|\?\.|&&|\|\||^\/\*/.test(value)) return 'expression';
  // A member chain: this.config.password, cp.flags, self.#internals.password.
  // (A long segment with digits is a token's part: JWTs also look like a.b.c.)
  if (/^[A-Za-z_$#][\w$#]*(?:\.[A-Za-z_$#][\w$#]*)+$/.test(value) && !/(?=[\w$]{0,39}\d)[\w$]{40}/.test(value)) return 'expression';
  // An index, a type union, a ternary, an object literal or a chained assignment: code.
  if (/^[\w$.]+\[|^\{|^\+|\?[\w$.]*:|[\w$\]]=[\w$"'(!]/.test(value)) return 'expression';
  if (/^[\w$.<>]+(?:\s{0,3}\|\s{0,3}[\w$.<>[\]]+)+$/.test(value) && /[A-Za-z]{3}/.test(value) && !/\d{3}/.test(value)) return 'expression';
  // The other side of a comparison, written bare, is a name or a constant: token == TOKEN_STRING.
  if (/^[=!]==?$/.test(operator) || /^:[a-z_]/.test(value)) return 'expression';
  // A constant's name in code (BIND_PW, DEFAULT_PASSWORD): the value is kept elsewhere.
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value) && operator !== ' ' && operator !== '@') return 'expression';
  const follow = nextChar(line, end);
  // A number literal ending a statement or an item is a code constant (ER_PASSWORD_EXPIRED = 1862;).
  if (/^\d+$/.test(value) && /^[;,)}]$/.test(follow.c)) return 'expression';
  // Prose after a colon: `the premaster secret: either an RSA key`, `token: printable ASCII without`.
  if (operator === ':' && /^\s{1,3}[A-Za-z(][\w'(),.-]{0,30}\s{1,3}[A-Za-z]{2}/.test(line.slice(end, end + 70))) return 'expression';
  if (!isIdentifier(value)) return 'bare';
  const { c, at } = nextChar(line, end);
  // An XML element's text or a URL's password is followed by markup, not by code.
  if (operator === '>' || operator === '@') return 'bare';
  // (`&name=` after the value is the next parameter of a query string, not an operator; so is
  // `&amp;name=`, the same query string escaped in an XML or HTML attribute.)
  if (c !== '' && '([{.?&|+*/'.includes(c) && !(c === '&' && /^&(?:amp;)?[\w.-]{1,40}=/.test(line.slice(at, at + 46)))) return 'expression';
  if ((c === '}' || c === '=') && operator !== '>') return 'expression';
  if (CODE_WORDS.test(value)) return 'expression';
  // Go and PHP/Ruby operators, and a statement ending: code, where a bare name is a variable;
  // save a Makefile's simply expanded variable (`NUGET_TOKEN := v`), whose value is text.
  if (operator === '=>' || (operator === ':=' && !MAKE_SIMPLE_ASSIGNMENT.test(line.slice(Math.max(0, end - value.length - 200), end - value.length)))) return 'expression';
  // snake_case or camelCase names, or a name that repeats its key (password = password).
  if (/[a-z][A-Z]|_[a-z]|^[a-z]+_/.test(value) && looksLikeName(value)) return 'expression';
  const lowerKey = key.toLowerCase();
  const lowerValue = value.toLowerCase();
  // (Not a default password under its service's name in configuration: POSTGRES_PASSWORD: postgres.)
  const defaultUnderItsName = (operator === ':' || operator === '=') && lowerKey !== lowerValue && /pass|pwd/.test(lowerKey) && DEFAULT_PASSWORD.test(value);
  if (lowerValue.length >= 3 && ((lowerKey.includes(lowerValue) && !defaultUnderItsName) || /pass|pwd|secret|token|key/.test(lowerValue) && lowerValue.length > 12)) return 'expression';
  // A bare name before `;`, `)` or `,` is a variable in code (a connection string's `;` aside,
  // and a string of comma-separated options: `"user=app,password=v,host=db"`).
  if ((c === ';' || c === ')' || c === ',') && operator !== ' ' && !/;\s*[\w ]*$/.test(line.slice(0, Math.max(0, line.lastIndexOf(key)))) && !optionInString(line, end, at)) return 'expression';
  return 'bare';
}

/** What readAssignment reads before the value: the value's quote and start, the key and the operator. */
export interface AssignmentKey {
  /** The key as read, or the hint; the Assignment's key is this one, save where `keyMayChange` says. */
  key: string;
  operator: string;
  quote: string;
  escaped: boolean;
  /** Where the value starts (after its opening quote). */
  start: number;
  call: boolean;
  /**
   * A bare value after `:` with no key hint may be a URL's password (`//user:v@host`): then its key
   * is `password`, whatever was read. Otherwise the key stays `key` or becomes '' (no key).
   */
  keyMayChange: boolean;
}

/**
 * `valueStart`/`valueEnd`: where the rule's regex found the value (its `secret` group). A value
 * opened by a quote just before `valueStart` (or at it) is read to its closing quote instead.
 * `keyHint`: the key when the regex captured it elsewhere (a Kubernetes env entry's `name:`).
 */
export function readAssignment(line: string, valueStart: number, valueEnd: number, keyHint?: string): Assignment {
  return readAssignmentValue(line, valueEnd, readAssignmentKey(line, valueStart, keyHint), keyHint);
}

/** A string literal's prefix before its quote: Python's b, r, u (and Objective-C's @ before a double quote). */
const STRING_PREFIX = /(?:^|[\s=:(,[{])([bBrRuU]{1,2})$/;
const DOUBLE_QUOTE_PREFIX = /(?:^|[\s=:(,[{])([bBrRuU]{1,2}|@)$/;

/**
 * The first half of readAssignment: the key and operator. The key alone rules out most
 * candidates, and reading the value (its shape, the calls that wrap it) is the dearer half.
 */
export function readAssignmentKey(line: string, valueStart: number, keyHint?: string): AssignmentKey {
  let start = valueStart;
  let quote = '';
  let escaped = false;
  // A quote just before the value opened it (a value may start with a backtick: a random salt).
  if (start > 0 && QUOTES.includes(line[start - 1]!)) {
    quote = line[start - 1]!;
  } else if (start < line.length && QUOTES.includes(line[start]!)) {
    quote = line[start]!;
    start++;
  }
  if (quote && line[start - 2] === '\\') escaped = true;
  let valueOpen = quote ? start - (escaped ? 2 : 1) : start;
  // Python's string prefixes (b'...', r"...", u'...') and Objective-C's `@"..."`: part of the literal, not of the key.
  const prefix = quote ? (quote === '"' ? DOUBLE_QUOTE_PREFIX : STRING_PREFIX).exec(line.slice(Math.max(0, valueOpen - 4), valueOpen)) : null;
  if (prefix) valueOpen -= prefix[1]!.length;
  const { key: readKeyName, operator, call } = readKey(line, valueOpen);
  const key = keyHint ?? readKeyName;
  return { key, operator, quote, escaped, start, call: call === true, keyMayChange: !quote && operator === ':' && keyHint === undefined };
}

/** The second half of readAssignment: the value, read after the key `head` that readAssignmentKey read. */
export function readAssignmentValue(line: string, valueEnd: number, head: AssignmentKey, keyHint?: string): Assignment {
  const { key, operator, quote, escaped, start, call } = head;
  if (quote) {
    const close = closingQuote(line, start, quote, escaped);
    const end = close < 0 ? Math.max(start, Math.min(valueEnd, line.length)) : close;
    const value = line.slice(start, end);
    const after = close < 0 ? { c: '', at: end } : nextChar(line, close + (escaped ? 2 : 1));
    // (Rust's conversions to an owned string, `"v".to_string()`, `.to_owned()`, `.into()`, and Java's `"v".toCharArray()` keep the whole literal.)
    const converted = after.c === '.' && LITERAL_CONVERSION.test(line.slice(after.at, after.at + 16));
    const concatenated = after.c === '+' || (after.c === '.' && !converted && /[\s$\w(]/.test(line[after.at + 1] ?? '')) || (after.c === '%' && /[\s(]/.test(line[after.at + 1] ?? ''));
    let shape: ValueShape = value === '' ? 'empty' : 'literal';
    // The key-value pair of a call is its whole argument list: put("password", "v").
    if (operator === ',' && !call && after.c !== ')') return { key: '', operator, quote, value, start, end, shape, concatenated: false };
    // A quoted string that is a template or an interpolation is a reference, not a literal.
    if (shape === 'literal' && quote !== "'" && /\$\{|#\{|\{\{/.test(value)) shape = 'reference';
    // A quote that closed a string, then a concatenation: `"&password=" + encode(p)`, `"#?secret=" + r,`.
    // (Only where the quote closes one: a quote that opens a literal opens a value, whatever it
    // starts with, as a random salt may start with `.` and hold a bracket: `'.aB)c…'`.)
    // (Lua joins strings with `..`: `"username_password_auth: "..ce.strerror(e)`.)
    if (shape === 'literal' && /^\s{0,2}(?:\+|\.\.?)\s{0,2}[A-Za-z_$][\w$]*\s{0,2}[(.,;)[+]/.test(value) && (escaped || closesString(line, start - 1, quote))) shape = 'expression';
    // Backticks around a shell variable or a pipeline are a command's output (`cd "$dir" && pwd`).
    // ...and so are backticks around a command given a path or an option (`cat ~/.api_token`, `pass show -c db`),
    // or piped into another (`date +%N|sed s/...$//`).
    if (shape === 'literal' && quote === '`' && (/\$[A-Za-z_({]|\s(?:&&|\|\||\|)\s/.test(value) || SHELL_COMMAND.test(value) || SHELL_PIPELINE.test(value))) shape = 'expression';
    return { key, operator, quote, value, start, end, shape, concatenated };
  }
  let end = Math.min(valueEnd, line.length);
  // In a query string the value ends at the next parameter: a=1&access_token=v&b=2.
  const amp = line.slice(start, end).search(/&[\w.-]{1,40}=/);
  if (amp > 0) end = start + amp;
  const value = line.slice(start, end);
  // `DB_PASSWORD=${DB_PASSWORD:-v}`: the default, under the expansion's name.
  const expansion = shellDefault(line, start, end, value, key, operator);
  if (expansion) {
    const literal = line.slice(expansion.start, end);
    const shape: ValueShape = literal === '' ? 'empty' : REFERENCE_START.test(literal) ? 'reference' : 'bare';
    return { key: expansion.key, operator: '=', quote, value: literal, start: expansion.start, end, shape, concatenated: false };
  }
  // scheme://user:password@host: the user name stands where a key would, the value is a password.
  if (line[end] === '@' && operator === ':' && line.lastIndexOf('//', start) >= 0 && !/[\s"'`]/.test(line.slice(line.lastIndexOf('//', start), start))) {
    return { key: keyHint ?? 'password', operator: '@', quote, value, start, end, shape: bareShape(line, value, end, '@', key), concatenated: false };
  }
  // A typed declaration, `token: string = "v"` (TypeScript, Kotlin, Swift, Scala, Python's
  // annotations, Rust's `&str`): the regex took the type for the value; the literal follows `=`.
  if (operator === ':' && keyHint === undefined) {
    const typed = typedLiteral(line, start);
    if (typed) return { key, operator: '=', quote: typed.quote, value: typed.value, start: typed.start, end: typed.start + typed.value.length, shape: 'literal', concatenated: false };
  }
  let shape = bareShape(line, value, end, operator, key);
  // YAML has no variables: in a flow-style env entry whose name is bare (`{name: API_TOKEN, value: v}`)
  // a bare value is a literal, though a `}` follows it as one follows a variable in a JS object.
  if (shape === 'expression' && /^[\w./+=@%-]+$/.test(value) && YAML_FLOW_ENV.test(line.slice(Math.max(0, start - 200), start))) shape = 'bare';
  // ...nor in a flow mapping that is the line's whole value, every entry before it bare:
  // `db: {user: app, password: v}`, `- {name: svc, token: v}`. (A value with a digit or a sign
  // no name holds: a JavaScript object of the same look holds variables, `{host: h, password: dbPass}`.)
  if (shape === 'expression' && /^[\w./+=@%-]+$/.test(value) && /\d|[/+=@%-]/.test(value) && start <= 400 && YAML_FLOW_MAP.test(line.slice(0, start))) shape = 'bare';
  if (shape === 'expression') {
    const wrapped = wrappedLiteral(line, start) ?? fallbackLiteral(line, start);
    if (wrapped) return { key, operator, quote: wrapped.quote, value: wrapped.value, start: wrapped.start, end: wrapped.start + wrapped.value.length, shape: 'literal', concatenated: false };
  }
  return { key, operator, quote, value, start, end, shape, concatenated: false };
}

/**
 * Calls that hash, encode, wrap or compare the literal they are given: `crypt("v")`,
 * `bcrypt.hashSync('v', 10)`, `make_password('v')`, `Buffer.from('v')`, `safeCompare(pw, 'v')`,
 * `SecretStr('v')`, and the byte conversions keys go through: Go `[]byte("v")`, C#
 * `Encoding.UTF8.GetBytes("v")`, `new TextEncoder().encode('v')`. Under a password's key the
 * literal is the password.
 */
const WRAPPING_CALL =
  /^(?:(?:await|new)\s{1,3})?(?:\[\]byte|(?:[\w$]+(?:\(\))?(?:\.|::)){0,3}(?:from|crypt|hash|hashSync|hashpw|make_password|generate_password_hash|encode|b64encode|encodeToString|md5|sha1|sha256|safeCompare|timingSafeEqual|compare|compareSync|SecretStr|SecureString|SecretString|GetBytes|getBytes))\(\s{0,3}(?:[\w$.]{1,60}\s{0,3},\s{0,3})?(["'`])([^"'`\n]{3,200})\1/;
/** An algorithm or an encoding, as a hashing call's literal argument names it. */
const ALGORITHM = /^(?:sha-?\d{0,3}|md5|bcrypt|argon2\w{0,2}|pbkdf2|scrypt|hex|base64(?:url)?|utf-?8|latin-?1|ascii|binary)$/i;

/**
 * A literal given as the fallback of an expression (an environment read, a setting):
 * `process.env.SECRET || 'v'`, `?? 'v'`, PHP `getenv('X') ?: 'v'`, Python `os.getenv('X') or 'v'`,
 * Ruby `ENV['X'] || 'v'`. The default is written in the code, so it is a hard-coded value.
 */
const FALLBACK =
  /^(?:[\w$.]|\((?:[^()"'`\n]|["'][^"'\n]{0,80}["']){0,120}\)|\[(?:["'][^"'\n]{0,80}["']|[^\]"'\n]{0,80})\]){1,40}?\s{0,3}(?:\|\||\?\?|\?:|\bor\b)\s{0,3}(["'`])([^"'`\n]{3,200})\1\s{0,3}(?:[;,)}\]]|$)/;

function fallbackLiteral(line: string, at: number): { value: string; start: number; quote: string } | null {
  const m = FALLBACK.exec(line.slice(at, at + 400));
  if (!m || /\$\{|#\{/.test(m[2]!)) return null;
  const closing = m[0].lastIndexOf(m[1]!);
  return { value: m[2]!, start: at + closing - m[2]!.length, quote: m[1]! };
}

/**
 * A type, then `=` and a literal: `string = "v"`, `String? = "v"`, `Optional[str] = 'v'`,
 * `&str = "v"`, `Option<String> = "v"`, Rust's `String = "v".to_string()` and byte strings
 * (`&[u8] = b"v"`). A literal followed by more code (`+`, `.`, a call) is not
 * the whole value, so it is left to the other readings.
 */
const TYPED_LITERAL =
  /^&?(?:'static[ \t]{1,3})?(?:[A-Za-z_][\w.]{0,40}(?:<[^<>=\n]{1,60}>|\[[^[\]=\n]{1,60}\])?|\[[A-Za-z_]\w{0,20}(?:;[ \t]{0,3}\w{1,20})?\])\??[ \t]{0,3}=(?![=>])[ \t]{0,3}b?(["'`])([^"'`\n]{1,200})\1(?:\.(?:to_string|to_owned|into)\(\))?[ \t]{0,3}(?:[;,)}]|\/\/|#|$)/;

function typedLiteral(line: string, at: number): { value: string; start: number; quote: string } | null {
  const m = TYPED_LITERAL.exec(line.slice(at, at + 400));
  if (!m) return null;
  const closing = m[0].lastIndexOf(m[1]!);
  return { value: m[2]!, start: at + closing - m[2]!.length, quote: m[1]! };
}

/** Calls that hash, encode or convert the literal they are given (see WRAPPING_CALL). */
function wrappedLiteral(line: string, at: number): { value: string; start: number; quote: string } | null {
  const m = WRAPPING_CALL.exec(line.slice(at, at + 320));
  if (!m || ALGORITHM.test(m[2]!) || /\$\{|#\{/.test(m[2]!)) return null;
  return { value: m[2]!, start: at + m.index + m[0].length - 1 - m[2]!.length, quote: m[1]! };
}
