/**
 * No Docker engine runs here, so the image build is replayed: the build stage's COPY lines fill a
 * temp folder from the context (minus .dockerignore), its RUN commands run there, and the
 * runtime stage is assembled from its COPY lines and runs a scan. The Dockerfile is parsed, not
 * restated, so a source the build needs and the stage does not copy fails here.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, posix, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadConfig } from '../../src/config/load-config.js';
import { OPTIONS } from '../../src/config/options.js';
import { copyFromContext, dockerignoreMatcher, parseCopy, parseDockerfile } from '../helpers/dockerfile.js';
import type { Stage } from '../helpers/dockerfile.js';
import { TEST_GIT_ENV, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { githubToken } from '../helpers/tokens.js';

const ROOT = resolve(import.meta.dirname, '../..');
const stages = parseDockerfile(readFileSync(join(ROOT, 'docker/Dockerfile'), 'utf8'));
const ignored = dockerignoreMatcher(readFileSync(join(ROOT, '.dockerignore'), 'utf8'));

function stage(name: string): Stage {
  const found = stages.find((s) => s.name === name);
  if (!found) throw new Error(`docker/Dockerfile has no stage ${name}`);
  return found;
}

/** Where an absolute path of the image lands in the replay folder of its stage. */
function inStage(stageRoot: string, workdir: string, path: string): string {
  return join(stageRoot, posix.relative('/', posix.resolve(workdir, path)));
}

function copy(stageRoot: string, workdir: string, args: string, fromStage: (name: string) => string): string[] {
  const { from, sources, destination } = parseCopy(args);
  const target = inStage(stageRoot, workdir, destination);
  const copied: string[] = [];
  for (const source of sources) {
    const origin = from === undefined ? join(ROOT, source) : inStage(fromStage(from), '/', source);
    if (!existsSync(origin)) throw new Error(`COPY ${args}: ${source} does not exist${from ? ` in stage ${from}` : ' in the build context'}`);
    if (from === undefined && ignored(posix.normalize(source))) throw new Error(`COPY ${args}: ${source} is excluded by .dockerignore`);
    const isDir = statSync(origin).isDirectory();
    const to = isDir || (!destination.endsWith('/') && sources.length === 1) ? target : join(target, basename(source));
    if (from === undefined) copyFromContext(ROOT, source, to, ignored);
    else cpSync(origin, to, { recursive: true, verbatimSymlinks: true });
    copied.push(source);
  }
  return copied;
}

/**
 * The commands of a RUN line that cannot run here are replaced, each for a stated reason; any
 * other command runs as written. An unknown kind of step fails rather than being skipped.
 */
