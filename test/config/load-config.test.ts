import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { LeakwatchError } from '../../src/errors.js';
import { loadConfig } from '../../src/config/load-config.js';

const repoRoot = resolve(import.meta.dirname, '../..');

function caught(fn: () => unknown): LeakwatchError {
  try {
    fn();
  } catch (err) {
    if (err instanceof LeakwatchError) return err;
    throw err;
  }
  throw new Error('expected a LeakwatchError');
}

describe('loadConfig', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'leakwatch-config-'));
  });

  function write(name: string, text: string): string {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  }

  it('loads the shipped config/default.yaml with a static inventory, no AWS and no database URL', () => {
    const { config, path } = loadConfig({ cwd: repoRoot, env: {} });
    expect(path).toBe(join(repoRoot, 'config/default.yaml'));
    expect(config.inventory.codecommit.enabled).toBe(false);
    expect(config.inventory.staticFile).toBe(join(repoRoot, 'config/inventory.example.yaml'));
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe(join(repoRoot, '.leakwatch'));
    expect(config.response.defaultPolicy).toBe('notify');
  });

  it('falls back to built-in defaults when there is no config file at all', () => {
    const { config, path } = loadConfig({ cwd: dir, env: {} });
    expect(path).toBeNull();
    expect(config.inventory.staticFile).toBeUndefined();
    expect(config.http.port).toBe(8080);
  });

  it('prefers --config over LEAKWATCH_CONFIG over config/default.yaml', () => {
    mkdirSync(join(dir, 'config'));
    write('config/default.yaml', 'logLevel: warn\n');
    const fromEnv = write('env.yaml', 'logLevel: error\n');
    const fromFlag = write('flag.yaml', 'logLevel: debug\n');
    expect(loadConfig({ cwd: dir, env: {} }).config.logLevel).toBe('warn');
    expect(loadConfig({ cwd: dir, env: { LEAKWATCH_CONFIG: fromEnv } }).config.logLevel).toBe('error');
    expect(loadConfig({ cwd: dir, env: { LEAKWATCH_CONFIG: fromEnv }, configPath: fromFlag }).config.logLevel).toBe(
      'debug',
    );
  });

  it('applies env overrides over the file, coercing integers, booleans and lists', () => {
    const path = write('c.yaml', 'mirror:\n  concurrency: 2\ninventory:\n  codecommit:\n    regions: [us-east-1]\n');
    const { config } = loadConfig({
      configPath: path,
      env: {
        LEAKWATCH_MIRROR_CONCURRENCY: '8',
        LEAKWATCH_INVENTORY_CODECOMMIT_ENABLED: 'yes',
        LEAKWATCH_INVENTORY_CODECOMMIT_REGIONS: 'eu-west-1, us-west-2',
        LEAKWATCH_HTTP_SNS_TOPIC_ARNS: '["arn:aws:sns:eu-west-1:111122223333:t"]',
        LEAKWATCH_DATABASE_URL: 'postgres://db/leakwatch',
        LEAKWATCH_HTTP_PORT: '',
      },
    });
    expect(config.mirror.concurrency).toBe(8);
    expect(config.mirror.retries).toBe(3);
    expect(config.inventory.codecommit.enabled).toBe(true);
    expect(config.inventory.codecommit.regions).toEqual(['eu-west-1', 'us-west-2']);
    expect(config.http.snsTopicArns).toEqual(['arn:aws:sns:eu-west-1:111122223333:t']);
    expect(config.databaseUrl).toBe('postgres://db/leakwatch');
    expect(config.http.port).toBe(8080);
  });

  it('lists every problem with its path in one config error', () => {
    const path = write(
      'bad.yaml',
      [
        'logLevel: loud',
        'mirror:',
        '  concurrency: 0',
        '  retrys: 2',
        'schedule:',
        '  watch: every five minutes',
        'inventory:',
        '  defaultOwner: not-an-email',
        '  codecommit:',
        '    regions: eu-west-1',
      ].join('\n'),
    );
    const err = caught(() => loadConfig({ configPath: path, env: { LEAKWATCH_HTTP_PORT: 'eighty' } }));
    expect(err.code).toBe('config');
    const lines = err.message.split('\n');
    expect(lines[0]).toContain(path);
    for (const expected of [
      /^ {2}logLevel: /,
      /^ {2}mirror\.concurrency: /,
      /^ {2}mirror\.retrys: unknown option$/,
      /^ {2}schedule\.watch: Not a valid cron expression$/,
      /^ {2}inventory\.defaultOwner: /,
      /^ {2}inventory\.codecommit\.regions: /,
      /^ {2}http\.port: expected an integer, got "eighty" \(from LEAKWATCH_HTTP_PORT\)$/,
    ]) {
      expect(lines.some((line) => expected.test(line)), String(expected)).toBe(true);
    }
    expect(lines).toHaveLength(8);
  });

  it('names the env var when an override value fails the schema', () => {
    const err = caught(() => loadConfig({ cwd: dir, env: { LEAKWATCH_RESPONSE_DEFAULT_POLICY: 'destroy' } }));
    expect(err.message).toMatch(/response\.defaultPolicy: .*\(from LEAKWATCH_RESPONSE_DEFAULT_POLICY\)/);
  });

  it('reports a missing --config file as a config error naming the path', () => {
    const err = caught(() => loadConfig({ cwd: dir, env: {}, configPath: 'nope.yaml' }));
    expect(err.code).toBe('config');
    expect(err.message).toContain(join(dir, 'nope.yaml'));
  });

  it('reports YAML syntax errors and non-mapping files as config errors', () => {
    const broken = write('broken.yaml', 'mirror: [unclosed\n');
    expect(caught(() => loadConfig({ configPath: broken, env: {} })).message).toMatch(/not valid YAML/);
    const list = write('list.yaml', '- a\n- b\n');
    expect(caught(() => loadConfig({ configPath: list, env: {} })).message).toMatch(/mapping/);
  });

  it('does not let one loaded config mutate the defaults of the next', () => {
    const first = loadConfig({ cwd: dir, env: {} }).config;
    first.scan.rulesDirs.push('/tmp/rules');
    expect(loadConfig({ cwd: dir, env: {} }).config.scan.rulesDirs).toEqual([]);
  });

  it('resolves every relative path written in the file against the file\'s folder, from any working directory', () => {
    mkdirSync(join(dir, 'conf'));
    const path = write(
      'conf/leakwatch.yaml',
      'dataDir: state\ninventory:\n  staticFile: ../inventory.yaml\nscan:\n  rulesDirs: [rules, /abs/rules]\n',
    );
    const elsewhere = mkdtempSync(join(tmpdir(), 'leakwatch-cwd-'));
    const { config } = loadConfig({ configPath: path, cwd: elsewhere, env: {} });
    expect(config.dataDir).toBe(join(dir, 'conf', 'state'));
    expect(config.inventory.staticFile).toBe(join(dir, 'inventory.yaml'));
    expect(config.scan.rulesDirs).toEqual([join(dir, 'conf', 'rules'), '/abs/rules']);
  });

  it('resolves the shipped config/default.yaml to the same files from another folder', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'leakwatch-cwd-'));
    const { config } = loadConfig({ configPath: join(repoRoot, 'config/default.yaml'), cwd: elsewhere, env: {} });
    expect(config.inventory.staticFile).toBe(join(repoRoot, 'config/inventory.example.yaml'));
    expect(config.dataDir).toBe(join(repoRoot, '.leakwatch'));
  });

  it('resolves paths from the environment and from defaults against the working directory', () => {
    const path = write('c.yaml', 'dataDir: from-file\ninventory:\n  staticFile: inv.yaml\n');
    const cwd = mkdtempSync(join(tmpdir(), 'leakwatch-cwd-'));
    const fromEnv = loadConfig({
      configPath: path,
      cwd,
      env: { LEAKWATCH_DATA_DIR: 'env-data', LEAKWATCH_SCAN_RULES_DIRS: 'r1,r2' },
    }).config;
    expect(fromEnv.dataDir).toBe(join(cwd, 'env-data'));
    expect(fromEnv.scan.rulesDirs).toEqual([join(cwd, 'r1'), join(cwd, 'r2')]);
    expect(fromEnv.inventory.staticFile).toBe(join(dir, 'inv.yaml'));
    expect(loadConfig({ cwd, env: {} }).config.dataDir).toBe(join(cwd, '.leakwatch'));
  });
});
