/**
 * Noise that unlabelled sweeps still found at medium or high after the earlier shape fixes: a
 * resource's name under `credentials:`, an IL listing's label and opcode, .NET directory calls'
 * schema classes, a telephony log's AccountID, and test-vector keys whose bytes count up. Each is
 * written in the shape seen, beside a secret (or an AWS account) in the same shape, so the fix is
 * the shape's and not one string's. Values are built at run time from a seeded generator.
 */
import { describe } from 'vitest';
import { ALNUM, LOWER, valueMaker } from './shape-cases.js';
import type { ShapeCase as Case } from './shape-cases.js';
import { describeShapePairs, itLowersEachPair } from './describe-shape-pairs.js';

const { rand } = valueMaker(0x10f7e5);

const HEX = '0123456789abcdef';
const DIGITS = '0123456789';
/** A 12-digit account that is none of documentation's. */
const account = (): string => `${rand(1, '123456789')}${rand(11, DIGITS)}`;
/** `n` bytes in hex counting by `step` from `first`, as RFC test vectors key their examples. */
const counting = (first: number, n: number, step = 1): string => Array.from({ length: n }, (_, i) => ((first + step * i) & 0xff).toString(16).padStart(2, '0')).join('');
/** A random mixed-case value ending in a digit, lower-case first, as a name would be. */
const mixedWithDigit = (): string => `${rand(1, LOWER)}${rand(13, ALNUM)}${rand(1, DIGITS)}`;

const pairs: Array<[Case, Case]> = [
  // 1. A variable's or a resource's name under a credential key: lower camelCase words and a number.
  [
    { name: "Ansible task's credentials naming a vCenter variable", path: 'roles/vcenter/tasks/main.yml', text: '    credentials: vCenterCredentials1' },
    { name: "Ansible task's credentials holding a random value", path: 'roles/vcenter/tasks/main.yml', text: '    credentials: §', value: mixedWithDigit() },
  ],
  [
    { name: "YAML token naming a stored secret's resource", path: 'deploy/values.yaml', text: '  token: githubDeployToken2' },
    { name: 'YAML token holding a random value', path: 'deploy/values.yaml', text: '  token: §', value: mixedWithDigit() },
  ],
  // 2. An IL or assembly listing's label, a tab, and an opcode.
  [
    { name: "IL label and its opcode", path: 'src/Emit/Compare.il', text: 'PASS:\tldc.i4.0' },
    { name: 'pass key and a tab before a random value', path: 'conf/service.yml', text: 'pass:\t§', value: rand(18) },
  ],
  // 3. .NET DirectoryEntries calls: the second argument is a schema class, not a password.
  [
    { name: 'DirectoryEntries.Find with a schema class', path: 'src/Ad/Replication.cs', text: '            var settings = server.Children.Find("CN=NTDS Settings", "nTDSDSA");' },
    { name: 'LDAP bind with a literal DN and password', path: 'src/Ad/Bind.cs', text: '            connection.Bind("CN=svc-sync,OU=Service,DC=corp", "§");', value: rand(16) },
  ],
  [
    { name: 'DirectoryEntries.Add with a schema class', path: 'src/Ad/Provision.cs', text: '            var ou = root.Children.Add("OU=Contractors", "organizationalUnit");' },
    { name: 'bind call with a literal DN and password', path: 'src/ldap/bind.go', text: '\terr = l.Bind("uid=deploy,ou=people,dc=corp", "§")', value: rand(14) },
  ],
  // 4. An AccountID in a system that is not AWS: a telephony server's security log.
  [
    { name: "Asterisk security log's AccountID", path: 'logs/asterisk/security', text: `SecurityEvent="FailedACL",EventVersion="1",Service="SIP",AccountID="${account()}",SessionID="0x7f5c"` },
    { name: 'AccountID beside an AWS ARN', path: 'deploy/stack.json', text: '{"AccountID": "§", "RoleArn": "arn:aws:iam::§:role/deploy"}', value: account() },
  ],
  [
    { name: "Asterisk config's AccountID", path: 'etc/asterisk/sip.conf', text: `AccountID="${account()}"` },
    { name: 'an AWS account id setting', path: 'infra/terraform.tfvars', text: 'aws_account_id = "§"', value: account() },
  ],
];

/** 5. Pre-shared keys whose bytes count up or down: test vectors, kept at low. */
const vectors: Array<[Case, Case]> = [
  [
    { name: 'hostapd PSK counting up from 00', path: 'tests/hostapd/wpa-psk.conf', text: `wpa_psk=${counting(0, 32)}` },
    { name: 'hostapd PSK of random bytes', path: 'tests/hostapd/wpa-psk.conf', text: 'wpa_psk=§', value: rand(64, HEX) },
  ],
  [
    { name: 'C PSK counting up from 00', path: 'test/tls-psk.c', text: `static const char *psk = "${counting(0, 16)}";` },
    { name: 'C PSK of random bytes', path: 'test/tls-psk.c', text: 'static const char *psk = "§";', value: rand(32, HEX) },
  ],
  [
    { name: 'PSK in capitals counting up past ff', path: 'tests/ipsec/psk.conf', text: `psk = "${counting(0xf0, 24).toUpperCase()}"` },
    { name: 'PSK of random bytes', path: 'tests/ipsec/psk.conf', text: 'psk = "§"', value: rand(48, HEX) },
  ],
  [
    { name: 'Python PSK counting down from ff', path: 'tests/test_psk.py', text: `PSK = "${counting(0xff, 20, -1)}"` },
    { name: 'Python PSK of random bytes', path: 'tests/test_psk.py', text: 'PSK = "§"', value: rand(40, HEX) },
  ],
];

describeShapePairs('leftover noise under credential names and account keys, each beside a secret in the same shape', pairs);
describe('test-vector keys whose bytes count up, each beside a random key in the same shape', () => {
  itLowersEachPair(vectors);
});
