import { defineConfig } from 'vitest/config';
import { GIT_CONFIG_GLOBAL } from './test/helpers/git-config-global.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One empty global git config for the whole run (see test/helpers/git-config-global.ts).
    env: { GIT_CONFIG_GLOBAL },
  },
});
