/**
 * Renders docs/configuration.md from the option list. A test compares the committed file with
 * this output; regenerate with `LEAKWATCH_UPDATE_DOCS=1 npx vitest run test/config/render-config-docs.test.ts`.
 */
import { OPTIONS } from './options.js';
import type { OptionSpec } from './options.js';

function describeType(option: OptionSpec): string {
  switch (option.kind) {
    case 'integer': {
      const range =
        option.min !== undefined && option.max !== undefined
          ? ` (${option.min}–${option.max})`
          : option.min !== undefined
            ? ` (≥ ${option.min})`
            : '';
      return `integer${range}`;
    }
    case 'string-list':
      return 'list of strings';
    case 'enum':
      return option.values.map((value) => `\`${value}\``).join(' \\| ');
    case 'enum-map':
      return `map of name → ${option.values.map((value) => `\`${value}\``).join(' \\| ')}`;
    case 'record-list':
      return `list of { ${Object.keys(option.fields).join(', ')} }`;
    case 'cron':
      return 'cron expression';
    case 'email':
      return 'e-mail';
    default:
      return option.kind;
  }
}

function describeDefault(option: OptionSpec): string {
  if (option.default === undefined) return '*unset*';
  if (Array.isArray(option.default)) {
    if (option.default.length === 0) return '`[]`';
    return `\`${option.default.map((item: unknown) => (typeof item === 'string' ? item : JSON.stringify(item))).join(', ')}\``;
  }
  if (typeof option.default === 'object') {
    const pairs = Object.entries(option.default as Record<string, string>);
    return pairs.length === 0 ? '`{}`' : `\`${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')}\``;
  }
  return `\`${String(option.default)}\``;
}

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|');
}

const INTRO = `# Configuration

<!-- Generated from src/config/options.ts by src/config/render-config-docs.ts. Do not edit by hand:
     LEAKWATCH_UPDATE_DOCS=1 npx vitest run test/config/render-config-docs.test.ts -->

leakwatch reads one YAML file, then applies environment overrides, then validates the result.

- **Which file**: \`--config FILE\`, else the file named by \`LEAKWATCH_CONFIG\`, else
  \`config/default.yaml\` in the working directory; with none of these, the defaults below apply.
- **Environment overrides**: every option has a \`LEAKWATCH_...\` variable that wins over the file.
  Integers and booleans (\`true/false\`, \`1/0\`, \`yes/no\`) are converted; lists are
  comma-separated (\`eu-west-1,us-east-1\`) or a JSON array. An empty variable counts as unset.
- **Paths** (data directory, inventory file, rules directories): a relative path written in the
  file resolves against the file's folder, so \`--config some/where.yaml\` reads the same files
  from any working directory; one set through the environment, or a default, resolves against
  the working directory. Paths inside the inventory file resolve against the inventory file.
- **Errors**: an unknown key, a wrong type or a bad value stops leakwatch with exit code 2 and one
  line per problem, naming its path (and the variable, when it came from the environment).
- **Secrets** (marked 🔒) are never printed; set them through the environment, not the file.

The shipped \`config/default.yaml\` needs no AWS: a static inventory
(\`config/inventory.example.yaml\`) and embedded SQLite under the project root's \`.leakwatch/\`
(\`dataDir: ../.leakwatch\`, relative to \`config/\`).
How the inventory sources are merged (the static file overrides tags) is described in
[inventory.md](inventory.md).
`;

export function renderConfigDocs(options: readonly OptionSpec[] = OPTIONS): string {
  const sections = new Map<string, OptionSpec[]>();
  for (const option of options) {
    const section = option.path.includes('.') ? option.path.split('.')[0]! : 'general';
    sections.set(section, [...(sections.get(section) ?? []), option]);
  }
  const parts = [INTRO];
  for (const [section, members] of sections) {
    parts.push(`## ${section}\n`);
    parts.push('| Option | Type | Default | Environment variable | Description |');
    parts.push('| --- | --- | --- | --- | --- |');
    for (const option of members) {
      const name = `\`${option.path}\`${option.secret ? ' 🔒' : ''}`;
      parts.push(
        `| ${name} | ${describeType(option)} | ${describeDefault(option)} | \`${option.env}\` | ${escapeCell(option.description)} |`,
      );
    }
    parts.push('');
  }
  return `${parts.join('\n').trimEnd()}\n`;
}
