/**
 * The rules cache records the built-in rule files relative to the package folder, so a cache
 * built in one place (a Docker build stage, a publisher's machine) still answers where the
 * package is installed; rule files elsewhere keep their absolute path.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES_DIR, cachedPath, pathOfCached } from '../../src/detect/load-rules.js';
import { packageRoot } from '../../src/util/package-root.js';
import { tempDir } from '../helpers/git-repo.js';

describe('rule file paths in the rules cache', () => {
  it('records a built-in rule file relative to the package folder and finds it again', () => {
    const file = join(BUILTIN_RULES_DIR, 'aws.yaml');
    expect(cachedPath(file)).toBe('leakwatch:detectors/aws.yaml');
    expect(pathOfCached(cachedPath(file))).toBe(file);
    expect(packageRoot()).toBe(join(BUILTIN_RULES_DIR, '..'));
  });

  it('keeps the absolute path of a rule file outside the package', () => {
    const file = join(tempDir(), 'mine.yaml');
    expect(cachedPath(file)).toBe(file);
    expect(pathOfCached(file)).toBe(file);
  });
});
