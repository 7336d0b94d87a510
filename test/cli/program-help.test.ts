import { Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS, createProgram } from '../../src/cli/program.js';

describe('top-level help without loading the commands', () => {
  it('each command line of top-level help is what the command itself says', async () => {
    for (const [name, entry] of Object.entries(COMMANDS)) {
      const command = await entry.load();
      expect(command.name()).toBe(name);
      expect(new Help().subcommandTerm(command)).toBe([name, entry.usage].filter(Boolean).join(' '));
      expect(command.description()).toBe(entry.description);
    }
  }, 60_000);

  it('leakwatch --help prints what it printed with every command loaded', async () => {
    const summaries = await createProgram(['node', 'leakwatch', '--help']);
    const loaded = await createProgram(['node', 'leakwatch', 'help']);
    expect(summaries.helpInformation()).toBe(loaded.helpInformation());
    expect(summaries.helpInformation()).toContain('scan [options] <target>');
  }, 60_000);
});
