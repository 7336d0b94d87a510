/**
 * The hand-written part of docs/detectors.md: how a rule is applied, how to write and check
 * one, and how to suppress a finding. Kept beside the engine it describes, so a change to the
 * matcher and to its explanation land in the same commit.
 */

export const DETECTORS_DOC_INTRO = `# Detectors

<!-- Generated from detectors/*.yaml by src/detect/render-detectors-doc.ts. Do not edit by hand:
     npm run build && node dist/cli/main.js rules docs -o docs/detectors.md -->

Detectors are data: one YAML file per provider family in \`detectors/\`, each rule written from the
provider's published token format. This page explains how a rule is applied, how to add your
own, and how to silence a finding; the catalogue of built-in rules follows.

## How a rule is applied

Every text — a blob of history, a commit or annotated tag message, a file of a plain directory —
goes through the same steps.

1. **Keyword prefilter.** One pass over the text's bytes finds every rule keyword at once, ASCII
   case folded (WebAssembly: one hashed-bitmap test per byte on the four bytes there, then an
   exact check). Nothing else runs on a text without a keyword hit. A hit also counts for the
   shorter keywords inside it, so a rule keyed on \`secret\` sees \`client_secret\`. Keywords
   of three characters or more keep this fast path; a single keyword of two characters sends
   every text through a slower JavaScript alternation instead.
2. **Candidate regions.** Each hit gives its rules a region: the hit's line (at most 1 KB either
   side) for single-line rules, or \`window\` bytes after the keyword for rules that set
   \`window\` (private keys, session tokens and other values that span lines). Overlapping
   regions merge, so the work stays linear even on one long line full of keywords.
3. **Bounded regexes.** The full regex runs only inside those regions. When rules load, every
   regex is checked so that V8's backtracking engine stays linear in the text: each quantifier
   needs a finite maximum (\`{1,64}\`, not \`+\` or \`*\`), nested quantifiers may not multiply
   past 100,000, backreferences are refused, neighbouring single-character parts over the same
   characters (\`[a-z]{0,300}[a-z]{0,300}\`) may not split a text more than 20,000 ways, and a
   repeated group (\`(?:...){m,n}\` over more than one character) may not match one text in more
   than 1,000,000 ways: each such group is expanded into its position automaton and every
   reachable state is counted (\`src/detect/regex-ambiguity.ts\`). End each iteration with a
   character its other parts cannot match (\`(?:[^\\n]{0,100}\\n){2,400}\`,
   \`(?:[0-9]{1,14}-){1,3}\`) and the group is proved from one copy; overlapping parts
   (\`(?:[A-Za-z0-9]{1,20}[-_]?){1,20}\`) are refused. Lookarounds are allowed; their bodies are
   checked the same way. A rule that fails is not loaded (exit 2, naming the file, the rule, the
   construct and the problem); \`leakwatch rules test --rules DIR\` shows it too. The secret is the named group
   \`secret\`, else group \`secretGroup\`, else group 1, else the whole match.
   The checks do not bound every shape (how a repeated group's length trades against its
   neighbours, \`(?:\\w{1,9}-){1,9}\\w{0,90}\`, or \`slow_[a-z]{0,120}(?:-?[a-z]{1,60}){1,4}!\`,
   which passes and runs 31 s on 300 letters), so matching also has a **hard
   deadline**: scan workers tell the main thread which object they are matching, and one
   object matched for longer than four times its time budget (at least 10 s) has its worker
   stopped mid-regex; the object counts as partly matched (\`stats.skipped.partial\`, scanned
   again next run), the rest of its chunk is scanned by a fresh worker. With \`--rules\` a
   worker is used even for small scans, so this holds for every user rule, CLI and daemon.
4. **Precision filters.** A match must pass every one of them:
   - \`entropy\`: the secret's Shannon entropy (bits per character) must reach this minimum;
   - \`allow\`: regexes tested against the secret (for example the AWS documentation keys that
     end in \`EXAMPLE\`);
   - for \`generic: true\` rules, the **placeholder filter**: values that look like a placeholder
     (\`example\`, \`changeme\`, \`your_token\`, \`xxxx\`, \`<token>\`, \`...\`), a reference rather
     than a value (\`\${VAR}\`, \`process.env\`, \`os.environ\`, \`getenv\`, \`secrets.\`, \`vault:\`,
     \`ssm:\`, \`!Ref\`, template tags), ciphertext a team should commit instead of a secret
     (sops \`ENC[...]\`, sealed-secrets, KMS, Vault transit, Ansible Vault), a word or an
     identifier made of words, code (calls, property chains), repeated characters, non-ASCII
     prose, UUIDs, versions, dates, lockfile hashes, and paths or URLs without credentials. A
     generic value that starts with a provider's token prefix (\`ghp_\`, \`xoxb-\`...) is also
     dropped: the provider's own rule saw it and rejected it;
   - \`validators\`: structural checks named by the rule (listed below); all must pass;
   - the line: an inline \`leakwatch:allow\` on the line of the match, or a match of one of the
     rule's \`allowLine\` regexes, drops it;
   - \`allowPath\`: regexes tested against the file path (lockfiles for the generic rules, for
     example).
5. **Pairing.** A rule with \`requires: { rule, within }\` reports only when its partner rule matched
   within \`within\` lines in the same text; the partner's redacted preview rides along as
   \`related\`. This is how a 40-character AWS secret access key, which has no shape of its own,
   is told from any other base64 string: it must sit near an access key id.
6. **Overlaps.** A generic rule's match gives way to a specific rule's match on the same bytes.
   Among overlapping generic matches one survives: the one a validator vouched for, then the
   narrower secret (the password inside a URL, not the whole URL), then the rule with fewer
   keywords. The same secret repeated on one line is one match. A rule with \`allowPath\` wins
   an overlap only at the paths it applies to: in a history scan, where a blob is matched before
   its paths are known, the match it beat is kept aside and reported at every path where the
   restricted rule does not apply (a JSON \`"password"\` is the Terraform state rule's in
   \`prod.tfstate\` and the generic rule's in \`sftp.json\`, whether the files are scanned as a
   directory or from history, even when both paths hold the same blob).

Only a redacted preview (a few characters at each end) and the SHA-256 of a secret leave the
matcher; the secret itself is never printed, stored or sent.

### Validators

| Validator | What it checks |
| --- | --- |
%VALIDATORS%

### Organisation variables

A few sensitive-data rules look for the organisation itself: \`{{var:NAME}}\` in their regex or
keywords becomes the list of configured values. A rule whose variable has no value is not loaded.
The catalogue below marks these rules and names the \`scan\` option that sets each variable.

## Writing your own rules

Put one or more YAML files in a directory and pass it with \`--rules DIR\` (repeatable) to
\`scan\`, \`rules list\`, \`rules test\` and \`rules docs\`. A rule with the id of a built-in rule
replaces it; any other id adds a rule.

\`\`\`yaml
family: acme                    # lower-case id; findings carry it, response providers key on it
provider: Acme Cloud            # the name shown in this catalogue
rules:
  - id: acme-api-key            # lower-case kebab-case, unique
    title: Acme API key
    severity: high              # critical | high | medium | low
    kind: credential            # credential (default) | sensitive-data | password-hash
    keywords: [acme_]           # at least one; case-insensitive literals, 3+ characters
    regex: '(?<![A-Za-z0-9_])(acme_[A-Za-z0-9]{32})(?![A-Za-z0-9_])'
    entropy: 3.5                # optional minimum, bits per character
    allow: ['EXAMPLE']          # optional regexes on the secret that drop the match
    examples:
      positive:
        - 'ACME_KEY={{join:ac:me_}}{{rand:base62:32}}'
      negative:
        - 'ACME_KEY=\${ACME_KEY}'
\`\`\`

Other fields: \`description\`, \`ignoreCase\`, \`secretGroup\`, \`validators\`, \`allowLine\`,
\`allowPath\`, \`generic\` (gets the placeholder filter and yields to specific rules), \`requires\`
(pairing), \`window\` (16–65536 bytes, for multi-line values), \`rotate\` and \`verify\` (response
provider ids). Unknown fields are errors, so a typo does not silently disable a filter.

**Examples** are required: at least one positive and one negative per rule. So that no literal
credential is ever committed (not even a fake one), an example is either a \`parts:\` list joined
at test time or a template whose generators build the token: \`{{rand:CHARSET:N}}\` (ranges such
as \`A-Z2-7\`, or \`hex\`, \`base62\`, \`base64\`, \`base64url\`, \`digits\`...), \`{{join:A:B}}\` (to split a
literal prefix), \`{{crc32:PREFIX}}\` (a checksummed GitHub/npm-style token), \`{{luhn:PREFIX:LEN}}\`,
\`{{jwt}}\`, \`{{pem:LABEL}}\`, \`{{pemenc:LABEL}}\`, \`{{pemjson:LABEL}}\`, \`{{b64pem:LABEL}}\`,
\`{{b64:TEXT}}\` and \`{{b64json:K=V,...}}\`. Generators are seeded by the template, so examples are
stable from run to run.

Check your rules before you use them:

\`\`\`sh
npx leakwatch rules test --rules ./my-rules   # only the rules in ./my-rules; exit 1 on a failure
npx leakwatch rules list --rules ./my-rules   # the merged catalogue
\`\`\`

A positive example must be reported by its rule; a negative example must be reported neither by
its rule nor by any other non-generic rule. The test suite runs the same check over every
built-in rule (\`test/detect/rule-examples.test.ts\`).

## Suppressing findings

- **Inline**: \`leakwatch:allow\` anywhere on the line of a match (in a comment, for example) drops
  that match.
- **\`.leakwatchignore\`**: read from the root of the work tree or directory, or from \`HEAD\` in a
  bare repository (and in the mirror of a clone URL); \`scan --ignore-file FILE\` names another file.
  One entry per line; a line starting with \`#\` is a comment:

  \`\`\`text
  # A path glob, with .gitignore's rules exactly (matched by the \`ignore\` package): * ? [a-z]
  # stay within one folder, ** spans whole folders only (**/fixtures is not src/myfixtures),
  # a pattern without a slash (other than a trailing one) matches at any depth, one with a
  # slash is anchored at the root, a trailing / means a folder, a match also covers everything
  # below it, and a later !pattern takes a path back (not inside an ignored folder). Paths are
  # case-sensitive. A bare entry is a path glob too; write path:GLOB for one with a colon.
  path:test/fixtures/**
  docs/*.md
  !docs/secrets.md
  # Leave out a rule entirely.
  rule:generic-secret-assignment
  # Leave out one finding: its 32-hex id, with the fingerprint: prefix or bare.
  fingerprint:0123456789abcdef0123456789abcdef
  0123456789abcdef0123456789abcdef
  \`\`\`

  Ignored paths drop locations; a finding with no location left is dropped. A file that cannot
  be read or has a line that cannot mean what it says (an empty entry, an unknown \`kind:\`, a
  fingerprint that is not 32 hex digits, an unclosed \`[\` or an empty range, a rule id that no
  loaded rule has, a NUL byte) stops the scan with exit code 2 and names the file and line,
  whether it was found in the target or given with \`--ignore-file\`; only a missing
  \`.leakwatchignore\` means "no ignore rules".
- **Baselines**: \`scan --write-baseline FILE\` records today's findings;
  \`scan --baseline FILE\` then reports only findings whose id is not in it, so a CI job fails only
  on new ones. A finding's id is derived from its rule and the SHA-256 of its secret, so it stays
  the same when the secret moves to another file or commit. Any earlier JSON report works as a
  baseline too.

## Catalogue
`;
