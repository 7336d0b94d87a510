import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LeakwatchError } from '../../src/errors.js';
import { openMonitorStore } from '../../src/store/open-store.js';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';

afterAll(() => removeTempDirs());

describe('openMonitorStore', () => {
  it('names the data directory, the option and variable that set it, and the way out when it cannot be used', () => {
    const root = tempDir();
    writeFileSync(join(root, 'a-file'), 'not a directory\n');
    const dataDir = join(root, 'a-file', 'data');
    let caught: unknown;
    try {
      openMonitorStore({ dataDir }).close();
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(LeakwatchError);
    const message = (caught as LeakwatchError).message;
    expect(message).toContain(dataDir);
    expect(message).toMatch(/dataDir in the config file or LEAKWATCH_DATA_DIR/);
    expect(message).toMatch(/point it at a directory this user can write/);
    expect(message).not.toMatch(/--state/);
    expect(message.split('\n')).toHaveLength(1);
  });
});
