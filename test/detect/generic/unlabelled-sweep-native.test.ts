/**
 * Shapes that read as a credential-named assignment but hold no secret, found by scanning the
 * unlabelled sources of C and C++ libraries and tools with crypto, auth and network code (TLS,
 * SSH and SASL libraries, SNMP, Wi-Fi and VPN daemons, proxies and web servers, database
 * clients) with their test suites and example configs: each negative is written in the shape
 * seen there, and beside it a positive holds a real secret in the same shape, so the fix is the
 * shape's and not one string's. Values are built at run time from a seeded generator.
 */
import { valueMaker } from './shape-cases.js';
import type { ShapeCase as Case } from './shape-cases.js';
import { describeShapePairs } from './describe-shape-pairs.js';

const { rand, short } = valueMaker(0x0a71e5);
const HEX = '0123456789abcdef';
const dashes = '-'.repeat(5);
const armour = (edge: string): string => `${dashes}${edge} RSA PRIVATE KEY${dashes}`;

/** [not a secret, a secret in the same shape]. */
const pairs: Array<[Case, Case]> = [
  [
    { name: "PEM armour line kept as a macro to find a key's bounds", path: 'library/pkwrite.c', text: `#define PEM_END_PRIVATE_KEY_RSA     "${armour('END')}\\n"` },
    { name: "a key's passphrase in a macro", path: 'library/pkwrite.c', text: '#define PEM_PRIVATE_KEY_PASSWORD     "§"', value: short(14) },
  ],
  [
    { name: 'message ending in an escaped line break', path: 'src/interfaces/libpq/libpq-fe.h', text: '#define PQnoPasswordSupplied\t"fe_sendauth: no password supplied\\n"' },
    { name: 'password in a macro of the same header', path: 'src/interfaces/libpq/libpq-fe.h', text: '#define PQdefaultPassword\t"§"', value: short(14) },
  ],
  [
    { name: "object files listed in a makefile under a library's name", path: 'src/Makefile.in', text: 'am_libcmd_psk_la_OBJECTS = psktool-options.lo psktool-common.lo' },
    { name: 'pre-shared key in the same makefile', path: 'src/Makefile.in', text: 'TEST_PSK = §', value: rand(32, HEX) },
  ],
  [
    { name: "MIB object's name under a config token's name", path: 'agent/mibgroup/tlstm-mib/snmpTlstmAddrTable.c', text: '    static const char mib_token[] = "snmpTlstmCertToTSNEntry";' },
    { name: 'token in the same declaration', path: 'agent/mibgroup/tlstm-mib/snmpTlstmAddrTable.c', text: '    static const char mib_token[] = "§";', value: rand(24) },
  ],
  [
    { name: "MIB table's name in a token's macro", path: 'snmplib/cert_util.c', text: '#define FILTER_CONFIG_TOKEN "snmpNotifyFilterTable"' },
    { name: 'letters drawn at random in the same macro', path: 'snmplib/cert_util.c', text: '#define FILTER_CONFIG_TOKEN "§"', value: rand(24, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ') },
  ],
  [
    { name: "ternary's arms ending a statement", path: 'src/common/wpa_common.c', text: '\t\t\t"WPA2-PSK" : "WPA-PSK";' },
    { name: "object member's value, ending in a comma", path: 'src/common/wpa_common.c', text: '\t\t\t"psk" : "§",', value: rand(32, HEX) },
  ],
  [
    { name: 'cipher-suite list read as suite: suite', path: 'src/mod_tls.c', text: '"TLS_AES_128_GCM_SHA256:ECDHE-RSA-PSK-CHACHA20-POLY1305:DHE-PSK-CHACHA20-POLY1305:ECDHE-PSK-AES128-CBC-SHA256:PSK-AES256-GCM-SHA384"' },
    { name: 'pre-shared key after an identity in the same list shape', path: 'src/mod_tls.c', text: '"RSA-PSK:§"', value: rand(24) },
  ],
  [
    { name: 'name combined with another by an operator', path: 'addons/device/lru.c', text: '    unsigned long long seed = lru_seed ^ (long)args;' },
    { name: 'seed as a literal in the same declaration', path: 'addons/device/lru.c', text: '    const char *seed = "§";', value: rand(24) },
  ],
  [
    { name: "property element's key attribute before its value attribute", path: 'nbproject/configurations.xml', text: '<property key="oXC32asm-list-to-file" value="false"/>' },
    { name: "an entry's key attribute holding a key", path: 'nbproject/configurations.xml', text: '<entry key="§"/>', value: rand(32) },
  ],
];

describeShapePairs('shapes of C and C++ crypto, auth and network code that hold no secret, each beside a secret in the same shape', pairs);
