/**
 * Shapes that read as an assignment to a credential-named key but hold no secret, seen in
 * non-JavaScript code (PHP, Ruby, C, shell, Make, FreeRADIUS, Ant, .properties): a settings key
 * whose last word says what it configures (`password_driver`, `password_pop_host`), a translated
 * form label, a placeholder made of a possessive and the key's own word (`mypassword`), a Ruby
 * duration, a reference to another attribute or variable, code stitched between two string
 * literals, the first word of a sentence. Kept apart from the key and value classifiers so each
 * shape is one named test.
 */
import { keyWords } from './classify-key.js';
import type { ValueClass } from './classify-value.js';
import { libraryContextShape, libraryValueShape } from './library-shapes.js';
import { isOpenPgpKeyId, isPublicKey } from './public-key.js';
import type { Assignment, ValueShape } from './read-assignment.js';
import { nativeContextShape, nativeValueShape } from './not-a-secret-native.js';
import { systemsCodeContext, systemsCodeValue } from './not-a-secret-systems.js';
import { goContextShape, goValueShape } from './go-shapes.js';
import { typedCodeShape } from './typed-code-shapes.js';
import { dotnetValueShape, publicKeyToken } from './dotnet-shapes.js';

/**
 * Last words of a settings key that name what the setting configures around a secret, not the
 * secret: `password_driver = 'sql'`, `password_ldap_host`, `password_search_filter`,
 * `reset_password_within = 6.hours`, `USER_PASSWORD_ATTR`, `secret_case_insensitive`.
 */
const SETTING_WORDS = new Set([
  'driver', 'drivers', 'backend', 'plugin', 'host', 'hostname', 'server', 'servers', 'filter', 'attr', 'attribute', 'attrib',
  'within', 'insensitive', 'sensitive', 'query', 'sql', 'charset', 'dn', 'template', 'command', 'cmd', 'program',
  // How a secret is stored or checked: `password_encryption = scram-sha-256`, `token_algorithm`, `password_scheme`.
  'encryption', 'algorithm', 'algorithms', 'algo', 'cipher', 'scheme', 'method', 'methods', 'mechanism', 'hasher', 'policy',
  // A command run on a change: `passwordHook="… %new_password /usr/bin/…"`.
  'hook', 'hooks',
]);

/** The shell's working directory (`PWD=\`dirname "$0"\``), not a password. */
const SHELL_DIRS = new Set(['PWD', 'OLDPWD']);

export function namesSetting(key: string): boolean {
  if (SHELL_DIRS.has(key.replace(/^\$/, ''))) return true;
  const words = keyWords(key);
  return words.length > 1 && SETTING_WORDS.has(words[words.length - 1]!);
}

/**
 * A placeholder spelled as a possessive, an article or an owner run into the key's own word:
 * mypassword, dbpassword, TheNewPassword, MYSECRET, NOSECRET, userPwd, myPwdKey, newpw. Not the short
 * `pass` (mypass, dbpass): tests choose those as weak passwords, and labelled code keeps them.
 */
const OWNED_SLOT =
  /^(?:my|your|our|the|no|db|user|new|old)(?:new|old|own|db|user)?(?:password|passwd|pwd|pw|passphrase|secret|token|apikey|key)(?:key)?$/i;
/**
 * A lower camelCase name ending in a credential's word: radiusClientSecret, userPassword: the
 * name of a slot or a variable, as code and LDAP schemas name attributes.
 */
/**
 * A class's name given as a string, as Python's forward-referenced annotations write it
 * (`private_key: "_RSAPrivateKey"`): a private class (leading underscore) or a key class.
 */
