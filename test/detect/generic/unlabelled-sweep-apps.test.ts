/**
 * Shapes that read as a credential-named assignment but hold no secret, found by scanning the
 * unlabelled sources of Python web applications and their plugins (Django and its apps, Flask
 * extensions, OAuth libraries, list and build servers), Ansible and its collections' modules and
 * roles, PHP applications (wikis, webmail, mail administration) and JavaScript applications:
 * each negative is written in the shape seen there, and beside it a positive holds a real secret
 * in the same shape, so the fix is the shape's and not one string's. Values are built at run time
 * from a seeded generator.
 */
import { valueMaker } from './shape-cases.js';
import type { ShapeCase as Case } from './shape-cases.js';
import { describe } from 'vitest';
import { describeShapePairs, itLowersEachPair } from './describe-shape-pairs.js';

const { rand, short } = valueMaker(0xa995e9);
const HEX = '0123456789abcdef';
/** A random UUID's 8-4-4-4-12 hex groups. */
const uuid = (): string => [8, 4, 4, 4, 12].map((n) => rand(n, HEX)).join('-');
/** A UUID made of filler: runs of the alphabet and of digits, and groups of one repeated digit. */
const fillerUuid = ['abcdef12', '0000', '0000', '0000', '0123456789ab'].join('-');
const runsUuid = ['1234abcd', '1234', 'abcd', '1234', 'abcd1234abcd'].join('-');

/** [not a secret, a secret in the same shape]. */
const pairs: Array<[Case, Case]> = [
  [
    { name: "UUID of zero groups and runs of the alphabet in a module's sample output", path: 'plugins/modules/networkfirewall_info.py', text: `            "update_token": "${fillerUuid}"` },
    { name: 'random UUID in the same sample output', path: 'plugins/modules/networkfirewall_info.py', text: '            "update_token": "§"', value: uuid() },
  ],
  [
    { name: "UUID of runs of digits and letters as a setting's example", path: 'social_core/backends/keycloak.py', text: `    SOCIAL_AUTH_KEYCLOAK_SECRET = '${runsUuid}'` },
    { name: 'random UUID under the same setting', path: 'social_core/backends/keycloak.py', text: "    SOCIAL_AUTH_KEYCLOAK_SECRET = '§'", value: uuid() },
  ],
  [
    { name: "Python tuple of two fields' names", path: 'plugins/modules/na_cloudmanager_cifs_server.py', text: "            ('password', 'workgroup_name')," },
    { name: 'tuple of a name and a random password', path: 'plugins/modules/na_cloudmanager_cifs_server.py', text: "            ('password', '§'),", value: rand(24) },
  ],
  [
    { name: "SQL list of columns' names", path: 'plugins/module_utils/user.py', text: "        WHERE TABLE_SCHEMA = 'mysql' AND COLUMN_NAME IN ('Password', 'authentication_string')" },
    { name: 'SQL list holding a random password', path: 'plugins/module_utils/user.py', text: "        WHERE TABLE_SCHEMA = 'mysql' AND COLUMN_NAME IN ('Password', '§')", value: rand(24) },
  ],
  [
    { name: "Django migration's dependency on a numbered migration", path: 'rest_framework/authtoken/migrations/0003_tokenproxy.py', text: "        ('authtoken', '0002_auto_20160226_1747')," },
    { name: 'random token in the same tuple', path: 'rest_framework/authtoken/migrations/0003_tokenproxy.py', text: "        ('authtoken', '§'),", value: rand(40) },
  ],
  [
    { name: "constant's name with a note after a dash, as a masked value is shown in a diff", path: 'plugins/modules/user.ps1', text: "    $Module.Diff.after.password = 'VALUE_SPECIFIED_IN_NO_LOG_PARAMETER - changed'" },
    { name: 'random password in the same diff', path: 'plugins/modules/user.ps1', text: "    $Module.Diff.after.password = '§'", value: short(16) },
  ],
  [
    { name: 'key cut short by an ellipsis in a module\'s example', path: 'plugins/modules/hcloud_certificate.py', text: '    private_key: "ssh-rsa AAAAB3NzaC1yc2E...Xq"' },
    { name: 'random key under the same example', path: 'plugins/modules/hcloud_certificate.py', text: '    private_key: "§"', value: rand(44) },
  ],
  [
    { name: "playbook's task names with prose's `default password` after a `machine`", path: 'plugins/modules/cs_instance_password_reset.py', text: '- name: stop the virtual machine first\n  cloud.compute.instance:\n    state: stopped\n- name: reset and get new default password\n  cloud.compute.instance_password_reset:' },
    { name: ".netrc's default entry with a random password", path: 'home/ci/.netrc', text: 'default login anonymous password §', value: rand(20) },
  ],
  [
    { name: "repository's signing-key file named in acronyms and words, a version's digit at its end", path: 'plugins/modules/repository.py', text: '    gpg_key: RPM-GPG-KEY-vendor-tools2' },
    { name: 'random key under the same field', path: 'plugins/modules/repository.py', text: '    gpg_key: §', value: `${rand(30)}${rand(2, '0123456789')}` },
  ],
];

describeShapePairs('shapes of web applications, Ansible modules and PHP applications that hold no secret, each beside a secret in the same shape', pairs);

/** [reported only at low, a secret in the same shape reported at medium or high]. */
const lowered: Array<[Case, Case]> = [
  [
    { name: "crypt scheme's name as a setting getter's default", path: 'plugins/password/drivers/ldap_simple.php', text: "        $pass_mode = $rcmail->config->get('password_ldap_encodage', 'md5-crypt');" },
    { name: 'random password as the same getter\'s default', path: 'plugins/password/drivers/ldap_simple.php', text: "        $pass_mode = $rcmail->config->get('password_ldap_encodage', '§');", value: rand(24) },
  ],
];

describe('shapes of web applications reported at low only, each beside a secret in the same shape reported higher', () => {
  itLowersEachPair(lowered);
});

/** A secret missed before, beside the code of the same shape that still holds none: [code, secret]. */
const read: Array<[Case, Case]> = [
  [
    { name: "YAML flow mapping's bare name", path: 'roles/db/defaults/main.yml', text: '  db: {user: app, password: dbPassword}' },
    { name: "YAML flow mapping's bare password", path: 'roles/db/defaults/main.yml', text: '  db: {user: app, password: §}', value: `${rand(18)}${rand(2, '0123456789')}` },
  ],
  [
    { name: "YAML list item's flow mapping with a bare name", path: 'roles/svc/vars/main.yml', text: '  - {name: svc, token: serviceToken}' },
    { name: "YAML list item's flow mapping with a bare token", path: 'roles/svc/vars/main.yml', text: '  - {name: svc, token: §}', value: `${rand(30)}${rand(2, '0123456789')}` },
  ],
  [
    { name: "JavaScript object of the same look, holding a variable", path: 'src/db.js', text: '  connection: {host: dbHost, password: dbPass}' },
    { name: 'YAML flow mapping holding a password', path: 'config/database.yml', text: '  connection: {host: db, password: §}', value: `${rand(15)}${rand(3, '0123456789')}` },
  ],
];

describeShapePairs("secrets in YAML flow mappings read, beside names in the same shape", read, { aboveLow: true });
