/**
 * The hand-written part of docs/detectors.md: how a rule is applied, how to write and check
 * one, and how to suppress a finding. Kept beside the engine it describes, so a change to the
 * matcher and to its explanation land in the same commit.
 */

export const DETECTORS_DOC_INTRO = `# Detectors

<!-- Generated from detectors/*.yaml by src/detect/render-detectors-doc.ts. Do not edit by hand:
     npm run build && node dist/cli/main.js rules docs -o docs/detectors.md -->

Detectors are data: one YAML file per provider family in \`detectors/\`, each rule written from the
provider's published token format. This page explains how a rule is applied, how to add your
own, and how to silence a finding; the catalogue of built-in rules follows.

## How a rule is applied

Every text — a blob of history, a commit or annotated tag message, a file of a plain directory —
goes through the same steps.

1. **Keyword prefilter.** One pass over the text's bytes finds every rule keyword at once, ASCII
   case folded (WebAssembly: one hashed-bitmap test per byte on the four bytes there, then an
   exact check). Nothing else runs on a text without a keyword hit. A hit also counts for the
   shorter keywords inside it, so a rule keyed on \`secret\` sees \`client_secret\`. Keywords
   of three characters or more keep this fast path; a single keyword of two characters sends
   every text through a slower JavaScript alternation instead.
2. **Candidate regions.** Each hit gives its rules a region: the hit's line (at most 1 KB either
   side) for single-line rules, or \`window\` bytes after the keyword for rules that set
   \`window\` (private keys, session tokens and other values that span lines). Overlapping
   regions merge, so the work stays linear even on one long line full of keywords. A rule
   that sets \`fileBytes\` also takes any whole text of at most that many bytes as its region,
   keyword or not: a file that is nothing but its secret (a Rails \`config/master.key\`) holds
   no keyword. Such a rule names its files with an \`allowPath\` that excludes every other
   path, so with the path known it runs only there; a history blob, whose paths are known only
   later, is matched and each of its places kept or dropped by the same \`allowPath\`.
3. **Bounded regexes.** The full regex runs only inside those regions. When rules load, every
   regex is checked so that V8's backtracking engine stays linear in the text: each quantifier
   needs a finite maximum (\`{1,64}\`, not \`+\` or \`*\`), nested quantifiers may not multiply
   past 100,000, backreferences are refused, neighbouring single-character parts over the same
   characters (\`[a-z]{0,300}[a-z]{0,300}\`) may not split a text more than 20,000 ways, and a
   repeated group (\`(?:...){m,n}\` over more than one character) may not match one text in more
   than 1,000,000 ways: each such group is expanded into its position automaton and every
   reachable state is counted (\`src/detect/regex-ambiguity.ts\`). End each iteration with a
   character its other parts cannot match (\`(?:[^\\n]{0,100}\\n){2,400}\`,
   \`(?:[0-9]{1,14}-){1,3}\`) and the group is proved from one copy; overlapping parts
   (\`(?:[A-Za-z0-9]{1,20}[-_]?){1,20}\`) are refused. Lookarounds are allowed; their bodies are
   checked the same way. A rule that fails is not loaded (exit 2, naming the file, the rule, the
   construct and the problem); \`leakwatch rules test --rules DIR\` shows it too. The secret is the named group
   \`secret\`, else group \`secretGroup\`, else group 1, else the whole match.
   The checks do not bound every shape (how a repeated group's length trades against its
   neighbours, \`(?:\\w{1,9}-){1,9}\\w{0,90}\`, or \`slow_[a-z]{0,120}(?:-?[a-z]{1,60}){1,4}!\`,
   which passes and runs 31 s on 300 letters), so matching also has a **hard
   deadline**: scan workers tell the main thread which object they are matching, and one
   object matched for longer than four times its time budget (at least 10 s) has its worker
   stopped mid-regex; the object counts as partly matched (\`stats.skipped.partial\`, scanned
   again next run), the rest of its chunk is scanned by a fresh worker. With \`--rules\` a
   worker is used even for small scans, so this holds for every user rule, CLI and daemon.
4. **Precision filters.** A match must pass every one of them:
   - \`entropy\`: the secret's Shannon entropy (bits per character) must reach this minimum;
   - \`allow\`: regexes tested against the secret (for example the AWS documentation keys that
     end in \`EXAMPLE\`); and for every rule, a value that is one character repeated between its
     separators (the nil UUID \`00000000-0000-…\`, \`1111…\`);
   - for \`generic: true\` rules without \`classify\`, the **placeholder filter**: values that look like a placeholder
     (\`example\`, \`changeme\`, \`your_token\`, \`xxxx\`, \`<token>\`, \`...\`), a reference rather
     than a value (\`\${VAR}\`, \`process.env\`, \`os.environ\`, \`getenv\`, \`secrets.\`, \`vault:\`,
     \`ssm:\`, \`!Ref\`, template tags), ciphertext a team should commit instead of a secret
     (sops \`ENC[...]\`, sealed-secrets, KMS, Vault transit, Ansible Vault), a word or an
     identifier made of words, code (calls, property chains), repeated characters, non-ASCII
     prose, UUIDs, versions, dates, lockfile hashes, and paths or URLs without credentials. A
     generic value that starts with a provider's token prefix (\`ghp_\`, \`xoxb-\`...) is also
     dropped: the provider's own rule saw it and rejected it;
   - \`validators\`: structural checks named by the rule (listed below); all must pass;
   - the line: an inline \`leakwatch:allow\` on the line of the match, or a match of one of the
     rule's \`allowLine\` regexes, drops it;
   - \`allowPath\`: regexes tested against the file path (lockfiles for the generic rules, for
     example).
5. **Pairing.** A rule with \`requires: { rule, within }\` reports only when its partner rule matched
   within \`within\` lines in the same text; the partner's redacted preview rides along as
   \`related\`. This is how a 40-character AWS secret access key, which has no shape of its own,
   is told from any other base64 string: it must sit near an access key id.
6. **Overlaps.** A generic rule's match gives way to a specific rule's match on the same bytes.
   Among overlapping generic matches one survives: the one a validator vouched for, then the
   narrower secret (the password inside a URL, not the whole URL), then the rule with fewer
   keywords. The same secret repeated on one line is one match. A rule with \`allowPath\` wins
   an overlap only at the paths it applies to: in a history scan, where a blob is matched before
   its paths are known, the match it beat is kept aside and reported at every path where the
   restricted rule does not apply (a JSON \`"password"\` is the Terraform state rule's in
   \`prod.tfstate\` and the generic rule's in \`sftp.json\`, whether the files are scanned as a
   directory or from history, even when both paths hold the same blob).

Only a redacted preview (a few characters at each end) and the SHA-256 of a secret leave the
matcher; the secret itself is never printed, stored or sent.

### Validators

| Validator | What it checks |
| --- | --- |
%VALIDATORS%

### Organisation variables

A few sensitive-data rules look for the organisation itself: \`{{var:NAME}}\` in their regex or
keywords becomes the list of configured values. A rule whose variable has no value is not loaded.
The catalogue below marks these rules and names the \`scan\` option that sets each variable.

## Generic detection

Most credentials in real code have no provider prefix: a password in a keyword argument, a
salt in a PHP \`define()\`, a token in a Helm values file. The rules of \`detectors/generic.yaml\`
that set \`classify: assignment\` find such candidates with a broad regex (a credential word,
an operator, a value) and then read the line instead of trusting the match
(\`src/detect/generic/\`):

1. **Assignment tokenizer.** From where the regex found the value, it reads the key, the
   operator and the value the way the line's syntax means them: \`key = "v"\`, \`key: v\` (YAML),
   \`key := "v"\` (Go), \`"key": "v"\` (JSON, dicts, maps), \`key => 'v'\` (PHP, Ruby), keyword
   arguments, struct and object fields, XML attributes and elements, \`.properties\`/INI/TOML and
   \`.env\` lines, \`export\`, \`--password v\` and \`mysql -pVALUE\` flags, connection strings
   (\`Password=v;\`), \`scheme://user:pass@host\`, \`define('AUTH_KEY', 'v')\`, C and Objective-C
   macros (\`#define API_KEY "v"\`), C arrays (\`char secret[] = "v"\`), Objective-C literals
   (\`kAPIKey = @"v"\`, \`setValue:@"v" forHTTPHeaderField:@"X-Api-Key"\`), Rust's
   \`String::from("v")\` and \`static SECRET: &'static str = "v"\`, R's \`api_key <- "v"\`, Elixir's
   \`@api_key "v"\`, Visual Basic's \`Dim password As String = "v"\`, Clojure's and EDN's
   \`{:password "v"}\` and \`(def api-key "v")\`, a YAML anchor or \`!!str\` tag before a value
   (\`password: &db_pw v\`), Kubernetes env
   entries (\`- name: DB_PASSWORD\` with \`value:\` on the next line) and JSON name and value
   pairs (Postman's \`{"key": "password", "value": "v"}\`, an ECS task definition's
   \`{"name": "DB_PASSWORD", "value": "v"}\`, CloudFormation's \`ParameterKey\` and
   \`ParameterValue\`); comparisons
   (\`password == 'v'\`, \`safeCompare(password, 'v')\`), a quoted key as a call's first argument
   (\`put("password", "v")\`, \`to.have.property('password', 'v')\`), test expectations
   (\`x.password).to.equal('v')\`, \`.should.eql('v')\`), login and basic-auth calls
   (\`.auth('user', 'v')\`, \`login('user', 'v')\`, Go's \`nats.UserInfo('user', 'v')\` and
   \`url.UserPassword\`, reqwest's \`basic_auth('user', Some('v'))\`), connection and credential calls
   that take a user and then a password (Perl \`DBI->connect\`, C \`mysql_real_connect\`, Go
   \`smtp.PlainAuth\`, OkHttp \`Credentials.basic\`, Ruby \`Aws::Credentials.new\`, Guzzle's
   \`'auth' => ['user', 'v']\`, a C++ \`creds = std::make_pair('user', 'v')\`; after a literal host:
   Python's \`MySQLdb.connect('localhost', 'user', 'v')\` and \`ftplib.FTP\`, JavaMail's
   \`transport.connect\`; Sequelize's \`new Sequelize('db', 'user', 'v')\`, \`cx_Oracle.connect('user', 'v', dsn)\`), calls that reset, change or hash a password given first
   (\`reset_password('v', 'v')\`, \`hash_password('v', 'scheme')\`), \`os.Setenv(secretKey, 'v')\`, HMAC keys (\`createHmac('sha256', 'v')\`,
   \`HmacSHA256(msg, 'v')\`, C# \`new HMACSHA256(Encoding.UTF8.GetBytes("v"))\`, \`hmac.start(algo, 'v')\`;
   a JWT library's key: \`jwt.sign(payload, 'v')\`, \`jwt.verify\`, PyJWT's \`jwt.encode\` and
   \`jwt.decode\`, PHP's \`JWT::encode\`, java-jwt's \`Algorithm.HMAC256('v')\`, jjwt's
   \`signWith(SignatureAlgorithm.HS256, 'v')\`, Go's \`token.SignedString([]byte('v'))\`),
   LDAP binds (the literal after a literal bind DN: PHP \`ldap_bind($ds, "cn=admin,dc=x", "v")\`,
   python-ldap \`simple_bind_s\`, Go \`l.Bind\`, ldapjs \`client.bind\`; JNDI's
   \`env.put(Context.SECURITY_CREDENTIALS, "v")\`; \`ldapsearch -D … -w v\`), OAuth 1.0 key and
   secret pairs (\`OAuthHandler('key', 'v')\`, \`set_access_token('token', 'v')\`, \`OAuth1(...)\`),
   SQL that sets a user's password (\`CREATE USER … WITH PASSWORD 'v'\`, \`IDENTIFIED BY 'v'\`,
   \`SET PASSWORD FOR … = PASSWORD('v')\`, MariaDB's \`IDENTIFIED VIA … USING PASSWORD('v')\`), PowerShell's \`ConvertTo-SecureString 'v' -AsPlainText\`,
   OpenSSL's \`-pass pass:v\` / \`-passin\` / \`-passout\`, keytool's and jarsigner's \`-storepass v\` and \`-keypass v\`, \`-u user -p v\` pairs (mongo, az, mosquitto's
   \`-P\`; not mysql, whose \`-p db\` prompts), account commands (\`echo "user:v" | chpasswd\`,
   \`rabbitmqctl add_user user v\`, \`net user name v /add\`, \`smbclient -U user%v\`), redis.conf's \`requirepass v\` and \`masterauth v\`, directives of \`.conf\`
   and \`.cfg\` files written with a space (ldap.conf's \`bindpw v\`, slapd.conf's \`rootpw v\`,
   Apache's \`AuthLDAPBindPassword v\`, kickstart's \`rootpw --plaintext v\`), an .npmrc key scoped
   to a registry (\`//npm.acme.dev/:_authToken=v\`, which is no comment), commands that set a
   variable without \`=\` (csh's \`setenv KEY v\`, fish's \`set -x KEY v\`, \`aws configure set KEY v\`,
   CMake's \`set(KEY "v")\`), Make's \`KEY ?= v\`, Oracle logons (\`sqlplus user/v@db\`,
   \`cx_Oracle.connect('user/v@db')\`), Dockerfile
   \`ENV KEY value\`, Gradle's \`password 'v'\`, msmtprc's \`password v\` and fetchmailrc's
   \`user "u" password "v"\`, pre-shared keys (\`psk="v"\`, \`pre-shared-key=v\`), XML elements
   named by their \`name\` or \`key\` attribute (Hibernate's \`<property name="…password">v\`,
   \`<entry key="db.password">v\`, Android's \`<string name="api_key">v\`, FileZilla's
   \`<Setting name="Proxy password">v\` and \`<Pass encoding="base64">v\`), a property list's
   \`<key>ApiSecret</key>\` and the \`<string>\` after it,
   setters named for a secret
   (\`setPassword("v")\`, \`setOAuthConsumerKey("v")\`, \`setSigningKey("v")\`),
   \`Authorization: Bearer v\` and \`Authorization: token v\` whatever the case of the scheme (also as
   a Postman header's \`"value"\`), the default written beside an environment read
   (\`process.env.SECRET || 'v'\`, \`?? 'v'\`, PHP \`getenv('X') ?: 'v'\`, Python \`os.getenv('X') or 'v'\`,
   Ruby \`ENV['X'] || 'v'\`), a key converted to bytes (Go \`[]byte("v")\`, C#
   \`Encoding.UTF8.GetBytes("v")\`, \`new TextEncoder().encode('v')\`), and query-string parameters
   one by one. A quoted
   value is read to its closing quote, so a password with spaces or symbols is whole; a bare
   value is judged by what follows it: a call, an index, a member chain
   (\`this.#internals.password\`, \`cp.flags & mask\`), a Ruby \`@variable\`, a type union (\`Buffer|string\`), a
   ternary, a chained assignment, a constant's name (\`BIND_PW\`), a statement's number
   (\`ER_PASSWORD_EXPIRED = 1862;\`), the bare side of a comparison, prose after a colon, or a
   variable name (\`password = userPassword;\`, Go \`:=\`) is code, not a literal. A string in a
   list (\`['key', 'passphrase', 'pfx']\`) or a ternary's branch is not a key. In minified code
   (long lines dense with punctuation) only random-looking literals are kept. A value inside a
   regular expression (a \`/.../\` literal, also one continued on its own line, or a
   \`RegExp(...)\` call) is a pattern that names credentials, not one, and is dropped. The URL
   password rules of \`detectors/database.yaml\` (PostgreSQL, MySQL, MongoDB, Redis, AMQP, SQL
   Server) are read the same way: the password of \`scheme://user:pass@host\` is a value under a
   strong key, so a letters-only password someone chose is a low finding, not an identifier.
2. **Key classifier.** Names that hold nothing but a secret (\`password\`, \`client_secret\`,
   \`api_key\`, \`AUTH_SALT\`, a \`pepper\`, \`consumer_key\`, and \`pw\` after a separator: \`LDAP_BIND_PW\`,
   \`mysqli.default_pw\`, or run into a short name: \`bindpw\`, \`rootpw\`) are strong; names that often do (\`token\`, \`*_KEY\`,
   \`nonce\`, \`credentials\`) are weak and need a longer value (8 characters); names about a secret
   (\`password_hash\`, \`secret_name\`, \`token_type\`, \`passwordField\`, \`api_key_id\`,
   \`SALT_CHARS\`, \`secretsmanager\`) hold none, and so do tokens that are not credentials: paging
   cursors (\`NextToken\`), idempotency tokens (\`ClientRequestToken\`), CSRF and device tokens.
   (A describing word after \`from\` names where the value was read, so \`PasswordFromFile\`
   holds a password.) The key of Go's typed declaration (\`var token string = "v"\`) and of a C#
   property's initializer (\`Password { get; set; } = "v"\`) is the name declared.
3. **Value classifier.** The value is a template (\`{{ .Values.x }}\`, \`\${VAR}\`, \`$VAR\`,
   \`%(pw)s\`, \`#{...}\`, \`<%= %>\`, \`@VAR@\`, \`###VAR###\`, TeamCity's \`%env.X%\`), a reference to a
   secret kept elsewhere (an environment read, PowerShell's \`$env:X\`, Apache's \`exec:program\`, a CloudFormation
   \`{{resolve:ssm-secure:…}}\`, a Secrets Manager ARN, a Vault or Secret Manager path, a secret's
   name written as a path of words like \`prod/db/password\`, a file path,
   absolute or relative like \`certs/client.pem\` or \`src/cli/main.ts\`, ciphertext), code
   (also regular-expression source: two or more of \`(?:\`, \`\\d\`, \`[^\`, \`{2,8}\`, \`|^\`),
   a stored hash (bcrypt, argon2, crypt, MySQL's \`*\` + 40 hex, PostgreSQL's \`md5…\` and
   \`SCRAM-SHA-256$…\`: reported, if at all, by the
   \`password-hash\` rules, never as a password), a number (a 13-digit timestamp, a short run
   of digits), a placeholder (\`<your-password>\`, \`changeme\`, \`xxx\`, \`***\`, a sentence or a
   message in any language, a value made only of filler words like \`test-key\`, a name built
   around a credential word like \`user_password\` or \`AWS_CONTAINER_AUTHORIZATION_TOKEN\`, a
   value repeating its key's word, a phrase with two credential words like \`auth token\`, a form
   label like \`show password\`, a lower-case \`some...\` stand-in, anonymous FTP's \`anonymous@\`, base64 of words, an alphabet, a
   provider-prefixed stand-in like a short \`sk_test_\` value, a size or a unit, the jwt.io
   sample token known by its decoded claims: \`sub\` 1234567890, \`name\` John Doe), a type name or a
   path of type names (GuardDuty's \`IAMUser/AnomalousBehavior\`), a CamelCase or constant
   name, a URL without a password or a PEM header (left to the URL and private-key rules), a dictionary word, phrase or simple test
   password (\`password123\`, \`admin\`, \`Passw0rd!\`, \`keyboard cat\`, \`default password\`,
   a four-digit PIN; a word needs a vowel in every five letters), a random-looking value, or an
   ordinary one.

Shapes of non-JavaScript code that read as an assignment but hold no secret
(\`src/detect/generic/not-a-secret.ts\`) are dropped too: a settings key whose last word says
what it configures (\`password_driver = 'sql'\`, \`get('password_pop_host', 'localhost')\`,
\`*_filter\`, \`*_attr\`, \`reset_password_within\`) and the shell's \`PWD\`; a translation
catalogue's entry (\`$labels['newpasswd'] = 'Neues Passwort'\`, \`$messages[...]\`) and a form
label ending in a colon in any language; a placeholder made of a possessive, an article or an
owner and the key's own word (\`mypassword\`, \`dbpassword\`, \`TheNewPassword\`, \`MYSECRET\`;
not the short \`mypass\`, which tests choose as a weak password) or a lower camelCase slot name
(\`radiusClientSecret\`); a Ruby duration (\`6.hours\`, \`5.days.ago\`); a reference to another
attribute or variable (FreeRADIUS \`&User-Password\`, Go \`&Token{...}\`, Ruby \`@token\`), a
pointer chain (\`request->password\`) or a scope path (YARD's \`[CredentialProviders::Provider]\`);
code read between two string literals (\`".$this->pdo->quote($salt)."\`) or a query fragment
(\`"pwd_hash = "\`); Make's and the shell's command substitution (\`$(shell grep ...)\`) and an
installer's \`%DB_PASS\` marker; the first word of a sentence after \`Password:\` or a
\`.properties\` message key; a bare column name before an SQL clause (\`SET password=cryptpass
WHERE ...\`); a phrase naming a way of signing in (\`'password authentication'\`); a hash function's (plaintext, hex digest) test vector; a salt or a
nonce spelled in letters only (\`nacl\`, a library's name; not 6 to 12 random lower-case letters,
which are reported); a nonce written as a backwards run
(\`fedcba0987...\`); a class named in a forward-referenced Python annotation (\`private_key:
"_RSAPrivateKey"\`); public key material: a public key in base64 DER (an X.509 SubjectPublicKeyInfo, \`key: "MFkw..."\`,
as a package pins its signer's key, or a DKIM record's \`p=\`; a PKCS#8 private key is still
reported), an OpenSSH public key (\`ssh-rsa AAAA... user@host\`) and an OpenPGP fingerprint in
gpg's groups of four, or a key id or fingerprint under a GPG key's name (\`GPG_KEY\`); Derby's
SQLState message ids under a constant (\`PASSWORD_EXPIRED_FOR_DBO = "08004.C.9"\`); a sentinel
constant of capital words saying a value is hidden or not given (Ansible's
\`VALUE_SPECIFIED_IN_NO_LOG_PARAMETER\`); and under a
token's key, words with spaces, a style spec (Pygments' \`Token.Comment: "italic #A3AAB2"\`) or a
constant's name (Ant's \`<filter token="JDT_VERSION" .../>\`) or an AWS Signature V4 credential
scope.

Templates, references, code, hashes, numbers, placeholders, empty values and values under three
characters are dropped: they are certainly not secrets; so are words under a weak key
(\`credentials: 'same-origin'\`). Everything else is reported with a
**confidence** from the text (\`confidence\` in JSON and SARIF):

| Value under the key | strong key | weak key |
| --- | --- | --- |
| random-looking (10+ characters, 3+ bits each, several character classes) | high | high under a token or credentials name when 16+ characters at 3.5+ bits each, else medium |
| ordinary (3–5 characters only as a quoted literal, a flag's value or with a digit) | medium | medium from 12 characters, else low |
| dictionary word, simple test password | low | low |

A commented-out line (\`# hmac_secret: ...\`, \`// password = ...\`, a \`/*\` or \`/**\` block
comment) or a value after a trailing comment outside any string (\`connect(); // password: v\`)
is low whatever the value, since it is most often an example of the format; a quoted literal
joined to code (\`"abc" + x\`) is at most medium. A password hash on a commented-out line is
medium rather than high, so it falls to low in an example, a test or documentation. The path's context (tests, fixtures, documentation) is applied afterwards,
where the path is known.

Some secrets are known by their shape or their file rather than by a key: a wallet's recovery
phrase (\`generic-mnemonic-phrase\`: 12 to 24 lower-case words under \`mnemonic\` or \`seed
phrase\`, nearly all different, so the \`test test … junk\` stand-in is not one), an RSA private
key written as its CRT components (\`private-key-rsa-components\`: \`dmp1\`, \`dmq1\`, \`coeff\`,
\`privateExponent\`; and the private exponent and primes under one-letter names, \`d\`, \`p\`, \`q\`, in
\`private-key-rsa-letter-components\`, only within 10 lines of those named parameters), a
password column of a CSV or TSV export (\`generic-csv-password-column\`: a header line of column
names with a \`password\`, \`passwd\` or \`pwd\` column and the row under it, with as many fields on
the same delimiter; the field is judged as an assigned literal, so a hash column, a template or a
placeholder is no finding; one finding a table), the credential columns of an SQL dump
(\`generic-sql-credential-column\`: an \`INSERT INTO t (id, login, passwd) VALUES (…), (…)\`,
MySQL's backquoted names and one tuple to a line included, or a PostgreSQL \`COPY t (…) FROM
stdin;\` and its tab-separated rows up to \`\\.\`; the value at the position of a column naming a
password, secret, token, API key or salt is judged in each row as an assigned literal, so NULL,
a placeholder or a date under \`password_reset_at\` is no finding and a dictionary word is low;
every row of a statement is read, to its end however far past its region it runs (only the
time budget cuts it, and then the text counts as partly matched); a hex MD5 or SHA digest under a password's column is a
password hash, \`password-hash-sql-digest\`, and a crypt hash such as WordPress's \`$P$B…\` is its
own rule's), and key files found through \`fileBytes\`: a Rails master key file
(\`rails-master-key-file\`: 32 hex characters alone in \`config/master.key\` or
\`config/credentials/<env>.key\`), Jenkins' \`secrets/master.key\` (\`jenkins-master-key-file\`)
and a MongoDB keyfile (\`mongodb-keyfile\`: base64 alone in a file named as a keyfile). Jenkins'
\`secrets/hudson.util.Secret\` is binary, and binary files are counted and skipped: it is not
reported, though the encrypted \`{AQAAABAAAA…}\` values it unlocks are (\`jenkins-encrypted-secret\`,
at medium: readable by whoever has the instance's master key).

To tune: \`--min-confidence medium\` (or \`high\`) hides the low findings; an inline
\`leakwatch:allow\` or a \`.leakwatchignore\` entry silences one finding or path (see
[Suppressing findings](#suppressing-findings)); a rule of your own with the same id (\`--rules\`)
can add \`allow\` and \`allowLine\` regexes for your organisation's own placeholder values.

## Writing your own rules

Put one or more YAML files in a directory and pass it with \`--rules DIR\` (repeatable) to
\`scan\`, \`rules list\`, \`rules test\` and \`rules docs\`. A rule with the id of a built-in rule
replaces it; any other id adds a rule.

\`\`\`yaml
family: acme                    # lower-case id; findings carry it, response providers key on it
provider: Acme Cloud            # the name shown in this catalogue
rules:
  - id: acme-api-key            # lower-case kebab-case, unique
    title: Acme API key
    severity: high              # critical | high | medium | low
    kind: credential            # credential (default) | sensitive-data | password-hash
    keywords: [acme_]           # at least one; case-insensitive literals, 3+ characters
    regex: '(?<![A-Za-z0-9_])(acme_[A-Za-z0-9]{32})(?![A-Za-z0-9_])'
    entropy: 3.5                # optional minimum, bits per character
    allow: ['EXAMPLE']          # optional regexes on the secret that drop the match
    examples:
      positive:
        - 'ACME_KEY={{join:ac:me_}}{{rand:base62:32}}'
      negative:
        - 'ACME_KEY=\${ACME_KEY}'
\`\`\`

Other fields: \`description\`, \`ignoreCase\`, \`secretGroup\`, \`validators\`, \`allowLine\`,
\`allowPath\`, \`fileBytes\` (16–4096: whole texts up to that size are the rule's region,
keyword or not; with it \`keywords\` may be empty), \`generic\` (gets the placeholder filter and yields to specific rules), \`classify:
assignment\` (a generic rule's match is read by the tokenizer and value classifier of
[Generic detection](#generic-detection) instead of the placeholder filter; \`classify:
credentials\`: a base64 \`user:password\` pair, as in a Basic Authorization header, whose password
the value classifier judges: a placeholder is dropped, a dictionary word like
\`admin:password123\` is low; \`classify: csv-column\`: the \`key\` group is a CSV header line and
the secret a row under it, whose password column's field is judged as an assigned literal;
\`classify: sql-values\`: the \`key\` group is an INSERT's column list, or \`copykey\` a COPY's, and
the rows after the match are read and each credential column's value judged; a
\`password-hash\` rule takes only the hex digests under a password's column),
\`requires\` (pairing), \`window\` (16–65536 bytes, for multi-line
values), \`regionNeeds\` (a regex every match contains, tested once per candidate region for all
the rules giving the same one, so rules that share a keyword skip regions none of them can
match), \`rotate\` and \`verify\` (response provider ids). Unknown fields are errors, so a typo
does not silently disable a filter.

**Examples** are required: at least one positive and one negative per rule. So that no literal
credential is ever committed (not even a fake one), an example is either a \`parts:\` list joined
at test time or a template whose generators build the token: \`{{rand:CHARSET:N}}\` (ranges such
as \`A-Z2-7\`, or \`hex\`, \`base62\`, \`base64\`, \`base64url\`, \`digits\`...), \`{{join:A:B}}\` (to split a
literal prefix), \`{{crc32:PREFIX}}\` (a checksummed GitHub/npm-style token), \`{{luhn:PREFIX:LEN}}\`,
\`{{jwt}}\`, \`{{pem:LABEL}}\`, \`{{pemenc:LABEL}}\`, \`{{pemjson:LABEL}}\`, \`{{b64pem:LABEL}}\`,
\`{{b64:TEXT}}\` and \`{{b64json:K=V,...}}\`. Generators are seeded by the template, so examples are
stable from run to run.

Check your rules before you use them:

\`\`\`sh
npx leakwatch rules test --rules ./my-rules   # only the rules in ./my-rules; exit 1 on a failure
npx leakwatch rules list --rules ./my-rules   # the merged catalogue
\`\`\`

A positive example must be reported by its rule; a negative example must be reported neither by
its rule nor by any other non-generic rule. The test suite runs the same check over every
built-in rule (\`test/detect/rule-examples.test.ts\`).

## Confidence

Every finding has a \`confidence\`: \`high\`, \`medium\` or \`low\`. It says how sure
leakwatch is that the value is a live secret, and it lowers rather than hides: nothing is
dropped for its context. A match may carry its own level from the text around it; otherwise a
generic rule gives \`medium\` (a literal assigned to a credential name) and every other rule
\`high\` (a provider's prefix, checksum or pairing). Then the path's context applies
(\`src/scan/path-context.ts\`): tests and fixtures (\`test/\`, \`tests/\`, \`__tests__/\`,
\`spec/\`, \`fixtures/\`, \`testdata/\`, \`mocks/\`, \`*_test.go\`, \`*.test.ts\`,
\`*.spec.js\`, \`test_*.py\`, \`tests.py\`, \`tests.rs\`, \`FooTest.java\`, folders named
\`test-…\` or \`test_…\` such as \`test-ca/\`), examples and templates (\`examples/\`,
\`samples/\`, \`demo/\`, \`templates/\`, \`.env.example\`, \`*.sample\`, \`*.dist\`,
\`*.tmpl\`), documentation (\`docs/\`, \`doc/\`, \`*.md\`, \`*.rst\`, \`*.adoc\`,
\`README\`, \`CHANGELOG\`) and vendored code (\`vendor/\`, \`third_party/\`,
\`node_modules/\`). A path in several gets the first of test, example, documentation, vendor,
save a document (\`README\`, \`*.md\`) in an example's folder, which is documentation:

| rule | ordinary path | test, docs | example | vendor |
|---|---|---|---|---|
| provider-specific and sensitive data | high | medium | medium | medium |
| private key (also escaped or concatenated) | high | low | low | medium |
| generic | its own (from the value: high, medium or low) | low | one lower | one lower |

A provider's token is a whole credential wherever it is committed (its prefix, checksum or
pairing say whose; fixtures record real exchanges), so in a test or documentation it is still
\`medium\` and opens an incident. A generic value is known only by the name it is assigned to,
and tests and docs assign made-up values to credential names all the time, random-looking ones
as often as words: there it is \`low\` (reported in JSON and SARIF, no incident). In an example
or a template (which someone may copy into use) and in vendored code a generic value is one
level lower. A private key in a test, an example or
documentation falls to \`low\`: such keys are generated for the test or the text, and nothing in
a key's shape ties it to anyone, so it is reported (it is a key) without opening an incident; in
vendored code it is \`medium\`. A place without a path (a commit message) has no context.

A file's own syntax can say the same of a part of it (\`src/detect/text-regions.ts\`): Perl's POD
(\`=head1\` … \`=cut\`, or on to the end when \`=pod\` or \`=head1\` opened it or it follows
\`__END__\`) and Ruby's \`=begin\` … \`=end\` are documentation, and a Rust module under
\`#[cfg(test)]\` or a function under \`#[test]\` is a test, wherever the file lies. A generic
value or a private key there is \`low\`; a password hash in such documentation is \`medium\`,
as on a commented-out line; a provider's token keeps its level.

What each level means in practice:

- \`high\`: a provider's token, a private key or a random-looking value under a credential's
  name (\`password\`, \`secret\`, \`token\`, \`api_key\`, \`client_secret\`, \`private_key\`) in
  ordinary code or configuration. Rotate it.
- \`medium\`: a provider's token in a test, an example or documentation, a random value under a
  credential's name in an example or vendored code, or a real-looking but not random
  value (\`bzq4-wtk\`) under a password name in ordinary code. Most are real; check it.
- \`low\`: a dictionary word or a simple test password (\`admin\`, \`password123\`,
  \`super-secret-1\`), a commented-out example line, any generic value in a test or in docs. Often
  a stand-in; shown in JSON and SARIF, and in text with \`--min-confidence low\`.

The levels come from four places, which are where to tune them: the value classes and key
strengths of the generic rules (\`src/detect/generic/classify-value.ts\`, \`classify-key.ts\`),
the level each (value, key) pair gets (\`confidenceFor\` in
\`src/detect/generic/judge-assignment.ts\`), a rule's default when a match carries none
(\`src/detect/rule-confidence.ts\`) and the path's context (\`src/scan/path-context.ts\`,
\`src/scan/finding-confidence.ts\`). Measure a change with \`npm run bench:real -- --split dev
--min-confidence medium\` (precision must stay at 0.95 or more) and by scanning clean popular
packages as plain folders (\`leakwatch scan node_modules/<pkg> --format json --no-state\`),
which should give almost no \`medium\` or \`high\` finding that is not a real key; see
[benchmarks](benchmarks.md#detection-on-real-code) for the figures. A finding found in several places takes the highest
level among them: its most exposed place is the one that matters.

\`leakwatch scan\` shows \`medium\` and up in text (and says how many it left out), everything
in JSON and SARIF; \`--min-confidence high|medium|low\` sets the threshold for every format,
and the exit code counts only what is shown. SARIF results carry \`properties.confidence\`, a
\`rank\` (90, 60, 20) and a level no louder than the confidence (\`low\` is a \`note\`,
\`medium\` at most a \`warning\`). The daemon opens incidents for \`high\` and \`medium\`
findings only; \`low\` ones are recorded with the repository's findings and counted in the
job's log line. To tune: \`--min-confidence low\` in CI to see everything, a path in
\`.leakwatchignore\` for a folder you never want reported, or a rule's \`allowPath\` for a rule
that has no business there.

## Suppressing findings

- **Inline**: \`leakwatch:allow\` anywhere on the line of a match (in a comment, for example) drops
  that match.
- **\`.leakwatchignore\`**: read from the root of the work tree or directory, or from \`HEAD\` in a
  bare repository (and in the mirror of a clone URL); \`scan --ignore-file FILE\` names another file.
  One entry per line; a line starting with \`#\` is a comment:

  \`\`\`text
  # A path glob, with .gitignore's rules exactly (matched by the \`ignore\` package): * ? [a-z]
  # stay within one folder, ** spans whole folders only (**/fixtures is not src/myfixtures),
  # a pattern without a slash (other than a trailing one) matches at any depth, one with a
  # slash is anchored at the root, a trailing / means a folder, a match also covers everything
  # below it, and a later !pattern takes a path back (not inside an ignored folder). Paths are
  # case-sensitive. A bare entry is a path glob too; write path:GLOB for one with a colon.
  path:test/fixtures/**
  docs/*.md
  !docs/secrets.md
  # Leave out a rule entirely.
  rule:generic-secret-assignment
  # Leave out one finding: its 32-hex id, with the fingerprint: prefix or bare.
  fingerprint:0123456789abcdef0123456789abcdef
  0123456789abcdef0123456789abcdef
  \`\`\`

  Ignored paths drop locations; a finding with no location left is dropped. A file that cannot
  be read or has a line that cannot mean what it says (an empty entry, an unknown \`kind:\`, a
  fingerprint that is not 32 hex digits, an unclosed \`[\` or an empty range, a rule id that no
  loaded rule has, a NUL byte) stops the scan with exit code 2 and names the file and line,
  whether it was found in the target or given with \`--ignore-file\`; only a missing
  \`.leakwatchignore\` means "no ignore rules".
- **Baselines**: \`scan --write-baseline FILE\` records today's findings;
  \`scan --baseline FILE\` then reports only findings whose id is not in it, so a CI job fails only
  on new ones. A finding's id is derived from its rule and the SHA-256 of its secret, so it stays
  the same when the secret moves to another file or commit. Any earlier JSON report works as a
  baseline too.

## Catalogue
`;
