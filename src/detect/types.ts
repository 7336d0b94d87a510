/**
 * Detector rules as loaded from detectors/*.yaml, and the compiled form the matcher runs.
 */
export type Severity = 'critical' | 'high' | 'medium' | 'low';
/**
 * `credential`: a secret that grants access (rotate it). `sensitive-data`: what an exposure
 * reveals (card numbers, internal hosts). `password-hash`: a stored hash of a password, not
 * usable as it is but crackable offline, so the password behind it must be changed.
 */
export type RuleKind = 'credential' | 'sensitive-data' | 'password-hash';
/**
 * How sure leakwatch is that a finding is a real secret: `high` for provider-specific shapes
 * (prefix, checksum, pairing), `medium` for a literal assigned to a credential name, `low` where
 * the value or its context (a test fixture, documentation, a comment, a dictionary word) says it
 * is probably not live. Text output shows medium and up by default; the daemon opens incidents
 * for medium and up.
 */
export type Confidence = 'high' | 'medium' | 'low';

export type Example = string | { parts: string[] };

export interface RuleSpec {
  id: string;
  title: string;
  description?: string;
  severity: Severity;
  kind: RuleKind;
  /** Case-insensitive literals; a blob is only matched against the rule near one of them. */
  keywords: string[];
  /** JavaScript regular expression; every quantifier must be bounded. */
  regex: string;
  /** Case-insensitive matching of `regex`. */
  ignoreCase: boolean;
  /** Named group `secret`, else this group number, else the whole match. */
  secretGroup?: number;
  /** Minimum Shannon entropy (bits per character) of the secret. */
  entropy?: number;
  validators: string[];
  /** Regexes tested against the secret; a match drops the finding. */
  allow: string[];
  /** Regexes tested against the whole line; a match drops the finding. */
  allowLine: string[];
  /** Regexes tested against the path; a match drops the finding. */
  allowPath: string[];
  /**
   * A regex that every match of `regex` contains (case-insensitively): tested once per candidate
   * region for all the rules that give the same one, and the rule's regex is not run on a region
   * without it (eight URL rules share `://` and need `user:password@` after it).
   */
  regionNeeds?: string;
  /** Generic rules yield to specific ones on the same text and get the placeholder filter. */
  generic: boolean;
  /**
   * `assignment`: the match is read by the generic assignment tokenizer and value classifier
   * (src/detect/generic/), which drop templates, references and code and set the confidence.
   * `credentials`: the match is a base64 `user:password` pair whose password the value
   * classifier judges (generic/judge-credentials.ts). `csv-column`: the `key` group is a CSV
   * header and the match's secret the row under it (generic/judge-csv.ts). `sql-values`: the
   * `key` group is an INSERT's column list (`copykey` a COPY's) and the rows after the match
   * hold the values (generic/judge-sql.ts); a `password-hash` rule takes the hex digests under
   * a password's column, any other rule the other judged values.
   */
  classify?: 'assignment' | 'credentials' | 'csv-column' | 'sql-values';
  /** Only a finding when `rule` matched within `within` lines of it in the same text. */
  requires?: { rule: string; within: number };
  /** Bytes of context the candidate region spans after a keyword (multi-line rules). */
  window?: number;
  /**
   * A file that is nothing but its secret (a Rails `config/master.key`) holds no keyword: a
   * whole text of at most this many bytes is the rule's region, keyword or not. Pair it with an
   * `allowPath` that names the files, so the rule runs only on them (and on blobs whose path is
   * not yet known, kept or dropped per path when findings are built).
   */
  fileBytes?: number;
  /** Response providers for this rule family (rotation, verification). */
  provider?: { family: string; rotate?: string; verify?: string };
  examples: { positive: Example[]; negative: Example[] };
  /** The file the rule came from, for error messages. */
  source: string;
}

export interface CompiledRule extends RuleSpec {
  re: RegExp;
  allowRes: RegExp[];
  allowLineRes: RegExp[];
  allowPathRes: RegExp[];
  regionNeedsRe?: RegExp;
  secretIndex: number | string;
  /** The secret's group ends every match it is in: its offsets follow from the match's end (compile-rule.ts). */
  secretEndsMatch: boolean;
  windowBytes: number;
  multiline: boolean;
  index: number;
}

export interface Ruleset {
  specs: RuleSpec[];
  rules: CompiledRule[];
  byId: Map<string, CompiledRule>;
  /** sha256 over the normalised rule specs and the engine version: a change forces a rescan. */
  hash: string;
  /** User rules (`--rules`) are in: the load-time regex checks are all that vouch for them. */
  userRules?: boolean;
  /** From loadRules: the hash of the rule files and variables it was built from (rulesSourceKey). */
  sourceKey?: string;
}

/** One match of a rule inside one text, before attribution. Holds the secret in memory only. */
export interface RawMatch {
  ruleId: string;
  secret: string;
  /** Byte offset of the secret within the text. */
  start: number;
  end: number;
  line: number;
  endLine: number;
  column: number;
  /** For paired rules: the partner's match (e.g. the AWS key id of a secret access key). */
  related?: { ruleId: string; secret: string };
  /**
   * What the text around the match says (the value's shape, the line's syntax, a comment). Left
   * out, the rule's own level applies (generic rules medium, the others high); the path's
   * context (tests, fixtures, docs) is applied later, where the path is known.
   */
  confidence?: Confidence;
  /**
   * Matched with the path unknown (a blob in a history scan): the path-restricted rules whose
   * overlapping matches this one yields to. It is dropped only at a path where one of them
   * applies, so the same blob gives the same findings in a history scan and a directory scan.
   */
  yieldsTo?: string[];
}