const TYPE_NAME = /^(?:_{1,2}[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*|[A-Z][A-Za-z0-9]*(?:Private|Public|Secret)Key)$/;
const CAMEL_SLOT = /^[a-z]{2,}(?:[A-Z][a-z]+)*(?:Password|Passwd|Pwd|Secret|Token|Key)$/;
/**
 * A form's label: words, then a colon (`Neues Passwort:`, `Kadarnaat ar ger-tremen :`); or a
 * variable's name and a colon, as a debug message labels what it prints (`"decode: new_pwrd: "`).
 */
const LABEL = /^\p{L}[\p{L}\p{M}'’. -]{0,80}\s?:$|^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+:$/u;
/** A Ruby duration or time: 6.hours, 1.day, 5.days.ago. */
const RUBY_DURATION = /^\d+(?:\.\d+)?\.(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?)(?:\.(?:ago|from_now|since|until|after|before))?$/;
/**
 * Command substitution or a Make function: $(shell grep …), $(cat /run/secrets/x), a program by
 * its path or a redirect (`$(/usr/bin/tr -dc … < /dev/urandom …)`, `$(< /dev/urandom tr …)`) or
 * in a variable (`$($GPG -d …)`): a password made when the script runs. (Also cut at the
 * command's first quoted argument, as
 * `pass="$(echo "$3" | sed …)"` is read: `$(echo`.)
 */
const COMMAND_SUBSTITUTION = /^\$\((?:[a-z][\w-]*(?:\s|$)|\/[\w./-]+\s|<\s?\/|\$\{?[A-Za-z_]\w*\}?\s)/;
/** A pseudo-variable of a routing script or a macro with its argument: Kamailio's `$avp(s:name)`, `$var(pw)`. */
const PSEUDO_VARIABLE = /^\$[A-Za-z]\w{0,20}\([\w:.-]{1,60}\)$/;
/** An /etc/passwd entry (a test's expected file): the password field is `x` or `*`, kept in the shadow file. */
const PASSWD_ENTRY = /^[\w.-]{1,32}:[x*!]?:\d{1,10}:\d{1,10}:[^:\n]{0,80}:[^:\n]{0,120}:[^:\n]{0,120}$/;
/**
 * The word for password in other languages (a translation catalogue's value: `GUI-wachtwoord`,
 * `a.password=Wachtwoord`, `GUI:n salasana`): a label, as `password` itself is one.
 */
const TRANSLATED_PASSWORD = new Set([
  'wachtwoord', 'adgangskode', 'salasana', 'kennwort', 'passwort', 'contraseña', 'contrasena', 'senha', 'parola', 'hasło', 'haslo',
  'heslo', 'jelszó', 'jelszo', 'lösenord', 'losenord', 'passord', 'lozinka', 'geslo', 'parool', 'slaptažodis', 'parole', 'şifre',
  'sifre', 'contrasenya', 'contrasinal', 'pasahitza', 'lykilorð', 'cyfrinair', 'fjalëkalimi', 'salasõna', 'wagwoord',
]);
function translatedPassword(value: string): boolean {
  if (value.length > 40 || /\d/.test(value)) return false;
  const words = value.toLowerCase().split(/[\s:_.-]+/);
  return words.length <= 4 && words.some((w) => TRANSLATED_PASSWORD.has(w));
}
/** A shell pipeline written where a value would be: `//' | sed -e 's/`, `… | grep …`. */
const PIPELINE = /\s\|\s{1,3}(?:sed|grep|egrep|awk|cut|tr|head|tail|xargs|sort|base64|openssl)\s/;
/** A censor's word in asterisks where a value was (`*deleted*`, `*hidden*`), as logs and docs print a removed password. */
const CENSORED = /^\*[a-z]{3,20}\*(?![\w*])/;
/** An installer's substitution marker: %DB_PASS, %ADMIN_PASSWORD. */
const SUBSTITUTION_MARKER = /^%[A-Z][A-Z0-9_]{2,}$/;
/**
 * A reference to another attribute or variable: &User-Password, &request:Tmp-String-5, &Token{…},
 * Ruby @token and its hash's element (`@auth_options[:password]`, read up to the bracket); C's address of an element or a member (`&zInput[iStart]`, `&cfg->pass`), a Perl
 * typeglob or a C dereference (`*all_children_are`).
 */
const BARE_REFERENCE =
  /^&[A-Za-z_][\w:.-]*(?:\{.*)?$|^@{1,2}[A-Za-z_]\w*(?:\[(?::[A-Za-z_]\w{0,60}|(["'])[\w-]{1,60}\1)\]?)?$|^&[A-Za-z_]\w*(?:\[[\w +*-]{1,40}(?:\]|$)|->\w+|\.\w+)+;?$|^\*[A-Za-z_][\w:]*;?$/;
/** Arithmetic on a name (`nToken+1`, `len*2`), when a C-like statement's `;` ends it. */
const ARITHMETIC = /^[A-Za-z_]\w*\s?[-+*/%]\s?(?:\d{1,6}|[A-Za-z_]\w*)$/;
/**
 * An escaped `<` at the start: `&#x3C;string>` is a type's placeholder, `<string>`, as HTML
 * writes it. (An escaped quote is a password's own character: `password="&quot;bobby"`.)
 */
const HTML_ENTITY = /^&(?:#x0*3c|#0*60|lt);?/i;
/** A CSS rule's selector and body run together (`hover{background-color:#f2f2f2`, `last-child{border:0`). */
const CSS_RULE = /^[\w-]*(?::[\w-]+)*\{[\w-]+:/;
/**
 * Code between two string literals, read as if it were one: `" + rs.getString("`,
 * `".$this->pdo->quote($salt)."`, `'.$atom['id'].'` (inside a double-quoted text). Starts with a
 * concatenation and ends with one or a call.
 */
const STITCHED_CODE = /^\s*['"]?\s*[.+]\s*\$?[A-Za-z_][\w$]*(?:->|\.|\(|::|\[)[^]*[.+(]\s*['"]?\s*$/;
/**
 * Code after a string that held the key closed: PHP's `'&_secret='.$secret`, `"token=" + token`,
 * `' Password: '.(empty($password) ? …`: a concatenation, then a variable or an expression; the
 * variable perhaps cut where its member access starts (`$tokenValue.':'.$persistentToken->get…`,
 * read up to the `-`).
 */
const JOINED_VARIABLE = /^\.\s{0,2}\$[A-Za-z_]\w*(?:->\w+|\[['"]?\w+['"]?\])*(?:->?)?$|^\+\s{1,2}[A-Za-z_$][\w$.]*$|^\.\s{0,2}\(\s{0,2}(?:\$|[A-Za-z_]\w*\s{0,2}\()/;
/** A fragment of a query naming a column: "pwd_hash = ". */
const QUERY_FRAGMENT = /^[A-Za-z_][\w.]*\s+=\s*$/;
/**
 * An input validation rule, as PHP frameworks key them by the field they check:
 * `'password' => 'required|string|min:8'`, `'change_password' => 'in 0,1'`, and a rule that
 * binds the field to a table's column (`'ipmi_password' => 'db hosts.ipmi_password'`).
 */
const VALIDATION_RULE =
  /^(?:(?:required|nullable|sometimes|string|confirmed|present|filled|email|numeric|integer|int32|uint64|bool|boolean|array|not_empty|fatal|flags|(?:min|max|size|between|ge|le|in|not_in|regex|same|different)(?::|\s)[\w,.-]{0,40})(?:\s{0,2}\|\s{0,2}|$)){2,}$|^in \d{1,9}(?:,\d{1,9})*$|^db [a-z_][a-z0-9_]{0,60}\.[a-z_][a-z0-9_]{0,60}$/;
/**
 * Values built from variables, as shell, Perl and configure scripts write them: variables run
 * together (`$as_dir$ac_word$ac_exec_ext`), a flag before one (`-p$2`, `--password=$PW`), or a
 * path with one among its parts (`KEYS_DIR/$dkim_selector`, `${CONF}/ldap.secret`).
 */
const VARIABLE = String.raw`\$(?:[A-Za-z_]\w*|\{[A-Za-z_]\w*\}|\d)`;
const VARIABLES_JOINED = new RegExp(String.raw`^(?:${VARIABLE}){2,}$|^-{1,2}[A-Za-z][\w-]*=?${VARIABLE}$`);
const PATH_WITH_VARIABLE = new RegExp(String.raw`^(?=[^$]*\$)(?:[\w.-]+|${VARIABLE})(?:/(?:[\w.-]+|${VARIABLE}))+/?$`);
/**
 * A list of constants' names (`METHOD_DEF, VARIABLE_DEF`, `O_RDONLY|O_CREAT`): flags or a checker's
 * token kinds; also option names matched as alternatives (`TOKEN|-TOK`).
 */
const CONSTANT_LIST = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?:\s{0,2}[,|]\s{0,2}-{0,2}[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)+$/;
/** Text of a protocol or a message with its line breaks escaped (`PRI * HTTP/2.0\r\n\r\nSM`): words, not a secret. */
const ESCAPED_LINES = /\\r\\n[^]*\s|\s[^]*\\r\\n/;
/** The C preprocessor's token pasting (`rspamd_##name##_tokens`): a macro builds a name. */
const TOKEN_PASTE = /[A-Za-z0-9_]##[A-Za-z_]|^##[A-Za-z_]/;
/**
 * A list of options as `name=value` pairs joined by commas (`jwt,pub-key=./a.crt,ttl=1s`):
 * a setting's spec, whose own credential-named parts (`password=`) are judged as assignments.
 */
const OPTION_LIST = /^[\w.-]*(?:,[\w.-]+=[^,\s]*){2,},?$|^[\w.-]+=[^,\s]*(?:,[\w.-]+=[^,\s]*){2,},?$/;
/**
 * One connection attribute naming a path (`restoreFrom=backups/db`, `logDevice=/var/log/db`),
 * as JDBC URLs and DataSource properties pass them where a password could stand: a setting.
 * Not when the attribute's name is a credential's (`bootPassword=…`).
 */
const PATH_ATTRIBUTE = /^([A-Za-z][\w.-]{1,40})=(?:\/|\.{1,2}\/)?(?:[\w.-]+\/)+[\w.-]+$/;
function pathAttribute(value: string): boolean {
  const m = PATH_ATTRIBUTE.exec(value);
  return m !== null && !/pass|pwd|secret|token|key|auth|cred/i.test(m[1]!);
}
/** A printf conversion other than %s and %d (which the classifier's templates know): `0x%p`, `%lu`, `%08x`. */
const FORMAT_DIRECTIVE = /%[-+ #0]?\d{0,3}(?:\.\d{1,3})?(?:hh|h|ll|l|z|j)?[uxXpfi](?![A-Za-z0-9])/;
/** What a concatenation adds after a string (`"?password=".$password`, `"token="+authToken`): a variable, not a literal. */
const CONCATENATED_NAME = /^[.+]\s?(?:\$[A-Za-z_]\w*|[A-Za-z_]\w*)$/;
/**
 * An AWS Signature V4 credential scope: the key id, a date, a region, a service; no secret. Also
 * another provider's scope signed the same way (`id/19700101/region/service/xxx4_request`).
 */
const SIGV4_SCOPE = /\/aws4_request$|^[^/\s]{1,128}\/\d{8}\/[^/\s]{1,64}\/[^/\s]{1,64}\/[a-z0-9]{1,20}_request$/i;

/**
 * A constant's name: JDT_VERSION, DB_HOST_NAME (letters in every part). One that names a
 * credential (YOUR_API_KEY, THE_PASSWORD) is left to the classifier's placeholder tests.
 * Judged under a token's or a key's name only: under a password's, CHANGE_ME is a placeholder
 * the classifier knows, and anything else is low.
 */
const UPPER_SNAKE = /^[A-Z][A-Z]+\d{0,2}(?:[A-Z]{1,3}\d{0,2})?(?:_[A-Z][A-Z]+\d{0,2}(?:[A-Z]{1,3}\d{0,2})?)+$/;
const CREDENTIAL_PART = /(?:^|_)(?:PASSWORD|PASSWD|PASS|PWD|PASSPHRASE|SECRET|SECRETS|TOKEN|KEY|APIKEY|AUTH|CREDENTIALS?|SALT|NONCE)(?:_|$)/;

/**
 * The share of characters that step down from their predecessor (fedcba0987654321): a test
 * vector written backwards, as ascending runs (abcdef…, 0123…) are written forwards.
 */
function descendingShare(value: string): number {
  if (value.length < 12) return 0;
  let run = 0;
  for (let i = 1; i < value.length; i++) if (value.charCodeAt(i) === value.charCodeAt(i - 1) - 1) run++;
  return run / (value.length - 1);
}

/**
 * A translated message with a MessageFormat argument (Java's LocalStrings_ja.properties:
 * `…[{0}]はトークンではない…`): three letters or more outside ASCII beside a `{0}` slot (the
 * value may be read up to the slot's brace).
 */
const MESSAGE_ARGUMENT = /\{\d{1,2}(?:,[a-z]{3,6})?(?:\}|$)/;
function localizedMessage(value: string): boolean {
  if (!MESSAGE_ARGUMENT.test(value)) return false;
  return (value.match(/\p{L}/gu) ?? []).filter((c) => c.charCodeAt(0) > 0x7f).length >= 3;
}

/** What the value is when it is one of the shapes above; null otherwise. */
export function notASecretValue(value: string, shape: ValueShape): ValueClass | null {
  // The tokenizer's own reading of code and references comes first.
  if (shape === 'expression' || shape === 'reference') return null;
  if (RUBY_DURATION.test(value)) return 'number';
  const inCode = systemsCodeValue(value) ?? goValueShape(value) ?? dotnetValueShape(value) ?? nativeValueShape(value);
  if (inCode !== null) return inCode;
  if (COMMAND_SUBSTITUTION.test(value) || SUBSTITUTION_MARKER.test(value) || PSEUDO_VARIABLE.test(value)) return 'template';
  if (PASSWD_ENTRY.test(value) || CENSORED.test(value) || translatedPassword(value)) return 'placeholder';
  if (PIPELINE.test(value) || pathAttribute(value)) return 'code';
  if (shape === 'bare' && BARE_REFERENCE.test(value)) return 'reference';
  if (HTML_ENTITY.test(value) || CSS_RULE.test(value)) return 'code';
  if (SIGV4_SCOPE.test(value)) return 'reference';
  if (VARIABLES_JOINED.test(value) || PATH_WITH_VARIABLE.test(value)) return 'template';
  if (shape === 'bare' && TOKEN_PASTE.test(value)) return 'template';
  if (value.length < 32 && FORMAT_DIRECTIVE.test(value)) return 'template';
  if (localizedMessage(value)) return 'template';
  if (CONSTANT_LIST.test(value) || ESCAPED_LINES.test(value) || OPTION_LIST.test(value) || CONCATENATED_NAME.test(value)) return 'code';
  if (VALIDATION_RULE.test(value)) return 'code';
  if (STITCHED_CODE.test(value) || QUERY_FRAGMENT.test(value) || JOINED_VARIABLE.test(value)) return 'code';
  if (descendingShare(value) >= 0.7) return 'placeholder';
  if (AUTH_PHRASE.test(value)) return 'placeholder';
  if (OWNED_SLOT.test(value) || CAMEL_SLOT.test(value) || LABEL.test(value)) return 'placeholder';
  // Numbered in capitals, as docs list several: MYTOKEN1, MYTOKEN2 (a chosen mypassword1 stays).
  if (/^[A-Z]+\d$/.test(value) && OWNED_SLOT.test(value.slice(0, -1))) return 'placeholder';
  if (TYPE_NAME.test(value)) return 'code';
  if (isPublicKey(value)) return 'public';
  return libraryValueShape(value, shape);
}

/**
 * A translation catalogue's entry: `$labels['newpasswd'] = 'Neues Passwort';`,
 * `$messages['passwordtooweak'] = …`, `$lang['password'] = …`, `$PALANG['password_again'] = …`: the key names a label, the value
 * is its text in one language.
 */
const CATALOGUE_ENTRY =
  /(?:\$\w{0,20}|\b)(?:labels?|messages?|msgs?|strings?|texts?|lang|language|translations?|i18n|l10n|locale|captions?|phrases?)\s*\[\s*["'][\w.-]{1,80}["']\s*\]\s*=\s*["']?$/i;
/**
 * Words of a sentence after a bare value: the value is the first word of prose (`Password: Removed old …`,
 * a format string's `PASS: Stddev is %fs`).
 */
const PROSE_AFTER = /^[ \t]{1,3}[a-z]{2,}[ \t]{1,3}[\w'"(%]/;
/** Words to the end of the line after a bare word (no code, no comment, no more pairs): the rest of a label. */
const YAML_LABEL_REST = /^(?:[ \t]{1,3}(?:[A-Za-z'’.,!?-]|\P{ASCII}){1,40}){1,12}[ \t]*(?:\r?\n|$)/u;
/** An SQL clause after a bare value: the value is a column or an expression, not a literal. */
const SQL_AFTER = /^\s{1,3}(?:WHERE|AND|OR|FROM|SET|LIMIT|ORDER BY|GROUP BY|RETURNING)\s/;
/**
 * A phrase naming a way of signing in (`password authentication`, `secret key method`): a
 * constant's description, not a passphrase.
 */
const AUTH_PHRASE = /^(?:[a-z]+ ){0,2}(?:authentication|authorization|authenticator|login|method|mechanism|prompt|required|expired|based)(?: [a-z]+){0,2}$/;
/**
 * A Perl or PHP variable set by a call without parentheses (`$salt = saltpw_md5 unless $salt;`,
 * `$hashed = hashpw $value;`): the bare word is a function's name, what follows is its argument
 * or a condition.
 */
const PERL_SET_BEFORE = /(?:^|[\s;{(])[$@][A-Za-z_]\w*\s+=\s+$/;
const CALL_AFTER = /^\s+(?:\$[A-Za-z_]|@[A-Za-z_]|(?:unless|if|or|and|foreach|for|while)\s)/;
/** A Markdown link reference definition (`[discovery token]: clustering.md#custom`): a link's target. */
const LINK_DEFINITION_BEFORE = /^\s{0,3}\[[^\]\n]{1,80}\]:\s*$/;
/** A PKCS#11 URI's attributes (RFC 7512) that name a device or an object, not its PIN: `pkcs11:token=My%20Token;id=45`. */
const PKCS11_NAME_BEFORE = /\bpkcs11:(?:[\w-]+=[^;\s"']*;)*(?:token|object|manufacturer|model|serial|library-description|library-manufacturer|slot-description|slot-manufacturer)=$/i;
/** A database object before `identified by`: the name that follows is the object's, not a user's password. */
const NAMED_OBJECT_BEFORE = /\b(?:index|constraint|key|table|column|trigger|view|sequence|schema|object|statement|cursor)\s{1,3}identified\s{1,3}by\s{0,3}['"]?$/i;
/** A MIME type's subtype ends just before the key. */
const MIME_BEFORE = /\b(?:application|text|image|audio|video|font|model|multipart|message|inode)\/[\w.+-]*:?$/;
/** A declaration's name and `=` in JavaScript, TypeScript, Swift, Rust, Go, Kotlin, Scala, Perl or Vim script, just before the value. */
const DECLARATION = /^\s*(?:export\s+)?(?:let|const|var|val|my|our)\s+[\w$:.#[\]]+(?:\s*:\s*[\w.<>[\]]+)?\s*=\s*$/;
/** An object's own member, assigned: `self.token =`, `this.secret =`, `self.client._TOKEN =`. */
const MEMBER_SET = /(?:^|[^\w.])(?:self|this|cls)(?:\.[A-Za-z_]\w*)+\s*=\s*$/;
/** An item of a dict or array set (`params['secretkey'] = `), or names unpacked (`cert, key, pw = `). */
const ITEM_SET = /(?:^|[^\w.])[A-Za-z_][\w.]*\[['"]?[\w-]{1,60}['"]?\]\s+=\s+$|^\s*[A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)+\s+=\s+$/;
/** A Jinja statement setting a name (`{% set passwd = item.key|string %}`): an expression follows. */
const JINJA_SET_BEFORE = /\{%-?\s*set\s+[A-Za-z_]\w*\s*=\s*$/;
/** A PowerShell command by its Verb-Noun name (`$pw = Get-Credential`): a literal would be quoted. */
const POWERSHELL_COMMAND = /^[A-Z][a-z]{1,15}-[A-Z][A-Za-z]{1,40}$/;
/** Nouns and joining words that follow a flag's name in prose, not a flag's value. */
const PROSE_NOUNS = /^(?:options?|flags?|arguments?|args|parameters?|params|switch(?:es)?|statements?|clauses?|commands?|functions?|privileges?|and|or|to|is|are|was|were|the|which|that|with|instead)[,.;:)]?$/;
/** SQL's account options after `PASSWORD` (`ALTER USER … PASSWORD EXPIRE INTERVAL 90 DAY`), not a password. */
const SQL_ACCOUNT_OPTION = /^(?:EXPIRE|REQUIRE|LOCK|UNLOCK|HISTORY|REUSE|INTERVAL|NEVER|DEFAULT|CURRENT|OPTIONAL|VALID)$/;
/** A Maven or Gradle coordinate, `group:artifact` then a version: `io.jsonwebtoken:jjwt-api\t0.13.0`. */
const COORDINATE_BEFORE = /(?:^|[\s'"])[a-z][a-z0-9]*(?:\.[a-z][\w-]*)+:$/;
/** A docstring's field (Sphinx, reST): `:param refresh_token:`, `:type token: str`. */
const DOC_FIELD_BEFORE = /(?:^|\s):(?:param|parameter|type|arg|argument|key|keyword|kwarg|ivar|cvar|var)\s+(?:[\w.[\]]+\s+)?[\w.]+:\s*$/;
/** An SQLSTATE: a class of two digits and a subclass of three digits or capitals (08004, 28P01, 42501). */
const SQLSTATE = /^\d{2}[0-9A-Z]{3}$/;
/**
 * Derby's message id: an SQLState, then its severity's letter and a number (`08004.C.9`,
 * `28502.C`, `XJ004.C`), as its SQLState table names each message. No password has the shape.
 */
const SQLSTATE_MESSAGE_ID = /^[0-9A-Z]{5}\.[A-Z](?:\.\d{1,3})?$/;
/** Words that name a condition or an error, as error-code constants end (`PASSWORD_EXPIRED`, `AUTH_FAILED`). */
const CONDITION_WORDS = new Set(['failed', 'failure', 'invalid', 'expired', 'error', 'mismatch', 'denied', 'rejected', 'locked', 'incorrect', 'spec', 'state', 'sqlstate', 'expiring', 'missing']);
/** A CSS colour: #rgb, #rgba, #rrggbb, #rrggbbaa. */
const TYPE_BASE_BEFORE = /(?:^|[\s;{])(?:class|struct|interface|record|object|enum)\s+[A-Z][\w<>, ]*:\s*$/;

/**
 * A Go string enum's constant, named for its type and its value: `KeySpecEccNistP256 KeySpec =
 * "ECC_NIST_P256"` (the key read is the type; the constant before it spells the type and value).
 */
const GO_CONST_BEFORE = /(?:^|\s)([A-Z]\w{2,100})\s+([A-Z]\w{0,100})\s*=\s*["'`]?$/;
function enumConstant(before: string, a: Assignment): boolean {
  const m = GO_CONST_BEFORE.exec(before);
  if (!m || m[2] !== a.key || !/^[\w.-]{1,60}$/.test(a.value)) return false;
  const name = m[1]!;
  const bare = (t: string): string => t.toLowerCase().replace(/[^a-z0-9]/g, '');
  return bare(name) === bare(a.key) + bare(a.value);
}

const HEX_COLOUR = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
/** A digest's length in hex: MD5, SHA-1, SHA-224, SHA-256, SHA-384, SHA-512. */
/** Lower-case words joined by underscores: a field's or a column's name. */
const SNAKE_WORDS = /^[a-z]{2,16}(?:_[a-z]{2,16}){1,5}$/;
/** A schema migration's numbered name: `0001_initial`, `0002_auto_20160226_1747`. */
const MIGRATION_NAME = /^\d{4}_[a-z][a-z0-9]*(?:_[a-z0-9]+){0,6}$/;
const HEX_DIGEST = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{56}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128})$/;

/**
 * Letters of both cases drawn at random (`dlspvGCProxLgHaz`), not words run together
 * (`ChangeThisSaltNow`, `NaCl`): 16 letters or more whose CamelCase parts mostly fail to read as
 * syllables (a lone capital, a part without a vowel or with four consonants in a row) and at
 * least a quarter of them capitals, as a coin decides each letter's case.
 */
function randomLetters(value: string): boolean {
  if (value.length < 16 || !/^[A-Za-z]+$/.test(value)) return false;
  const capitals = value.replace(/[^A-Z]/g, '').length;
  if (capitals * 4 < value.length || capitals * 4 > value.length * 3) return false;
  const parts = value.match(/[A-Z]?[a-z]*/g)!.filter((p) => p !== '');
  const unspoken = parts.filter((p) => p.length === 1 || !/[aeiouy]/i.test(p) || /[^aeiouy]{4,}/i.test(p)).length;
  return unspoken >= 3 && unspoken * 3 >= parts.length;
}

/** Runs along a keyboard's rows, as a test picks letters without choosing them (asdfghjk). */
const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/**
 * Lower-case letters drawn at random (`qzxkvbwj`), as a short salt is generated: 6 to 12 letters
 * that do not read as a word (no vowel, or four consonants in a row), with one of the letters
 * words and libraries' names seldom hold (j, k, q, v, w, x, z: a random letter is one of them
 * more than a quarter of the time; `bcrypt`, `phpseclib`, `openssl` have none). Not a run along
 * a keyboard's row, nor a name with a salt's own word in it (`xsrfsalt`).
 */
function randomLowerLetters(value: string): boolean {
  if (!/^[a-z]{6,12}$/.test(value) || KEYBOARD_ROWS.some((row) => row.includes(value.slice(0, 5))) || /salt|nonce|key/.test(value)) return false;
  return (!/[aeiouy]/.test(value) || /[^aeiouy]{4,}/.test(value)) && /[jkqvwxz]/.test(value);
}

/** Lower camelCase words ending in a number under 100: vCenterCredentials1, dbUserSecret12. */
const NUMBERED_NAME = /^[a-z]{1,15}(?:[A-Z][a-z]{1,15}){1,5}\d{1,2}$/;
function spokenCamelParts(value: string): boolean {
  const parts = value.replace(/\d+$/, '').match(/[A-Z]?[a-z]+/g)!;
  // (A lone first letter is a prefix, as `vCenter`'s `v` and `iPhone`'s `i`.)
  return parts.every((p, i) => (i === 0 && p.length === 1) || (/[aeiouy]/.test(p) && !/[^aeiouy]{4,}/i.test(p)));
}

/** Capitalised words run together, each a syllable or more (`ChangeThisSaltToSomethingRandom`). */
function camelWords(value: string): boolean {
  if (value.length > 64 || !/^(?:[A-Z][a-z]{1,15}){3,}$/.test(value)) return false;
  return value.match(/[A-Z][a-z]+/g)!.every((p) => /[aeiouy]/.test(p) && !/[^aeiouy]{4,}/i.test(p));
}

/**
 * The line around the assignment says the value is not a secret: a catalogue's entry, a scope
 * path (`CredentialProviders::Provider`), a pointer chain (`request->password`), the first word
 * of a sentence, a (password, hex digest) test vector, words with spaces under a token's key.
 */
/** The left side of an autoconf-style shell comparison, up to the right side's opening: `test "x$var" = "`. */
const SHELL_X_TEST_BEFORE = /(?:\btest|\[\[?)\s+"?x\$\{?[A-Za-z_]\w*\}?"?\s*!?==?\s*"?$/;
/** A label alone at the start of a line, then a tab: an assembly listing's. */
const LABEL_TAB_BEFORE = /^[ \t]*[A-Za-z_.$][\w.$]*:\t+$/;
/** An opcode with dotted suffixes: ldc.i4.0, stloc.s, br.s, mov.w. */
const OPCODE = /^[a-z]{2,10}(?:\.[a-z0-9]{1,4}){1,3}$/;

export function notASecretInContext(line: string, a: Assignment, before: string, weakKey: boolean): boolean {
  const after = line.slice(a.end, a.end + 40);
  if (CATALOGUE_ENTRY.test(before) || libraryContextShape(a, before, after)) return true;
  // A key inside a MIME type (`application/x-pw:x-office-document`): a file type, not a field.
  if (MIME_BEFORE.test(before)) return true;
  if (LINK_DEFINITION_BEFORE.test(before) || PKCS11_NAME_BEFORE.test(before)) return true;
  // An object named in prose or an error message: `unique index identified by 'FEAT16_PNUM'`.
  if (NAMED_OBJECT_BEFORE.test(before)) return true;
  // A type's base in C#, Kotlin, Scala or TypeScript: `class KeyPassTsr : ProExtTsr`,
  // `object TokenStore : Store` (the key is the declared type's name, not a field).
  if (a.operator === ':' && TYPE_BASE_BEFORE.test(before)) return true;
  if (a.operator === '=' && enumConstant(before, a)) return true;
  // A CSS pseudo-class after an attribute selector: `querySelector('[name=tls_psk]:checked')`.
  if (/\]:$/.test(before) && /^(?:checked|disabled|enabled|selected|focus|hover|active|visible|hidden|first|last|not|nth-child|invalid|valid|required)\b/.test(a.value)) return true;
  // A shell test written in autoconf's guard against empty strings: `test "x$with_psk" = "xyes"`.
  if (/^x/.test(a.value) && SHELL_X_TEST_BEFORE.test(before)) return true;
  // A PowerShell hashtable opening, cut at its first entry's key (`$spec = @{type = 'str'}`).
  if (/^@\{[A-Za-z_]\w{0,40}$/.test(a.value) && /^\s*=/.test(after)) return true;
  // A shell `case` arm's globs (`ubuntu-pass=*|ubuntu_pass=*)`): a pattern that matches any value.
  if (/^\*(?:\|[\w.-]{1,60}=\*)*$/.test(a.value) && after.startsWith(')')) return true;
  if (systemsCodeContext(a, before) || nativeContextShape(a, before, after) || goContextShape(a, after) || typedCodeShape(a, before, after, weakKey) || publicKeyToken(a, before, after)) return true;
  // A format string with its fields, formatted where it stands: `"App-{0}-{1}".format(h, t)`.
  if (/^["']?\.format\(/.test(after) && /\{(?:\d{0,2}|[A-Za-z_]\w{0,40})\}/.test(a.value)) return true;
  if (a.shape === 'bare') {
    // A declaration assigns an expression; its literals are quoted (`let pwd = a:dict.tmpdir`,
    // `const UNEXPECTED_TOKEN = /^Unexpected/`, `my $pass = shift;`).
    if (DECLARATION.test(before) && a.operator === '=') return true;
    // An ambient declaration holds a type (`declare const secret: unique symbol;`), and a
    // statement can end in arithmetic on a name (`token.n = nToken+1;`).
    if (/^\s*(?:export\s+)?declare\s/.test(before) || (ARITHMETIC.test(a.value) && after.startsWith(';'))) return true;
    // A member set from a variable: `self.token = nextchar`.
    if (MEMBER_SET.test(before) && /^[A-Za-z_]\w*$/.test(a.value)) return true;
    // Or an item or unpacked names from one (`opts['token'] = b64key`, `a, b, pw = pair`).
    if (ITEM_SET.test(before) && /^[A-Za-z_]\w*$/.test(a.value) && /^\s*(?:$|[;#])/.test(after)) return true;
    if (JINJA_SET_BEFORE.test(before)) return true;
    if (PERL_SET_BEFORE.test(before) && /^[A-Za-z_]\w*$/.test(a.value) && CALL_AFTER.test(after)) return true;
    if (PERL_SET_BEFORE.test(before) && POWERSHELL_COMMAND.test(a.value)) return true;
    // An assembler's label, a tab, then an instruction (`PASS:\tldc.i4.0` in IL, `pass:\tmov.w r0, #1`):
    // an opcode with its dotted suffixes, not a value.
    if (a.operator === ':' && LABEL_TAB_BEFORE.test(before) && OPCODE.test(a.value)) return true;
    // A CSS attribute selector: `[data-pw-cursor=pointer]`.
    if (/\[[\w-]+=$/.test(before) && after.startsWith(']')) return true;
    // Flags named in prose: `the --username and --password options`.
    if (a.operator === ' ' && (PROSE_NOUNS.test(a.value) || SQL_ACCOUNT_OPTION.test(a.value))) return true;
    if (a.operator === ':' && COORDINATE_BEFORE.test(before) && /^(?::\d|\s+\d)/.test(after)) return true;
    if (DOC_FIELD_BEFORE.test(before)) return true;
    // Ruby, C++ and PHP scope paths: the key and `::` before the value; PowerShell's `[Type]::Member`.
    if (a.value.startsWith(':') && /[\w\]]:$/.test(before)) return true;
    if (/^->/.test(after) || (a.value.endsWith('-') && after.startsWith('>'))) return true;
    // (Not after a command line's `--password=`: what follows a flag is the next argument.)
    if ((a.operator === ':' || a.operator === '=') && /^[A-Za-z]+$/.test(a.value) && PROSE_AFTER.test(after) && !/(?:^|\s)--?[\w-]+=$/.test(before)) return true;
    // A label's first word in YAML, the rest of its words running to the end of the line
    // (`button_change_password: Wachtwoord wijzigen`, `field_password_confirmation: Potvrdenie hesla`).
    if (a.operator === ':' && /^(?:[A-Za-z]|\P{ASCII})+$/u.test(a.value) && YAML_LABEL_REST.test(line.slice(a.end, a.end + 200))) return true;
    // A column compared or set in SQL: `SET password=cryptpass WHERE username=user` (read as an
    // assignment, or as a `SET PASSWORD` statement whose operator is the space before the value).
    if ((a.operator === '=' || a.operator === ' ') && /^[A-Za-z_.]+$/.test(a.value) && SQL_AFTER.test(after)) return true;
  }
  // A salt or a nonce spelled in letters (nacl, NaCl, a library's name): a default or a test's
  // stand-in; generated ones hold digits or symbols, or are random letters of both cases or a
  // short run of random lower-case ones.
  const words = keyWords(a.key);
  // (Longer, words run together: `ChangeThisSaltToSomethingRandom`.)
  if (/^(?:salt|nonce)$/.test(words[words.length - 1] ?? '') && ((/^[A-Za-z]{2,24}(?:[/_-][A-Za-z]{2,24}){0,3}$/.test(a.value) && !randomLetters(a.value) && !randomLowerLetters(a.value)) || camelWords(a.value))) return true;
  // An access key's id (AWS, MinIO and other S3-compatible stores: 16 to 24 capitals and digits)
  // under `accessKey` / `access_key`: it names the key, the secret key beside it is the secret.
  if (words.join(' ').endsWith('access key') && !words.includes('secret') && /^[A-Z0-9]{16,24}$/.test(a.value) && /[A-Z]/.test(a.value) && /\d/.test(a.value)) return true;
  // An SQLSTATE under a constant named for a failed sign-in (`AUTH_PASSWORD_INVALID = "28P01"`,
  // Derby's `LOGIN_FAILED`): an error code's table, not a password.
  if (SQLSTATE.test(a.value) && UPPER_SNAKE.test(a.key) && words.some((w) => CONDITION_WORDS.has(w))) return true;
  // (Derby's message ids, under any constant: `PASSWORD_EXPIRED_FOR_DBO = "08004.C.9"`.)
  if (SQLSTATE_MESSAGE_ID.test(a.value) && UPPER_SNAKE.test(a.key)) return true;
  // An OpenPGP key id or fingerprint under a GPG key's name (`GPG_KEY = "<40 hex>"`): public.
  if (isOpenPgpKeyId(words, a.value)) return true;
  // A pair of names, not a key and its value: a pair of fields (`('password', 'workgroup_name')`),
  // an SQL list of columns (`IN ('Password', 'authentication_string')`), a migration's dependency
  // (`('authtoken', '0002_auto_20160226_1747')`): snake_case words, or a migration's numbered name.
  if (a.operator === ',' && (SNAKE_WORDS.test(a.value) || MIGRATION_NAME.test(a.value)) && a.value.split('_').every((w) => /\d|[aeiouy]/.test(w))) return true;
  // (plaintext, digest) pairs of a hash function's test vectors: ("NEWPASSWORD", '09ee…').
  if (a.operator === ',' && HEX_DIGEST.test(a.value) && /pass|pwd/i.test(a.key)) return true;
  // A token has no spaces between words (a label or markup text under `token=`), and is not a
  // constant's name (Ant's `<filter token="JDT_VERSION" …/>`, `token="LOG4J_JAR"`).
  // Nor a style spec (Pygments' `Token.Comment: "italic #A3AAB2"`).
  // A colour under a token's or a key's name: a theme's `--vscode-debugTokenExpression-value:#6c6c6ccc`.
  if (weakKey && HEX_COLOUR.test(a.value)) return true;
  // A variable's or a resource's name under a weak key, as Ansible and YAML configs point at
  // credentials kept elsewhere (`credentials: vCenterCredentials1`): lower camelCase words, each
  // spoken, and a small number. A random mixed-case value has unspoken runs and digits inside.
  if (weakKey && a.quote === '' && NUMBERED_NAME.test(a.value) && spokenCamelParts(a.value)) return true;
  if (weakKey && (/[a-z]{2,} (?:[a-z]{2,}|#[0-9a-f]{3,8}\b)/i.test(a.value) || (UPPER_SNAKE.test(a.value) && !CREDENTIAL_PART.test(a.value)))) return true;
  return false;
}
