/** `leakwatch rules list|test|docs`: what the detectors are, whether rules pass their examples, their catalogue. */
import { Command, Option } from 'commander';
import { checkRuleExamples } from '../detect/check-rule-examples.js';
import { EXAMPLE_VARIABLES } from '../detect/example-variables.js';
import { loadRuleSpecs, loadRules } from '../detect/load-rules.js';
import { renderDetectorsDocFor } from '../detect/render-detectors-doc.js';
import { collect } from './parse-options.js';
import { writeOutput } from './write-output.js';

function listCommand(): Command {
  return new Command('list')
    .description('List the detector rules (built-in plus --rules directories).')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--rules <dir>', 'also load rules from this directory (repeatable)', collect, [])
    .action((flags: { format: 'table' | 'json'; rules: string[] }) => {
      const { rules } = loadRules(flags.rules, { variables: EXAMPLE_VARIABLES });
      if (flags.format === 'json') {
        const rows = rules.map((r) => ({ id: r.id, title: r.title, severity: r.severity, kind: r.kind, family: r.provider?.family, keywords: r.keywords, source: r.source }));
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      const width = Math.max(...rules.map((r) => r.id.length));
      for (const r of rules) process.stdout.write(`${r.id.padEnd(width)}  ${r.severity.padEnd(8)}  ${r.title}\n`);
      process.stdout.write(`${rules.length} rules\n`);
    });
}

function testCommand(): Command {
  return new Command('test')
    .description('Check rules against their own examples.positive / examples.negative (with --rules: only the rules in those directories).')
    .option('--rules <dir>', 'test the rules in this directory (repeatable)', collect, [])
    .action((flags: { rules: string[] }) => {
      const ruleset = loadRules(flags.rules, { variables: EXAMPLE_VARIABLES });
      const builtin = new Set(loadRuleSpecs([], { variables: EXAMPLE_VARIABLES }).map((s) => s.source));
      const mine = flags.rules.length > 0 ? (r: { source: string }) => !builtin.has(r.source) : undefined;
      const tested = ruleset.rules.filter((r) => !mine || mine(r));
      const failures = checkRuleExamples(ruleset, mine);
      for (const f of failures) process.stdout.write(`FAIL ${f.source}: ${f.ruleId}: ${f.kind} example ${f.index}: ${f.problem}\n`);
      const examples = tested.reduce((n, r) => n + r.examples.positive.length + r.examples.negative.length, 0);
      process.stdout.write(`${tested.length} rules, ${examples} examples: ${failures.length === 0 ? 'all passed' : `${failures.length} failed`}\n`);
      process.exitCode = failures.length === 0 ? 0 : 1;
    });
}

function docsCommand(): Command {
  return new Command('docs')
    .description('Print the detector catalogue as Markdown (docs/detectors.md is generated with this).')
    .option('-o, --output <file>', 'write the Markdown to a file instead of stdout')
    .option('--rules <dir>', 'also document the rules in this directory (repeatable)', collect, [])
    .action((flags: { output?: string; rules: string[] }) => {
      writeOutput(renderDetectorsDocFor(flags.rules), flags.output);
    });
}

export function createRulesCommand(): Command {
  return new Command('rules')
    .description('List detector rules, test them against their examples, and print their catalogue.')
    .addCommand(listCommand())
    .addCommand(testCommand())
    .addCommand(docsCommand());
}
