/**
 * Credentials in the files people commit by mistake (settings of FTP and sync clients, Hibernate
 * and Java XML properties, Android string resources, property lists, wp-config.php): each shape
 * that holds a secret beside a same-shape line that holds none. Values are built at run time from
 * a seeded generator.
 */
import { ALNUM, valueMaker } from './shape-cases.js';
import type { ShapeCase as Case } from './shape-cases.js';
import { describeShapePairs } from './describe-shape-pairs.js';

const { rand, short } = valueMaker(0x5a17c3);

/** WordPress's salt generator draws from letters, digits, symbols and the space. */
const SALT_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!@#%^&*()-_[]<>~+=,.;:/?| ';
const uuid = (): string => [rand(8, '0123456789abcdef'), rand(4, '0123456789abcdef'), `4${rand(3, '0123456789abcdef')}`, `a${rand(3, '0123456789abcdef')}`, rand(12, '0123456789abcdef')].join('-');

/** A salt with a space and a `{word}` or `$1` in it, which a message's parameter looks like. */
const saltWithBraces = (): string => `${rand(20, SALT_CHARS)} ${rand(10, SALT_CHARS)}{${rand(4)}}${rand(27, SALT_CHARS)}`.replace(/ {2,}/g, ' ');
const saltWithDollarDigit = (): string => `${rand(22, SALT_CHARS)} ${rand(12, SALT_CHARS)};$${rand(1, '0123456789')}#${rand(26, SALT_CHARS)}`.replace(/ {2,}/g, ' ');

/**
 * A salt that starts with `.` and holds a `)`, as a concatenation after a closed string would
 * (its next characters no dot: three dots would be an ellipsis, a placeholder).
 */
const saltWithDotAndBracket = (): string => `.${rand(2, ALNUM)}${rand(16, SALT_CHARS.replace(/ /g, ''))})${rand(40, SALT_CHARS.replace(/ /g, ''))}`;

