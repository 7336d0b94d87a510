/**
 * Paths whose content is not evidence that code is ours: third-party and vendored trees,
 * lockfiles, build output, minified bundles, licence texts and binaries. Matching such files
 * would flag every public project that uses the same dependency or licence.
 */
export type IgnoreReason = 'vendored' | 'lockfile' | 'generated' | 'minified' | 'licence' | 'binary';

const VENDORED_DIRS = new Set([
  'node_modules', 'bower_components', 'jspm_packages', 'vendor', 'vendors', 'third_party',
  'third-party', 'thirdparty', '3rdparty', 'external', 'site-packages', '.yarn', '.pnpm-store',
  '.git',
]);
const GENERATED_DIRS = new Set(['dist', '__generated__', '.next', '.nuxt', 'coverage', '__pycache__']);

const LOCKFILES = new Set([
  'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb',
  'bun.lock', 'gemfile.lock', 'cargo.lock', 'poetry.lock', 'pipfile.lock', 'composer.lock',
  'go.sum', 'packages.lock.json', 'mix.lock', 'podfile.lock', 'flake.lock', 'pubspec.lock',
  'gradle.lockfile', 'uv.lock', 'deno.lock',
]);

// Legal and community boilerplate copied verbatim between projects (the Contributor Covenant...).
const LICENCE_NAME = /^(licen[cs]e|copying|copyright|notice|unlicense|patents|authors|disclaimer|third[-_]party[-_]notices|code[-_]of[-_]conduct)([-._].*)?$/i;
const MINIFIED_NAME = /[.-]min\.(js|mjs|cjs|css)$|\.(js|css)\.map$|\.map$|\.bundle\.js$|\.chunk\.js$/i;
const GENERATED_NAME = /\.(pb\.go|pb\.ts|_pb2\.py|g\.dart|designer\.cs|generated\.\w+)$/i;
const BINARY_EXT = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'bmp', 'ico', 'webp', 'tif', 'tiff', 'psd', 'pdf', 'zip', 'gz',
  'tgz', 'bz2', 'xz', '7z', 'rar', 'jar', 'war', 'class', 'so', 'dll', 'dylib', 'exe', 'o', 'a',
  'bin', 'wasm', 'woff', 'woff2', 'ttf', 'otf', 'eot', 'mp3', 'mp4', 'wav', 'ogg', 'mov', 'avi',
  'sqlite', 'db', 'pyc', 'node', 'lockb',
]);

export function ignoreReasonForPath(path: string): IgnoreReason | null {
  const parts = path.split(/[\\/]/).filter((p) => p.length > 0);
  const name = parts[parts.length - 1] ?? '';
  const lower = name.toLowerCase();
  for (const dir of parts.slice(0, -1)) {
    if (VENDORED_DIRS.has(dir.toLowerCase())) return 'vendored';
    if (GENERATED_DIRS.has(dir.toLowerCase())) return 'generated';
  }
  if (LOCKFILES.has(lower)) return 'lockfile';
  if (LICENCE_NAME.test(name)) return 'licence';
  if (MINIFIED_NAME.test(name)) return 'minified';
  if (GENERATED_NAME.test(name)) return 'generated';
  const dot = lower.lastIndexOf('.');
  if (dot > 0 && BINARY_EXT.has(lower.slice(dot + 1))) return 'binary';
  return null;
}

export function isIgnorablePath(path: string): boolean {
  return ignoreReasonForPath(path) !== null;
}
