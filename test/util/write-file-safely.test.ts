import { lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSafely } from '../../src/util/write-file-safely.js';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';

afterEach(removeTempDirs);

describe('writeFileSafely', () => {
  it('creates a new file with the mode asked for, less the umask, and leaves no temporary file', () => {
    const dir = tempDir();
    const file = join(dir, 'new.json');
    writeFileSafely(file, 'x', { mode: 0o640 });
    const umask = process.umask();
    expect(statSync(file).mode & 0o777).toBe(0o640 & ~umask);
    expect(readdirSync(dir)).toEqual(['new.json']);
  });

  it('exclusive: creates the file with exactly the mode given', () => {
    const file = join(tempDir(), 'key.env');
    writeFileSafely(file, 'k', { exclusive: true, mode: 0o600 });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe('k');
  });

  it('exclusive: refuses an existing file and a planted link, writing nothing through it', () => {
    const dir = tempDir();
    const victim = join(dir, 'victim');
    writeFileSync(victim, 'precious');
    const link = join(dir, 'key.env');
    symlinkSync(victim, link);
    expect(() => writeFileSafely(link, 'k', { exclusive: true })).toThrow(/exists/);
    const dangling = join(dir, 'dangling.env');
    symlinkSync(join(dir, 'nowhere'), dangling);
    expect(() => writeFileSafely(dangling, 'k', { exclusive: true })).toThrow(/exists/);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(join(dir, 'nowhere'), { throwIfNoEntry: false })).toBeUndefined();
  });

  it('refuses a directory', () => {
    expect(() => writeFileSafely(tempDir(), 'x')).toThrow(/is a directory/);
  });

  it('follows a chain of links and replaces the last file in its own folder', () => {
    const a = tempDir();
    const b = tempDir();
    const real = join(b, 'real');
    writeFileSync(real, 'old');
    symlinkSync(real, join(a, 'one'));
    symlinkSync(join(a, 'one'), join(a, 'two'));
    writeFileSafely(join(a, 'two'), 'new');
    expect(readFileSync(real, 'utf8')).toBe('new');
    expect(readdirSync(b)).toEqual(['real']);
    expect(lstatSync(join(a, 'two')).isSymbolicLink()).toBe(true);
  });
});