function runStep(command: string, cwd: string, log: string[]): void {
  if (/^(apt-get|rm -rf \/var\/lib\/apt\/lists)/.test(command)) {
    log.push(`skipped (system packages): ${command}`);
    return;
  }
  if (/^npm ci\b/.test(command)) {
    // No registry in tests: the project's own install, hard-linked. The hidden lockfile is a real
    // copy because npm rewrites it (prune), and the links are shared with other checkouts.
    execFileSync('cp', ['-al', join(ROOT, 'node_modules'), join(cwd, 'node_modules')]);
    rmSync(join(cwd, 'node_modules/.package-lock.json'));
    cpSync(join(ROOT, 'node_modules/.package-lock.json'), join(cwd, 'node_modules/.package-lock.json'));
    log.push(`replaced by a hard-link copy of node_modules: ${command}`);
    return;
  }
  if (/^npm rebuild better-sqlite3$/.test(command)) {
    // Already built for this Node by the install that was linked; rebuilding would write through the links.
    log.push(`skipped (native module already built): ${command}`);
    return;
  }
  if (!/^npm (run build|prune --omit=dev)$/.test(command)) throw new Error(`the build replay does not know the step "${command}"; teach it`);
  const run = spawnSync('sh', ['-c', command], {
    cwd,
    env: { ...process.env, ...TEST_GIT_ENV, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' },
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (run.status !== 0) throw new Error(`"${command}" failed in the build stage (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  log.push(`ran: ${command}`);
}

function replay(name: string, stageRoot: string, fromStage: (name: string) => string, log: string[]): void {
  let workdir = '/';
  for (const instruction of stage(name).instructions) {
    if (instruction.keyword === 'WORKDIR') {
      workdir = posix.resolve(workdir, instruction.args);
      mkdirSync(inStage(stageRoot, '/', workdir), { recursive: true });
    } else if (instruction.keyword === 'COPY') {
      log.push(`copied: ${copy(stageRoot, workdir, instruction.args, fromStage).join(' ')}`);
    } else if (instruction.keyword === 'RUN' && name === 'build') {
      for (const command of instruction.args.split('&&').map((part) => part.trim())) runStep(command, inStage(stageRoot, '/', workdir), log);
    }
  }
}

afterAll(() => removeTempDirs());

describe('docker/Dockerfile, replayed without a Docker engine', () => {
  const buildRoot = tempDir();
  const runtimeRoot = tempDir();
  const log: string[] = [];

  beforeAll(() => {
    const noStage = (): string => {
      throw new Error('the build stage copies from no other stage');
    };
    replay('build', buildRoot, noStage, log);
    replay('runtime', runtimeRoot, (from) => {
      if (from !== 'build') throw new Error(`unknown stage ${from}`);
      return buildRoot;
    }, log);
  }, 900_000);

  it('builds: npm run build succeeds on only what the build stage copies, and prunes to production dependencies', () => {
    expect(log).toContain('ran: npm run build');
    expect(log).toContain('ran: npm prune --omit=dev');
    for (const built of ['dist/cli/main.js', 'dist/rules-cache.json', 'dist/wasm/keyword-prefilter.wasm']) {
      expect(existsSync(join(buildRoot, 'app', built)), built).toBe(true);
    }
    expect(existsSync(join(buildRoot, 'app/node_modules/typescript')), 'dev dependencies pruned').toBe(false);
    expect(existsSync(join(buildRoot, 'app/node_modules/better-sqlite3')), 'production dependencies kept').toBe(true);
  });

  it('assembles a runtime stage whose entrypoint runs: a scan finds a token with production dependencies only', () => {
    const entrypoint = /"node",\s*"([^"]+)"/.exec(stage('runtime').instructions.find((i) => i.keyword === 'ENTRYPOINT')!.args)![1]!;
    const main = inStage(runtimeRoot, '/', entrypoint);
    expect(existsSync(main)).toBe(true);
    const target = tempDir();
    writeFileSync(join(target, 'deploy.sh'), `export GITHUB_TOKEN=${githubToken()}\n`);
    const run = spawnSync(process.execPath, [main, 'scan', target, '--format', 'json'], {
      cwd: join(runtimeRoot, 'app'),
      env: { ...TEST_GIT_ENV, PATH: process.env.PATH, NODE_ENV: 'production', HOME: target },
      encoding: 'utf8',
    });
    expect(run.stderr).not.toMatch(/Cannot find (module|package)/);
    expect(run.status).toBe(1);
    expect((JSON.parse(run.stdout) as { findings: Array<{ ruleId: string }> }).findings.map((f) => f.ruleId)).toEqual([expect.stringMatching(/github/)]);
  });

  it('uses one supported Node LTS line (22 or later) in both stages, so the native module built is the one run', () => {
    const images = stages.map((s) => s.image);
    expect(new Set(images).size).toBe(1);
    const major = Number(/^node:(\d+)-/.exec(images[0]!)?.[1]);
    expect(major).toBeGreaterThanOrEqual(22);
    expect(major % 2).toBe(0);
  });
});

describe('docker/compose.yaml', () => {
  const composeText = readFileSync(join(ROOT, 'docker/compose.yaml'), 'utf8');
  const compose = parseYaml(composeText) as {
    services: {
      leakwatch: { build: { context: string; dockerfile: string }; environment: Record<string, string>; volumes: string[] };
      postgres: { profiles: string[]; environment: Record<string, string> };
      'leakwatch-replica': { profiles: string[]; deploy: { replicas: number }; environment: Record<string, string>; depends_on: Record<string, unknown> };
    };
  };
  const service = compose.services.leakwatch;

  it('builds from the repository root with docker/Dockerfile', () => {
    const context = resolve(ROOT, 'docker', service.build.context);
    expect(context).toBe(ROOT);
    expect(existsSync(join(context, service.build.dockerfile))).toBe(true);
  });

  it('sets only variables leakwatch reads', () => {
    const known = new Set<string>([...OPTIONS.map((o) => o.env), 'LEAKWATCH_CONFIG']);
    for (const name of Object.keys(service.environment).filter((n) => n.startsWith('LEAKWATCH_'))) expect(known, name).toContain(name);
  });

  it('mounts a configuration whose relative paths resolve inside the mount, to files the copy it tells you to make holds', () => {
    // The header says how the mounted folder is made; the test reads the folder it copies from.
    const made = /cp -r (\S+) docker\/(\S+)/.exec(composeText);
    expect(made, 'compose.yaml tells how to make the mounted config folder').not.toBeNull();
    const mount = service.volumes.map((v) => v.split(':')).find(([source]) => source === `./${made![2]}`);
    expect(mount, 'the folder it makes is mounted').toBeDefined();
    const configInContainer = service.environment['LEAKWATCH_CONFIG']!;
    expect(configInContainer.startsWith(`${mount![1]}/`)).toBe(true);
    const configFile = join(ROOT, made![1]!, posix.relative(mount![1]!, configInContainer));
    const env = Object.fromEntries(Object.entries(service.environment).filter(([name]) => name.startsWith('LEAKWATCH_') && !name.includes('TOKEN')));
    const { config } = loadConfig({ configPath: configFile, env, cwd: tempDir() });
    expect(config.dataDir).toBe('/data');
    expect(existsSync(config.inventory.staticFile!)).toBe(true);
    expect(config.inventory.staticFile!.startsWith(join(ROOT, made![1]!))).toBe(true);
  });

  it('runs PostgreSQL and several replicas sharing it in the scale-out profile only, with variables leakwatch reads', () => {
    const replica = compose.services['leakwatch-replica'];
    const postgres = compose.services.postgres;
    expect(replica.profiles).toEqual(['scale-out']);
    expect(postgres.profiles).toEqual(['scale-out']);
    expect(replica.deploy.replicas).toBeGreaterThan(1);
    expect(Object.keys(replica.depends_on)).toEqual(['postgres']);
    const known = new Set<string>([...OPTIONS.map((o) => o.env), 'LEAKWATCH_CONFIG']);
    for (const name of Object.keys(replica.environment).filter((n) => n.startsWith('LEAKWATCH_'))) expect(known, name).toContain(name);
    const url = new URL(replica.environment['LEAKWATCH_DATABASE_URL']!.replace(/\$\{[^}]+\}/g, 'x'));
    expect(url.host).toBe('postgres:5432');
    expect(url.pathname).toBe(`/${postgres.environment['POSTGRES_DB']}`);
    expect(service.environment['LEAKWATCH_DATABASE_URL']).toBeUndefined();
  });
});
