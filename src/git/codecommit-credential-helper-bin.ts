/**
 * Process entry for the CodeCommit credential helper: git runs
 * `node codecommit-credential-helper-bin.js get [--profile NAME]`.
 */
import { runCredentialHelper } from './codecommit-credential-helper.js';

process.exitCode = await runCredentialHelper({
  argv: process.argv.slice(2),
  stdin: process.stdin,
  writeOut: (text) => void process.stdout.write(text),
  writeErr: (text) => void process.stderr.write(text),
  env: process.env,
});
