// Lets a plain `node` child process run our TypeScript sources, so tests can start real
// processes (git credential helpers, the daemon) from src/ without a build:
//   node --import ./test/helpers/ts-loader/register.mjs src/some-entry.ts
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
