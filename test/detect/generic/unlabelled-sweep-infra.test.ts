/**
 * Shapes that read as a credential-named assignment but hold no secret, found by scanning the
 * unlabelled sources of infrastructure code (Ansible collections and their modules' docs, Jinja
 * templates of roles, cloud-init and its provisioning scripts): each negative is written in the
 * shape seen there, and beside it a positive holds a real secret in the same shape, so the fix is
 * the shape's and not one string's. Values are built at run time from a seeded generator.
 */
import { valueMaker } from './shape-cases.js';
import type { ShapeCase as Case } from './shape-cases.js';
import { describeShapePairs } from './describe-shape-pairs.js';

const { rand, short } = valueMaker(0x1f4a7e);

/** [not a secret, a secret in the same shape]. */
const pairs: Array<[Case, Case]> = [
  [
    { name: 'Jinja lookup of a file, whole', path: 'roles/deploy/tasks/main.yml', text: `    deploy_private_key: '{{ lookup("file", "keys/deploy") }}'` },
    { name: 'key written out in the same task', path: 'roles/deploy/tasks/main.yml', text: "    deploy_private_key: '§'", value: rand(40) },
  ],
  [
    { name: 'Jinja lookup through a filter into a field', path: 'plugins/inventory/cloud.py', text: `    cloud_password: '{{ (lookup("pipe", "sops -d keys.yaml") | from_yaml).cloud_password }}'` },
    { name: 'password in the same inventory doc', path: 'plugins/inventory/cloud.py', text: "    cloud_password: '§'", value: short(14) },
  ],
  [
    { name: 'Jinja variable after a type tag in an answer file', path: 'roles/setup/templates/answers.txt.j2', text: 'APP_SETUP_DATABASE/password=str:{{app_setup_database_admin_password}}' },
    { name: 'typed literal in an answer file', path: 'roles/setup/templates/answers.txt.j2', text: 'APP_SETUP_DATABASE/password=str:§', value: short(14) },
  ],
  [
    { name: 'Jinja set from an expression', path: 'roles/users/templates/users.j2', text: '{% set secret = user.secret_kind|string+" "+user.secret %}' },
    { name: 'secret in the rendered config', path: 'roles/users/files/users.conf', text: 'secret = §', value: rand(24) },
  ],
  [
    { name: "password lookup's file and options (a generated password)", path: 'roles/agent/tasks/psk.yml', text: `    agent_psk_secret: "{{ lookup('password', '/dev/null chars=hexdigits length=64') }}"` },
    { name: 'secret written in the vars', path: 'roles/agent/vars/main.yml', text: '    agent_psk_secret: "§"', value: rand(64, '0123456789abcdef') },
  ],
  [
    { name: 'URL template under a base placeholder', path: 'plugins/module_utils/idp.py', text: 'URL_CLIENT_SECRET = "{base}/admin/tenants/{tenant}/apps/{id}/client-secret"' },
    { name: 'client secret constant', path: 'plugins/module_utils/idp.py', text: 'CLIENT_SECRET = "§"', value: rand(32) },
  ],
  [
    { name: 'format string formatted where it stands', path: 'plugins/modules/cloud_vm.py', text: '    request_token = "Ansible-Cloud-{0}-{1}".format(digest, stamp)' },
    { name: 'token literal in a module', path: 'plugins/modules/cloud_vm.py', text: '    request_token = "§"', value: rand(32) },
  ],
  [
    { name: 'JSONPath template naming a field', path: 'plugins/modules/cluster.py', text: "        'token-key': '{.user.auth_token}'," },
    { name: 'token in the same dict', path: 'plugins/modules/cluster.py', text: "        'token': '§',", value: rand(40) },
  ],
  [
    { name: "ARM template's parameter expression", path: 'plugins/modules/cloud_deployment.py', text: `                vmAdminPassword: "[parameters('vmAdminPassword')]"` },
    { name: 'password written in the template', path: 'plugins/modules/cloud_deployment.py', text: '                vmAdminPassword: "§"', value: short(14) },
  ],
  [
    { name: 'dict item set from a variable', path: 'plugins/modules/otp.py', text: "    new_token['secretkey'] = b64value" },
    { name: 'dict item set from a literal', path: 'plugins/modules/otp.py', text: "    new_token['secretkey'] = '§'", value: rand(32) },
  ],
  [
    { name: 'chained member set from a variable', path: 'plugins/modules/policy.py', text: '        self.client._AUTH_TOKEN = api_token_v2' },
    { name: 'chained member set from a literal', path: 'plugins/modules/policy.py', text: "        self.client._AUTH_TOKEN = '§'", value: rand(32) },
  ],
  [
    { name: 'names unpacked from a tuple', path: 'plugins/plugin_utils/cert.py', text: '    cert, key, p12_password = bundle' },
    { name: 'password literal beside', path: 'plugins/plugin_utils/cert.py', text: "    p12_password = '§'", value: short(14) },
  ],
  [
    { name: 'PowerShell command by its Verb-Noun name', path: 'plugins/modules/win_exec.ps1', text: '$hiddenPassword = Hide-Argument $password' },
    { name: 'PowerShell password literal', path: 'plugins/modules/win_exec.ps1', text: "$hiddenPassword = '§'", value: short(14) },
  ],
  [
    { name: "PowerShell type's member", path: 'plugins/modules/win_cred.ps1', text: '    "machine" { [Acme.Vault.CredentialPersist]::Machine }' },
    { name: 'secret in a PowerShell hashtable', path: 'plugins/modules/win_cred.ps1', text: "    @{ Secret = '§' }", value: rand(24) },
  ],
  [
    { name: 'PowerShell hashtable of an argument spec', path: 'plugins/module_utils/Db.psm1', text: "    db_password = @{type = 'str'; required = $false; no_log = $true }" },
    { name: 'PowerShell hashtable holding a password', path: 'plugins/module_utils/Db.psm1', text: "    $conn = @{ db_password = '§' }", value: short(14) },
  ],
  [
    { name: "shell case arm's globs", path: 'tools/boot-init', text: '    admin-pass=*|admin_pass=*) admin_pass=${arg#*=};;' },
    { name: 'password set in the same script', path: 'tools/boot-init', text: '    admin_pass="§"', value: short(14) },
  ],
  [
    { name: 'option names matched as alternatives', path: 'sources/helpers/config.py', text: '    TOKEN = "TOKEN|-TOK"' },
    { name: 'token constant', path: 'sources/helpers/config.py', text: '    TOKEN = "§"', value: rand(32) },
  ],
];

describeShapePairs('shapes of infrastructure code that hold no secret, each beside a secret in the same shape', pairs);
