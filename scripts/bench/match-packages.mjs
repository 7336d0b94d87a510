// Pinned npm packages for the code-match benchmark: "private" packages form our index, the
// "unrelated" ones provide negatives. Tarballs are fetched once with `npm pack` and cached in
// bench-data/match/tarballs, so the corpus is the same on every run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const PRIVATE_PACKAGES = [
  'eslint@8.57.0', 'webpack@5.90.3', 'three@0.160.0', 'rxjs@7.8.1', 'lodash@4.17.21',
  'date-fns@2.30.0', 'moment@2.30.1', 'sequelize@6.37.1',
];

export const UNRELATED_PACKAGES = [
  'ramda@0.29.1', 'bluebird@3.7.2', 'async@3.2.5', 'express@4.18.2', 'mocha@10.2.0', 'chai@4.3.10',
  'yargs@17.7.2', 'ws@8.16.0', 'koa@2.15.0', 'joi@17.12.0', 'immer@10.0.3', 'mobx@6.12.0',
  'redux@5.0.1', 'socket.io@4.7.4', 'commander@11.1.0', 'pg@8.11.3', 'less@4.2.0',
  'handlebars@4.7.8', 'terser@5.27.0', 'jsdom@24.0.0',
];

function tarballName(spec) {
  const at = spec.lastIndexOf('@');
  return `${spec.slice(0, at).replace('@', '').replace('/', '-')}-${spec.slice(at + 1)}.tgz`;
}

/** Fetches (if not cached) and extracts a package; returns the directory holding its files. */
export function preparePackage(spec, dataDir) {
  const tarballs = join(dataDir, 'tarballs');
  const extracted = join(dataDir, 'packages', spec.replace('/', '__'));
  mkdirSync(tarballs, { recursive: true });
  const tgz = join(tarballs, tarballName(spec));
  if (!existsSync(tgz)) {
    execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', tarballs], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  if (!existsSync(extracted) || readdirSync(extracted).length === 0) {
    mkdirSync(extracted, { recursive: true });
    execFileSync('tar', ['-xzf', tgz, '-C', extracted]);
  }
  return join(extracted, 'package');
}

export function packageName(spec) {
  return spec.slice(0, spec.lastIndexOf('@'));
}
