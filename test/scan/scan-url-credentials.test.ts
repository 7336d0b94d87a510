import { afterAll, describe, expect, it } from 'vitest';
import { runScan } from '../../src/scan/run-scan.js';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';

afterAll(removeTempDirs);

describe('scanning a clone URL with credentials in it', () => {
  it('never shows credentials embedded in the URL', async () => {
    const state = tempDir();
    const secretish = ['hunter', '2-not-real'].join('');
    await expect(runScan({ target: `http://user:${secretish}@127.0.0.1:9/x.git`, stateDir: state, workers: 1 })).rejects.toThrow(
      /cannot clone http:\/\/\*\*\*@127\.0\.0\.1:9\/x\.git/,
    );
    await expect(runScan({ target: `http://user:${secretish}@127.0.0.1:9/x.git`, stateDir: state, workers: 1 })).rejects.not.toThrow(secretish);
  });
});
