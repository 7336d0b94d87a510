import { describe, expect, it } from 'vitest';
import { pathContext } from '../../src/scan/path-context.js';

describe('pathContext', () => {
  it.each([
    ['test/fixtures/config.yml', 'test'],
    ['pkg/__tests__/client.ts', 'test'],
    ['spec/models/user_spec.rb', 'test'],
    ['internal/auth/token_test.go', 'test'],
    ['src/client.test.ts', 'test'],
    ['src/client.spec.js', 'test'],
    ['tests/test_login.py', 'test'],
    ['app/conftest.py', 'test'],
    ['allauth/account/tests.py', 'test'],
    ['providers/dwolla/test.py', 'test'],
    ['src/main/java/app/ClientTest.java', 'test'],
    ['pkg/parser/testdata/key.pem', 'test'],
    ['lib/__mocks__/aws.js', 'test'],
    ['gtests/pk11_gtest/hpke-vectors.json', 'test'],
    ['gtests/freebl_gtest/kat/Hash_DRBG.rsp', 'test'],
    ['regress/misc/fuzz-harness/fixed-keys.h', 'test'],
    ['selftest/target/Samba3.pm', 'test'],
    ['testprogs/blackbox/test_net_rpc_user.sh', 'test'],
    ['examples/basic/main.go', 'example'],
    ['samples/app.config', 'example'],
    ['demo/settings.py', 'example'],
    ['.env.example', 'example'],
    ['config/database.yml.sample', 'example'],
    ['config.php.dist', 'example'],
    ['docs/setup.html', 'docs'],
    ['README', 'docs'],
    ['guide/install.md', 'docs'],
    ['api.rst', 'docs'],
    ['lib/python3/dist-packages/proxmoxer-1.2.0.egg-info/PKG-INFO', 'docs'],
    ['vendor/github.com/x/y/client.go', 'vendor'],
    ['third_party/lib/conf.c', 'vendor'],
    // A Rust crate's tests module in its own file, and folders named for what a test uses.
    ['src/tests.rs', 'test'],
    ['share/rust-rustls/test-ca/rsa/end.key', 'test'],
    ['certs/test_keys/client.pem', 'test'],
    // Precedence: a test inside docs or vendored code is a test.
    ['docs/examples/tests/a.txt', 'test'],
    ['vendor/lib/examples/run.sh', 'example'],
    ['usr/share/doc/wireguard-tools/examples/extract-handshakes/README', 'docs'],
    ['examples/basic/notes.md', 'docs'],
    ['examples/basic/config.example.md', 'example'],
  ])('%s is %s', (path, context) => {
    expect(pathContext(path)).toBe(context);
  });

  it.each([
    'src/config.ts', '.env', 'deploy/creds.ini', 'keys/id_rsa', 'config/secrets.txt', 'src/latest.go',
    'attestation/contest.py', 'app/requests.py', 'lib/latests.py', 'src/Testing.java', 'app/testimonials.rb', 'build/app-dist.js', 'docsite.yml',
    'lib/crypto-selftests-pk.c', 'src/regression.c',
    'src/contests.rs', 'src/latest.rs', 'testimonials/keys.pem', 'tester/app.key',
  ])('%s is ordinary', (path) => {
    expect(pathContext(path)).toBeNull();
  });
});
