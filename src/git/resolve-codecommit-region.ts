/**
 * The region for a `codecommit://[profile@]repo` URL that names none, found as
 * git-remote-codecommit finds it: AWS_REGION, AWS_DEFAULT_REGION, then the `region` of the
 * profile (or `default`) in the AWS config file.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The `key = value` pairs of one section of an AWS-style INI file. */
export function readIniSection(text: string, section: string): Map<string, string> {
  const values = new Map<string, string>();
  let inSection = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s[#;].*$/, '').trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[\s*(.+?)\s*\]$/.exec(line);
    if (header) {
      inSection = header[1]!.replace(/\s+/g, ' ') === section;
      continue;
    }
    const eq = line.indexOf('=');
    if (inSection && eq > 0) values.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return values;
}

export function resolveCodecommitRegion(
  profile: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const fromEnv = env['AWS_REGION'] || env['AWS_DEFAULT_REGION'];
  if (fromEnv) return fromEnv;
  const name = profile ?? (env['AWS_PROFILE'] || 'default');
  const file = env['AWS_CONFIG_FILE'] || join(env['HOME'] || homedir(), '.aws', 'config');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const section = name === 'default' ? 'default' : `profile ${name}`;
  return readIniSection(text, section).get('region') || undefined;
}
