/**
 * Shapes that read as a credential-named assignment, or as a credential at full confidence, but
 * hold no secret of anyone's, found by scanning the unlabelled sources of R packages (HTTP,
 * OAuth, database, keyring, crypto and mail clients, as Debian ships them with their help
 * indexes, demos and examples), Emacs Lisp packages (HTTP, Git forges, chat, mail, password
 * stores, SQL), Erlang (OTP's own sources: ssl, ssh, crypto, eldap; JOSE, OAuth, XMPP, SQL
 * clients, ejabberd and RabbitMQ), Tcl (tcllib, tklib, TLS, TDBC) and packages' shell scripts
 * (easy-rsa, pass, dehydrated, certbot, OpenVPN, WireGuard): Erlang's record updates and binary
 * segments, a shell's expansions with a default, commands run from a variable, OpenSSL's
 * single-dash options, POSIX character classes, an index of topics read as a table, and a
 * README in an example's folder read as the example rather than as its documentation. Each
 * negative is written in the shape seen there, and beside it a positive holds a secret in the
 * same shape, so the fix is the shape's and not one string's. Values are built at run time from
 * a seeded generator.
 */
import { describe, expect, it } from 'vitest';
import { confidenceIn } from '../../../src/scan/finding-confidence.js';
import { pathContext } from '../../../src/scan/path-context.js';
import { covers, matcher, ruleset, valueMaker } from './shape-cases.js';
import type { ShapeCase as Case } from './shape-cases.js';
import { describeShapePairs, itLowersEachPair } from './describe-shape-pairs.js';

const { rand } = valueMaker(0x3e51c7);
const TAB = '\t';

/** [not a secret, a secret in the same shape]. */
const pairs: Array<[Case, Case]> = [
  [
    { name: "Erlang record's update as the value", path: 'lib/ssl/src/tls_handshake_1_3.erl', text: '    PSK = PSK0#pre_shared_key_client_hello{offered_psks = OfferedPsks},' },
    { name: 'string under the same name', path: 'lib/ssl/src/tls_handshake_1_3.erl', text: '    PSK = "§",', value: rand(32) },
  ],
  [
    { name: "Erlang record's field read as the value", path: 'src/auth.erl', text: '    Secret = State#state.secret_key,' },
    { name: 'string under the same name', path: 'src/auth.erl', text: '    Secret = "§",', value: rand(28) },
  ],
  [
    { name: "Erlang binary's segment, a size and a type", path: 'lib/ssl/src/tls_v1.erl', text: '    <<Secret1:EvenLength/binary, _/binary>> = BinSecret,' },
    { name: 'secret written out in the same module', path: 'lib/ssl/src/tls_v1.erl', text: '    Secret1 = "§",', value: rand(28) },
  ],
  [
    { name: "shell expansion's default, a POSIX character class", path: 'usr/bin/pass', text: `CHARACTER_SET="\${PASSWORD_STORE_CHARACTER_SET:-${['[:punct:]', '[:alnum:]'].join('')}}"` },
    { name: "shell expansion's default, a random password", path: 'usr/bin/pass', text: 'DB_ARG="${DB_PASSWORD:-§}"', value: rand(20) },
  ],
  [
    { name: 'command run from a variable, its output a password', path: 'usr/bin/pass', text: '\tpass="$($GPG -d "${GPG_OPTS[@]}" "$passfile" | $BASE64)" || exit $?' },
    { name: 'password written out in the same script', path: 'usr/bin/pass', text: '\tpass="§" || exit $?', value: rand(20) },
  ],
  [
    { name: "OpenSSL's single-dash option under a password's name", path: 'usr/share/easy-rsa/easyrsa', text: "\t\t1) no_password='-nodes' ;;" },
    { name: 'password in the same case arm', path: 'usr/share/easy-rsa/easyrsa', text: "\t\t1) ca_password='§' ;;", value: rand(18) },
  ],
  [
    { name: "R help's index of topics, one under a password's name", path: 'usr/lib/R/site-library/restfulr/help/AnIndex', text: ['password', 'Credentials-class'].join(TAB) + '\n' + ['password,Credentials-method', 'Credentials-class'].join(TAB) + '\n' },
    { name: 'a table with a password column under its header', path: 'exports/users.tsv', text: ['user', 'password', 'team'].join(TAB) + '\n' + ['ops', '§', 'infra'].join(TAB) + '\n', value: rand(14) },
  ],
];

/** [reported only at low, a secret in the same shape reported at medium or high]. */
const lowered: Array<[Case, Case]> = [
  [
    { name: "shell expansion's default, a word", path: 'usr/bin/pass', text: 'X_SELECTION="${PASSWORD_STORE_X_SELECTION:-clipboard}"' },
    { name: "shell expansion's default, a random secret", path: 'usr/bin/deploy', text: 'SIGNING="${APP_SECRET:-§}"', value: rand(24) },
  ],
];

describe('shapes of R, Erlang and shell scripts reported at low only, each beside a secret in the same shape reported higher', () => {
  itLowersEachPair(lowered);
});

describeShapePairs('shapes of R, Emacs Lisp, Erlang, Tcl and shell code that hold no secret, each beside a secret in the same shape', pairs, { aboveLow: true });

describe("a document in an example's folder is documentation", () => {
  /** The level a finding gets at a path, from its own level and the path's context. */
  const levelsAt = (path: string, text: string, value: string) =>
    matcher.match(text, path).filter((m) => covers(m, value)).map((m) => confidenceIn(ruleset.byId.get(m.ruleId)!, m.confidence, pathContext(path)));

  it("reports a random key in an example folder's README at low", () => {
    const value = `${rand(43)}=`;
    const levels = levelsAt('usr/share/doc/wireguard-tools/examples/extract-handshakes/README', `    LOCAL_STATIC_PRIVATE_KEY = ${value}\n`, value);
    expect(levels.length).toBeGreaterThan(0);
    expect(levels).toEqual(levels.map(() => 'low'));
  });

  it("reports the same key in the example folder's other file at medium", () => {
    const value = `${rand(43)}=`;
    const levels = levelsAt('usr/share/doc/wireguard-tools/examples/extract-handshakes/keys.txt', `    LOCAL_STATIC_PRIVATE_KEY = ${value}\n`, value);
    expect(levels).toContain('medium');
  });
});
