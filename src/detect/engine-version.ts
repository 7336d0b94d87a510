/**
 * The versions that key cached detection results (incremental state, rule caches, rerun
 * reports), in a module that imports nothing, so a rerun answered from its cache loads no matcher.
 */

/**
 * Bump when matching semantics change in a way that needs old results rescanned.
 * 2: commit and tag authors are decoded as UTF-8.
 * 3: a match that yields to a path-restricted rule is kept (with `yieldsTo`) when the path is
 *    not yet known, so old states, which dropped it, scan again.
 * 4: generic rules read the line with the assignment tokenizer and value classifier (shorter
 *    quoted passwords, more shapes, confidence levels), so old states scan again.
 * 5: generic rules drop regular-expression source, relative file paths and paths of type names,
 *    read block and trailing comments as comments and lower-case phrases as chosen passphrases,
 *    and the URL password rules read letters-only passwords, so old states scan again.
 * 6: generic rules read more shapes (connection calls, XML name/value pairs, getters, literals
 *    handed to hashing calls, hyphenated chosen passwords, short nonces, random salts with any
 *    punctuation) and carry new levels (a long random value under a token name is high, chosen
 *    words with digits are low); Basic-auth pairs are judged by their password, and secret
 *    names and the jwt.io sample token are dropped, so old states scan again.
 * 7: generic rules drop shapes of non-JavaScript code that hold no secret (translation
 *    catalogues, settings named for a driver or host, durations, references, placeholder
 *    compounds) and read more shapes (LDAP binds after a literal DN, SQL user passwords,
 *    OpenSSL pass: phrases, OAuth pairs, defaults beside environment reads), whole-file rules
 *    (`fileBytes`: a Rails master.key) are applied, and more password-hash formats are
 *    recognised, so old states scan again.
 * 8: generic rules drop more shapes of code that hold no secret (a value spelling its own key,
 *    version ranges, declarations' expressions, C and Perl references, CSS, MIME types, Vim
 *    script variables, namespaced type names, Nagios macros, validation rules, shell commands in
 *    backquotes, an access key's id) and .pgpass lines take only a last field, so /etc/passwd
 *    lines are not read as one; a CSV/TSV password column (`classify: csv-column`), RSA
 *    components under one-letter names, Basic credentials in a bare literal, redis.conf
 *    passwords, `curl -u user:pw`, default passwords under their service's name, non-ASCII
 *    passwords and more call and hash shapes are reported, so old states scan again.
 * 9: generic rules read quoted passphrases with a digit or a symbol (`correct horse 42!`),
 *    .properties lines written with a space, flow-style Kubernetes env entries, JWEs with a short
 *    ciphertext, and crypt hashes with escaped or doubled dollars (`\$6\$`, `$$6$$`); messages
 *    whose numbers stand apart (`Min 8 chars`) are not random;
 *    they drop shapes of daemons' code and configs that hold no secret (a lookup
 *    table's `type:/path`, values built from variables, lists of constants and of name=value
 *    options, escaped protocol text, printf conversions, C token pasting, Perl calls without
 *    parentheses, concatenated variables, marked-up and bracketed placeholders, Markdown link
 *    definitions, PKCS#11 URIs' names, build flags' variables, command substitutions, routing
 *    scripts' pseudo-variables, /etc/passwd entries, censored values, grouped sequences), and
 *    constants with abbreviations and comma-joined words are reported at low; the jwt.io sample
 *    token in a Bearer header, the word for password in other languages, shell pipelines and
 *    a database object named before `identified by`, a connection attribute naming a path and
 *    a JDBC URL without a password are not reported; nor are web applications' shapes
 *    (highlighter scope names, PHP and Ruby interpolations, messages with parameters, labels,
 *    key chords, routes, rates, algorithm names, translation catalogues), a C#/Kotlin type's
 *    base (`class KeyPassDlg : StdExtDlg`), an option's name abbreviating its constant's words
 *    (`PasswordBase64 = "pw-b64"`), Ant tokens with a digit inside (`LOG4J_JAR`), translated
 *    messages with a `{0}` argument, or Go string enums' constants spelling their type and
 *    value; `tests.py` is a test path, and a suppression marker on the line (`# nosec`,
 *    `gitleaks:allow`) lowers a finding to low; a password among a string's comma-separated
 *    options (`"user=a,password=v,host=db"`) or after an escaped `&amp;pass=`, a salt of
 *    random letters of both cases and a typed declaration's literal (`token: string = "v"`)
 *    are reported (a salt of words run together is not, nor an SQLSTATE under a sign-in
 *    error's constant: `AUTH_PASSWORD_INVALID = "28P01"`, nor a state's sentinel spelled in
 *    capitals before an id: `__app_EMPTY_VALUE_<uuid>`, an expression with operators between
 *    spaced braces, or a credential's name holding a product's name: `my-k8s-api-key`; nor a
 *    Bearer header shown in a JSON Schema's description); infrastructure code's shapes are
 *    not reported either (whole Jinja expressions and `{% set %}`, Ansible's password lookup
 *    options, `{base}/…/{id}` URL templates, `.format()` strings, JSONPath fields, ARM template
 *    expressions, dict items, chained members and unpacked names set from a variable,
 *    PowerShell commands, type members and hashtables, shell `case` globs), so old states
 *    scan again.
 * 10: generic rules read more shapes: a URL's basic-auth password is judged by the value
 *    classifier, as a database URL's is (a UUID there is reported, a dictionary word at low);
 *    XML elements named by a key or name attribute (Hibernate, Java XML properties, Android
 *    strings, FileZilla settings), password elements with attributes (`<Pass
 *    encoding="base64">`), property lists' key and string, msmtprc and fetchmailrc passwords,
 *    pre-shared keys (`psk=`, `pre-shared-key=`), Go's typed declarations, C# auto-property
 *    initializers, keys with a describing word after `from` (`PasswordFromFile`) and short
 *    salts of random lower-case letters are reported; short random values are no longer read
 *    as leet or camel-case words (a random 8–12 character password is medium, not low), and a
 *    salt with a space and `{word}` or `$1` among its symbols is not a message. Not reported:
 *    public key material (OpenSSH public keys, DKIM records, OpenPGP fingerprints and key ids
 *    under a GPG key's name), Derby's SQLState message ids, sentinel constants
 *    (`VALUE_SPECIFIED_IN_NO_LOG_PARAMETER`), any rule's value of one character repeated (the
 *    nil UUID), AWS ARNs and account ids on doc-comment lines or of Lambda layers AWS
 *    publishes, autoconf's `test "x$var" = "xyes"`, a CSS pseudo-class after an attribute
 *    selector, and Python client libraries' shapes (packaging entry points
 *    `module.path:Object`, a code generator's container types and model class names, Sphinx
 *    `~pkg.Class` cross-references, a serializer's `{"key": …, "type": …}` map, a class named
 *    after its key, shell completions' option lists, `__all__`, a `def`'s annotations, a reST
 *    role around a placeholder, a pattern given to `re.sub`, a key's `Spec`); the OAuth RFCs'
 *    example values, tokens in a URL on a reserved example domain and values typed along the
 *    keyboard's rows are reported at low, and a PKG-INFO is documentation. SQL dumps'
 *    credentials are reported (the value at a credential column's position in each row of an
 *    INSERT's VALUES tuples or a PostgreSQL COPY's rows, `classify: sql-values`, a hex digest
 *    under a password's column as a password hash), as are phpass ($P$, $H$), Drupal 7 ($S$)
 *    and WordPress's $wp$ bcrypt hashes, and credentials in other languages' shapes (C and
 *    Objective-C `#define` macros, C arrays `char secret[] = "v"`, Objective-C `@"v"` literals
 *    and header values, Rust's `String::from("v")` and `&'static str`, R's `<-`, Elixir's
 *    `@attr "v"`, and the user-then-password calls of Perl DBI, C `mysql_real_connect`, Go
 *    `smtp.PlainAuth`, OkHttp, Ruby `Aws::Credentials`, Guzzle, reqwest's `basic_auth` and a C++
 *    credentials pair). Nor are systems and security code's shapes reported
 *    (Perl hash elements interpolated, shell variables escaped for a generated script, cut at
 *    a command substitution's quoted argument or extended with themselves, usage lines'
 *    placeholders before an escaped line break, arithmetic in C initialisers, PKCS#11 URIs, a
 *    URL's scheme read as a key, encodings with their byte order, `_null_` markers, a
 *    variable's name as a debug label, logging calls' messages, usage lines' optional
 *    arguments, LaTeX labels, another provider's SigV4-style credential scope, sizes in octets,
 *    keys ending in login, user, GUID or age, a tokenizer's settings, crypt()'s salt after a
 *    password literal), and `{CRYPT}$6$rounds=N$` alone is not a password hash. Nor are Go
 *    libraries' shapes (a time layout in Go's reference time, an HMAC signing method's name,
 *    `stringer`'s name table for a type named for a credential, a cipher test vector's nonce
 *    in hex, an SDK's constant that spells its own value), nor Ruby gems' and PHP libraries'
 *    (Ruby's `alias` of a writer method, a Ruby bang method's call on a variable, a Ruby
 *    instance variable's hash element, keys ending in identifier, Rails' authenticity (CSRF)
 *    token, a PHP concatenation's variable cut where its member access starts), nor shipped
 *    server configs' and support files' (a package's substitution markers `XXX_NAME_XXX` and
 *    `@@NAME@@`, Template Toolkit tags, FreeRADIUS `%{...}` expansions, PHP namespaced class
 *    and function names, prose joined by hyphens, HTML entities for layout, a highlighter's
 *    dotted token types with hyphens or an empty part, a store's magic key behind marks, an SQL
 *    SET fragment in a string, a `(none)` default, a usage placeholder before a line
 *    continuation, a key's own long name behind My, a query string of names and short words,
 *    a name built on `pw`), and `_test` folders are tests; a password hash on a
 *    commented-out line is medium, not high (low in tests, examples and docs), and a Basic
 *    pair of a made-up user (foo, test, alice) with a short password is low. Tools' own
 *    stores are reported (Composer's auth.json and COMPOSER_AUTH tokens under a host, Jenkins'
 *    encrypted `{AQAAABAAAA…}` secrets at medium and its secrets/master.key, MongoDB keyfiles),
 *    as are random values of fields named `Key` in any case or ending in Key (`replicaSetKey`),
 *    while keys of data (publicKey, primaryKey, sortKey, cacheKey, a WebSocket handshake's
 *    Sec-WebSocket-Key) name no secret and the base64 of counting digits is a test vector; a quoted
 *    literal that opens a value is read whole, though it starts with `.` and holds a `)` as a
 *    concatenation after a closed string does; and an SQL statement's rows are all read, past
 *    200 rows and past its region, to the statement's end; a text's own documentation and test
 *    regions (Perl's POD, Ruby's `=begin`, Rust's `#[cfg(test)]` modules and `#[test]` functions)
 *    put a generic value or a private key there at low and a password hash in documentation at
 *    medium, a Rust reference type after a parameter's colon (`key: &[u8]`) is code, a byte
 *    string under a typed declaration (`KEY: &[u8] = b"v"`) is read, a Basic pair whose password
 *    is one character repeated is low, and a Rust tests.rs and folders named test-… or test_…
 *    are test paths; a Rust macro's call (`vec![0; n]`), a table row of seven short fields or
 *    more between colons, a Perl match held in a string (`$_auth =~ /…/`), a literal joined by
 *    Lua's `..` to code, and the key's own words joined by hyphens (a cipher suite's name under
 *    its constant) hold no secret, and a path of names with a version's or factor's number in
 *    one (`secondFactors/radius2f`) is a name (low); a name raised to a small number
 *    (LPeg's `ptokenchar^1`) and a Debian library package's name as a key
 *    (`libdata-password-zxcvbn-perl:` in a lintian override) hold none. More shapes are read:
 *    Visual Basic's `Dim x As String = "v"`, the HMAC key of JWT libraries' sign and verify
 *    calls, connections that take a literal host, a user and a password (and Sequelize's and
 *    cx_Oracle's), JSON name and value pairs (Postman, ECS, CloudFormation), directives of .conf
 *    files written with a space (`bindpw v`, `AuthLDAPBindPassword v`, kickstart's `rootpw
 *    --plaintext v`), a pepper, Make's `?=`, a YAML anchor or `!!str` tag before a value,
 *    Clojure's and EDN's `:password "v"` and `(def api-key "v")`, commands that set a variable
 *    without `=` (`setenv`, fish's `set -x`, `aws configure set`, CMake's `set()`), keytool's
 *    `-storepass` and `-keypass` and Oracle logons (`user/v@db`); an .npmrc key scoped to a
 *    registry (`//host/:_authToken=`) is no comment, Apache's `exec:` names a program, not a
 *    value, and backticks around a command given a path or an option are its output; an
 *    Erlang record's update or field (`PSK0#rec{…}`, `S#state.key`), an Erlang binary's segment
 *    (`Len/binary`), a POSIX
 *    character class, a single-dash option (`-nodes`) and a command run from a variable
 *    (`$($GPG -d …)`) hold none, a shell expansion's default (`${NAME:-v}`) is read without its
 *    sign, and a CSV or TSV row that repeats a header's name in its column is no row under that
 *    header (an index of topics). More shapes are read: Kotlin's `"password" to "v"` pairs,
 *    Erlang's and Elixir's `{password, "v"}` tuples, Java key stores' `"v".toCharArray()`
 *    passwords (`KeyStore.load`, `KeyManagerFactory.init`, `getKey`; `.toCharArray()` keeps a
 *    literal whole), a login call's literal password after a user held in a variable
 *    (`smtp.login(user, "v")`), sbt's `Credentials(realm, host, user, "v")`, `gh secret set NAME
 *    --body v`, Express's `cookieParser("v")`, a random `SEED` or `*_SEED` (a number or words
 *    seed an RNG), a shell expansion's default under its name (`${DB_PASSWORD:-v}`, `${X:=v}`)
 *    and Rust byte strings under a key's name (`static KEY: &[u8; 32] = b"v"`, `&'static [u8]`);
 *    backticks around commands piped without spaces (`date +%N|sed …`) are a command's output;
 *    PostgreSQL's md5 and SCRAM-SHA-256 hashes in a PgBouncer auth file are password hashes,
 *    and the password of OpenVPN's inline `<auth-user-pass>` block is read. A Kotlin or Swift declaration's or parameter's type
 *    (`var credentials: RequestCredentials?`), a variable passed to an Objective-C selector's
 *    argument (`andPassword: authpwd`), a regular-expression literal under a key
 *    (`formattingTokens = /%[dmY]/g;`), a message's numbered argument (`password: %{1}`) and a
 *    graphics API's constant name under `token=` (`FLOAT_MAT2x3`, `__ASPNET_INHERITS`) hold
 *    none, nor do .NET's shapes: an MSBuild property (`$(Token)`), a Razor expression
 *    (`@RawJS(key)`), a query string's parameter set from a variable, a URN, a TimeSpan, a
 *    setting's choices (`[true|false]`), a `|DataDirectory|` marker, an assembly's public key
 *    token, a camel-case name ending in a plural acronym (`postBackControlIDs`) and a constant
 *    spelled after its key's short prefix (OpenSSL's `SN_id_PasswordBasedMAC
 *    "id-PasswordBasedMAC"`); a Makefile's `NAME := v` is read as a value, not Go code. Nor do
 *    C and C++ crypto and network code's shapes: a PEM armour line kept as a macro
 *    (`"-----END … KEY-----\n"`), a message ending in an escaped line break, object files
 *    listed in a makefile (`…_OBJECTS = x.lo`), an SNMP table's or row's name under a config
 *    token (`snmpNotifyFilterTable`), a ternary's quoted arms ending a statement, a
 *    colon-separated cipher-suite list, a bare name combined with an operator
 *    (`seed = lru_seed ^ x;`) and an XML element's `key` attribute before its `value`.
 *    A UUID made of filler (zero groups, runs of the alphabet or of digits), a pair of snake_case
 *    names or a numbered migration's name in a tuple (`('password', 'field_name')`, `IN
 *    ('Password', 'column_name')`, `('app', '0001_initial')`), a constant's name with a note
 *    after a dash (`VALUE_HIDDEN - changed`) and a value cut short by an ellipsis
 *    (`AAAB3Nz...Xq`) and a file's name of acronyms and words (`RPM-GPG-KEY-vendor-tools2`) hold
 *    none, a crypt scheme's name (`md5-crypt`) is an algorithm's, and a bare value with a digit
 *    or a sign in a YAML flow mapping that is a line's whole value (`db: {user: app, password:
 *    v}`) is read; a .netrc's `default` opens an entry only before its login (not prose's `the
 *    default password`). A lower camelCase name ending in a small number under a weak key
 *    (`credentials: vCenterCredentials1`) is a variable's, an assembly listing's label and
 *    dotted opcode (`PASS:\tldc.i4.0`) is code, a .NET DirectoryEntries `Find`/`Add` call's
 *    second argument is a schema class (not an LDAP bind's password), an `AccountID` is AWS's
 *    only with AWS nearby (a key, an ARN, `AWS::`), and a hex key whose bytes count up or down
 *    (`000102…`) is a test vector's, kept at low. So old states scan again.
 */
export const ENGINE_VERSION = 10;

/** Bump when the check refuses more: rule caches checked by an older version are not trusted. */
export const REGEX_CHECK_VERSION = 2;