/** [not a secret, a secret in the same shape]. */
const pairs: Array<[Case, Case]> = [
  [
    { name: 'FileZilla server without a saved password', path: 'filezilla/recentservers.xml', text: '      <Pass encoding="base64"></Pass>' },
    { name: 'FileZilla saved password, base64', path: 'filezilla/recentservers.xml', text: '      <Pass encoding="base64">§</Pass>', value: Buffer.from(short(12)).toString('base64') },
  ],
  [
    { name: 'FileZilla proxy user', path: 'filezilla/filezilla.xml', text: '    <Setting name="Proxy user">deploy</Setting>' },
    { name: 'FileZilla proxy password', path: 'filezilla/filezilla.xml', text: '    <Setting name="Proxy password">§</Setting>', value: short(12) },
  ],
  [
    { name: 'Hibernate password from a property', path: 'src/main/resources/hibernate.cfg.xml', text: '    <property name="hibernate.connection.password">${db.password}</property>' },
    { name: 'Hibernate password written out', path: 'src/main/resources/hibernate.cfg.xml', text: '    <property name="hibernate.connection.password">§</property>', value: short(14) },
  ],
  [
    { name: 'Android string naming a hint', path: 'app/src/main/res/values/strings.xml', text: '    <string name="password_hint">Enter your password</string>' },
    { name: 'Android string holding an API key', path: 'app/src/main/res/values/strings.xml', text: '    <string name="maps_api_key">§</string>', value: rand(32) },
  ],
  [
    { name: 'HTML anchor named after a heading', path: 'doc/guide/admin/guide.html', text: '<H2><A NAME="Password Policies">12.10. Password Policies</A></H2>' },
    { name: 'Java XML properties entry', path: 'conf/app.properties.xml', text: '<entry key="db.password">§</entry>', value: short(12) },
  ],
  [
    { name: 'property list: a usage description', path: 'App/Info.plist', text: '\t<key>NSFaceIDUsageDescription</key>\n\t<string>Unlock your saved tokens</string>' },
    { name: 'property list: an API secret', path: 'App/Info.plist', text: '\t<key>ApiSecret</key>\n\t<string>§</string>', value: rand(32) },
  ],
  [
    { name: 'a message with a parameter under a password key', path: 'languages/nl.php', text: "\t'password_invalid' => 'Ongeldig wachtwoord voor {user}',"},
    { name: 'a WordPress salt with a space and braces in it', path: 'wp-config.php', text: "define( 'AUTH_SALT', '§' );", value: saltWithBraces() },
  ],
  [
    { name: 'a message with a numbered parameter', path: 'languages/messages.php', text: "\t'token_expired' => 'Token $1 has expired.',"},
    { name: 'a WordPress salt with a space and $ and a digit', path: 'wp-config.php', text: "define( 'NONCE_SALT', '§' );", value: saltWithDollarDigit() },
  ],
  [
    { name: 'a URL with an id in its path and no password', path: 'src/monitor.py', text: `API_URL = "https://zbx.acme.dev:8443/api/v1/hosts/${uuid()}"` },
    { name: "a UUID in a URL's password slot (an API key)", path: 'src/monitor.py', text: 'API_URL = "https://monitor:§@zbx.acme.dev:8443"', value: uuid() },
  ],
  [
    { name: "msmtp reading its password from a command", path: 'dotfiles/.msmtprc', text: 'passwordeval "gpg --quiet --for-your-eyes-only --no-tty --decrypt ~/.msmtp-password.gpg"' },
    { name: 'msmtp password on its own line', path: 'dotfiles/.msmtprc', text: 'account default\nhost smtp.acme.dev\nuser joe@acme.dev\npassword §', value: short(14) },
  ],
  [
    { name: 'fetchmail password from the environment', path: 'home/joe/.fetchmailrc', text: 'poll pop.acme.dev protocol pop3 user "joe" password "${MAIL_PASSWORD}"' },
    { name: 'fetchmail password inline', path: 'home/joe/.fetchmailrc', text: 'poll pop.acme.dev protocol pop3 user "joe" password "§" is joe here', value: short(12) },
  ],
  [
    { name: 'a Wi-Fi network without a key', path: 'etc/wpa_supplicant/wpa_supplicant.conf', text: 'network={\n\tssid="HomeNet"\n\tkey_mgmt=NONE\n\tpsk_file="/etc/wpa.psk"\n}' },
    { name: "a Wi-Fi network's pre-shared key", path: 'etc/wpa_supplicant/wpa_supplicant.conf', text: 'network={\n\tssid="HomeNet"\n\tpsk="§"\n}', value: short(14) },
  ],
  [
    { name: "an IPsec tunnel's key from the environment", path: 'vpn/tunnel.conf', text: 'pre_shared_key = ${VPN_PSK}' },
    { name: "an IPsec tunnel's pre-shared key", path: 'system-connections/office.nmconnection', text: '[vpn]\npre-shared-key=§', value: rand(24) },
  ],
  [
    { name: "an autoconf test of a feature's variable", path: 'configure', text: '      if test "x$found_openssl_with_psk" = "xyes"; then' },
    { name: "a shell script's pre-shared key", path: 'scripts/vpn-up.sh', text: 'VPN_PSK="§"', value: rand(24) },
  ],
  [
    { name: 'a CSS pseudo-class after an attribute selector', path: 'ui/js/tabs.js', text: "\t\tconst tls_in_psk = !!document.querySelector('[name=tls_in_psk]:checked');" },
    { name: "a form's default pre-shared key", path: 'ui/js/tabs.js', text: "\t\tconst defaults = { tls_psk: '§' };", value: rand(32, '0123456789abcdef') },
  ],
  [
    { name: 'a salt read from a variable, concatenated after a closed string', path: 'lib/hash.php', text: "\t$url = $base . '?salt='.urlencode($salt).'&v=1';" },
    { name: 'a WordPress salt starting with a dot and holding a bracket', path: 'wp-config.php', text: "define( 'SECURE_AUTH_SALT', '§' );", value: saltWithDotAndBracket() },
  ],
  [
    { name: 'a nonce concatenated after a closed string', path: 'src/api.js', text: "  const u = '/api?op=1&nonce='.concat(nonce);" },
    { name: 'a salt literal starting with a dot and holding a bracket', path: 'app/Config/core.php', text: "\t$salt = '§';", value: saltWithDotAndBracket() },
  ],
];

describeShapePairs('config formats people commit by mistake', pairs);
