/**
 * The scan command's flags as commander gives them to its action (scan.ts), and as
 * scan-from-cache.ts reads the plain ones before commander loads.
 */
import type { RuleVariables } from '../detect/apply-rule-variables.js';
import type { Confidence } from '../detect/types.js';
import type { FORMATS } from './print-scan-report.js';

/** Where state is kept unless --state or --no-state says otherwise. */
export const DEFAULT_STATE_DIR = '.leakwatch';

export interface ScanFlags {
  format?: (typeof FORMATS)[number];
  output?: string;
  baseline?: string;
  writeBaseline?: string;
  since?: string;
  rules: string[];
  maxBlobBytes: number;
  maxArchiveBytes: number;
  state: string | false;
  ignoreFile?: string;
  workers?: number;
  internalDomain: string[];
  orgDomain: string[];
  internalCidr: string[];
  progress: boolean;
  verify?: boolean;
  config?: string;
  allowIncomplete?: boolean;
  minConfidence?: Confidence;
}

/** The values of the rules' `{{var:NAME}}` the flags give. */
export function scanVariables(flags: Pick<ScanFlags, 'internalDomain' | 'orgDomain' | 'internalCidr'>): RuleVariables {
  return { internalDomains: flags.internalDomain, orgEmailDomains: flags.orgDomain, internalCidrs: flags.internalCidr };
}
