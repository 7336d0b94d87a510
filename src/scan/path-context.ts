/**
 * What a file's path says about the text in it, from common conventions across languages:
 * tests and their fixtures, examples and templates, documentation, vendored third-party code, or
 * none of these (ordinary code and configuration). Used to lower a finding's confidence, never
 * to drop it. A path in several contexts gets the first of test, example, docs, vendor, save a
 * document (README, *.md) in an example's folder, which is documentation.
 */
export type PathContext = 'test' | 'example' | 'docs' | 'vendor';

/** Folder names, compared lower-case. */
const DIRS: ReadonlyArray<[PathContext, ReadonlySet<string>]> = [
  ['test', new Set([
    'test', 'tests', '_test', '_tests', '__tests__', 'spec', 'specs', 'testdata', 'test-data', 'test_data', 'testing', 'e2e',
    'fixture', 'fixtures', '__fixtures__', 'mock', 'mocks', '__mocks__', 'stub', 'stubs', 'cassettes',
    // C and C++ projects' suites and their known-answer vectors: Google Test's gtests (NSS),
    // regress (OpenSSH, PostgreSQL, sudo), selftest and testprogs (Samba), testsuite, kat.
    'gtest', 'gtests', 'unittest', 'unittests', 'regress', 'selftest', 'selftests', 'testsuite', 'testprogs',
    'kat', 'testvectors', 'test-vectors', 'test_vectors',
  ])],
  ['example', new Set(['example', 'examples', '_example', '_examples', 'sample', 'samples', 'demo', 'demos', 'template', 'templates', 'skeleton'])],
  ['docs', new Set(['doc', 'docs', 'documentation', '_docs', 'man'])],
  ['vendor', new Set(['vendor', 'vendors', 'third_party', 'third-party', 'thirdparty', '3rdparty', 'node_modules', 'bower_components'])],
];

/** File names, lower-case, per context; `Cased` tests the name as it is. */
const FILES: ReadonlyArray<[PathContext, RegExp]> = [
  // foo_test.go, foo.test.ts, foo-spec.js, foo.spec.rb, foo_spec.rb, test_foo.py, conftest.py,
  // and a Python package's own tests.py or test.py module (Django's convention for an app's tests),
  // and a Rust crate's tests.rs, the file of a `#[cfg(test)] mod tests;`
  ['test', /(?:[._-](?:test|tests|spec|specs)\.[a-z0-9]{1,10}$)|(?:^test_[^/]{1,200}\.py$)|(?:^(?:conftest|tests?)\.py$)|(?:^tests?\.rs$)/],
  // .env.example, config.sample.yml, settings.py.dist, app.yaml.tmpl, config-example.json
  ['example', /(?:\.(?:example|sample|template|tmpl|tpl|dist)(?:\.[a-z0-9]{1,10})?$)|(?:[._-](?:example|sample)s?\.[a-z0-9]{1,10}$)/],
  // Markdown, reStructuredText, AsciiDoc and the like, and README/CHANGELOG-like files of any extension;
  // a Python distribution's PKG-INFO, which carries its README as the long description
  ['docs', /(?:\.(?:md|mdx|markdown|rst|adoc|asciidoc|textile|rdoc|pod)$)|(?:^(?:readme|changelog|changes|history|contributing)(?:\.[a-z0-9]{1,10})?$)|(?:^pkg-info$)/],
];
// FooTest.java, FooTests.cs, FooSpec.scala, FooIT.java
const TEST_FILE_CASED = /[a-z0-9](?:Test|Tests|Spec|IT)\.(?:java|kt|scala|groovy|cs|swift|php)$/;

/** A folder named for what a test uses: test-ca, test_keys, tests-integration, testdata-v2. */
const TEST_PREFIXED_DIR = /^tests?(?:data)?[-_][a-z0-9]/;

const PRECEDENCE: readonly PathContext[] = ['test', 'example', 'docs', 'vendor'];
const DIR_CONTEXT = new Map<string, PathContext>(DIRS.flatMap(([context, names]) => [...names].map((name) => [name, context] as const)));

export function pathContext(path: string): PathContext | null {
  const segments = path.split('/');
  const base = segments[segments.length - 1] ?? '';
  const lowerBase = base.toLowerCase();
  const found = new Set<PathContext>();
  for (let i = 0; i < segments.length - 1; i++) {
    const segment = segments[i]!.toLowerCase();
    const context = DIR_CONTEXT.get(segment) ?? (TEST_PREFIXED_DIR.test(segment) ? 'test' : undefined);
    if (context !== undefined) found.add(context);
  }
  const named = new Set<PathContext>();
  for (const [context, re] of FILES) if (re.test(lowerBase)) named.add(context);
  if (TEST_FILE_CASED.test(base)) named.add('test');
  // A document in an example's folder (examples/extract-handshakes/README) is prose about the
  // example, not the example itself: its file name's context comes before the folder's.
  if (named.has('docs') && !named.has('example') && found.has('example') && !found.has('test')) return 'docs';
  for (const context of named) found.add(context);
  return PRECEDENCE.find((c) => found.has(c)) ?? null;
}
