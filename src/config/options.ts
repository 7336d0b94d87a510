/**
 * The one list of configuration options. The zod schema, the env-var overrides and
 * docs/configuration.md are all built from this list, so an option is added in one place.
 */

export type OptionKind = 'string' | 'integer' | 'boolean' | 'string-list' | 'enum' | 'enum-map' | 'record-list' | 'cron' | 'email';

interface OptionBase {
  /** Dotted path in the YAML file, e.g. `mirror.concurrency`. */
  readonly path: string;
  /** Environment variable that overrides the file. */
  readonly env: string;
  readonly description: string;
  /** Secrets are shown as `[redacted]` whenever the config is printed. */
  readonly secret?: boolean;
  /**
   * A filesystem path (or list of paths): a relative value written in the config file resolves
   * against that file's folder; one from the environment or the default, against the working
   * directory (see resolve-config-paths.ts).
   */
  readonly isPath?: boolean;
}

export interface StringOption extends OptionBase {
  readonly kind: 'string' | 'cron' | 'email';
  readonly default?: string;
}
export interface IntegerOption extends OptionBase {
  readonly kind: 'integer';
  readonly default?: number;
  readonly min?: number;
  readonly max?: number;
}
export interface BooleanOption extends OptionBase {
  readonly kind: 'boolean';
  readonly default?: boolean;
}
export interface StringListOption extends OptionBase {
  readonly kind: 'string-list';
  readonly default?: readonly string[];
}
export interface EnumOption extends OptionBase {
  readonly kind: 'enum';
  readonly values: readonly string[];
  readonly default?: string;
}

/** A map from free-form keys (e.g. rule families) to one of `values`. */
export interface EnumMapOption extends OptionBase {
  readonly kind: 'enum-map';
  readonly values: readonly string[];
  readonly default?: Readonly<Record<string, string>>;
}

/** A list of records with fixed string fields, each value checked against its field's pattern. */
export interface RecordListOption extends OptionBase {
  readonly kind: 'record-list';
  /** Field name → regular expression (source) its value must match. */
  readonly fields: Readonly<Record<string, string>>;
  readonly default?: readonly Readonly<Record<string, string>>[];
}

export type OptionSpec = StringOption | IntegerOption | BooleanOption | StringListOption | EnumOption | EnumMapOption | RecordListOption;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const CLASSIFICATIONS = ['public', 'internal', 'confidential', 'restricted'] as const;
export const RESPONSE_POLICIES = ['notify', 'approve', 'auto'] as const;

export const OPTIONS = [
  {
    path: 'dataDir',
    kind: 'string',
    default: './.leakwatch',
    env: 'LEAKWATCH_DATA_DIR',
    isPath: true,
    description:
      'Directory for mirrors and the embedded SQLite database. A relative path in the config file resolves against the file\'s folder; from the environment or the default, against the working directory.',
  },
  {
    path: 'databaseUrl',
    kind: 'string',
    env: 'LEAKWATCH_DATABASE_URL',
    secret: true,
    description:
      'PostgreSQL URL (postgres://HOST:5432/DATABASE, optional ?schema=NAME) of the store and job queue shared by scaled-out replicas; see docs/operations.md, "Scaling out". Unset: embedded SQLite under the data directory.',
  },
  {
    path: 'logLevel',
    kind: 'enum',
    values: LOG_LEVELS,
    default: 'info',
    env: 'LEAKWATCH_LOG_LEVEL',
    description: 'pino log level.',
  },
  {
    path: 'inventory.staticFile',
    kind: 'string',
    env: 'LEAKWATCH_INVENTORY_STATIC_FILE',
    isPath: true,
    description:
      'YAML file of repositories (or glob patterns over local paths) with owners; see docs/inventory.md. Unset: no static source. A relative path in the config file resolves against the file\'s folder; from the environment, against the working directory.',
  },
  {
    path: 'inventory.defaultOwner',
    kind: 'email',
    env: 'LEAKWATCH_INVENTORY_DEFAULT_OWNER',
    description:
      'E-mail that receives the incidents of repositories with no owner (the playbook requires an owner for every asset).',
  },
  {
    path: 'inventory.defaultClassification',
    kind: 'enum',
    values: CLASSIFICATIONS,
    default: 'internal',
    env: 'LEAKWATCH_INVENTORY_DEFAULT_CLASSIFICATION',
    description: 'Data classification of a repository that neither a tag nor the static file classifies.',
  },
  {
    path: 'inventory.codecommit.enabled',
    kind: 'boolean',
    default: false,
    env: 'LEAKWATCH_INVENTORY_CODECOMMIT_ENABLED',
    description: 'List CodeCommit repositories with the default AWS credential chain.',
  },
  {
    path: 'inventory.codecommit.regions',
    kind: 'string-list',
    default: ['us-east-1'],
    env: 'LEAKWATCH_INVENTORY_CODECOMMIT_REGIONS',
    description: 'AWS regions whose CodeCommit repositories are inventoried.',
  },
  {
    path: 'inventory.codecommit.tagKeys.owner',
    kind: 'string',
    default: 'owner',
    env: 'LEAKWATCH_INVENTORY_CODECOMMIT_TAG_KEYS_OWNER',
    description: "Tag whose value is the owner's e-mail.",
  },
  {
    path: 'inventory.codecommit.tagKeys.team',
    kind: 'string',
    default: 'team',
    env: 'LEAKWATCH_INVENTORY_CODECOMMIT_TAG_KEYS_TEAM',
    description: 'Tag whose value is the owning team.',
  },
  {
    path: 'inventory.codecommit.tagKeys.contact',
    kind: 'string',
    default: 'escalation-contact',
    env: 'LEAKWATCH_INVENTORY_CODECOMMIT_TAG_KEYS_CONTACT',
    description: 'Tag whose value is one or more escalation e-mails, separated by spaces (tag values cannot hold commas).',
  },
  {
    path: 'inventory.codecommit.tagKeys.classification',
    kind: 'string',
    default: 'data-classification',
    env: 'LEAKWATCH_INVENTORY_CODECOMMIT_TAG_KEYS_CLASSIFICATION',
    description: 'Tag whose value is public, internal, confidential or restricted.',
  },
  {
    path: 'inventory.codecommit.tagKeys.snsTopic',
    kind: 'string',
    default: 'sns-topic',
    env: 'LEAKWATCH_INVENTORY_CODECOMMIT_TAG_KEYS_SNS_TOPIC',
    description: "Tag whose value is the ARN of the owner's SNS topic for incidents.",
  },
  {
    path: 'inventory.aws.enabled',
    kind: 'boolean',
    default: false,
    env: 'LEAKWATCH_INVENTORY_AWS_ENABLED',
    description:
      'Inventory code outside git by tag: S3 buckets, EC2 instances, AMIs and EBS snapshots tagged inventory.aws.codeTag=true (owner and classification from the inventory.codecommit.tagKeys tags). See docs/inventory.md.',
  },
  {
    path: 'inventory.aws.regions',
    kind: 'string-list',
    default: ['us-east-1'],
    env: 'LEAKWATCH_INVENTORY_AWS_REGIONS',
    description: 'Regions whose tagged EC2 instances, AMIs and snapshots are inventoried (S3 buckets are listed once, from the first).',
  },
  {
    path: 'inventory.aws.codeTag',
    kind: 'string',
    default: 'leakwatch:code',
    env: 'LEAKWATCH_INVENTORY_AWS_CODE_TAG',
    description: 'Tag marking a bucket or EC2 resource as holding code (value true); `<tag>-prefix` narrows a bucket to a prefix, `<tag>-writers` lists the principals expected to write to it.',
  },
  {
    path: 'mirror.concurrency',
    kind: 'integer',
    default: 4,
    min: 1,
    max: 64,
    env: 'LEAKWATCH_MIRROR_CONCURRENCY',
    description: 'Repositories mirrored at the same time.',
  },
  {
    path: 'mirror.timeoutSeconds',
    kind: 'integer',
    default: 900,
    min: 1,
    env: 'LEAKWATCH_MIRROR_TIMEOUT_SECONDS',
    description: 'A clone or fetch running longer than this is killed and retried later.',
  },
  {
    path: 'mirror.retries',
    kind: 'integer',
    default: 3,
    min: 0,
    max: 20,
    env: 'LEAKWATCH_MIRROR_RETRIES',
    description: 'Retries of a failed clone or fetch before the repository waits for the next run.',
  },
  {
    path: 'mirror.backoffSeconds',
    kind: 'integer',
    default: 30,
    min: 0,
    env: 'LEAKWATCH_MIRROR_BACKOFF_SECONDS',
    description: 'First retry delay; each further retry doubles it.',
  },
  {
    path: 'schedule.inventoryRefresh',
    kind: 'cron',
    default: '0 * * * *',
    env: 'LEAKWATCH_SCHEDULE_INVENTORY_REFRESH',
    description: 'Cron schedule for re-reading the inventory sources.',
  },
  {
    path: 'schedule.mirrorScan',
    kind: 'cron',
    default: '*/15 * * * *',
    env: 'LEAKWATCH_SCHEDULE_MIRROR_SCAN',
    description: 'Cron schedule for fetching every mirror and scanning what is new.',
  },
  {
    path: 'schedule.watch',
    kind: 'cron',
    default: '*/5 * * * *',
    env: 'LEAKWATCH_SCHEDULE_WATCH',
    description: 'Cron schedule for the public-source watch (GitHub events, code search, gists).',
  },
  {
    path: 'schedule.escalation',
    kind: 'cron',
    default: '*/30 * * * *',
    env: 'LEAKWATCH_SCHEDULE_ESCALATION',
    description: 'Cron schedule for escalating incidents nobody acted on.',
  },
  {
    path: 'schedule.posture',
    kind: 'cron',
    default: '0 */6 * * *',
    env: 'LEAKWATCH_SCHEDULE_POSTURE',
    description: 'Cron schedule for the posture checks (`leakwatch posture`); a check that turns from pass to fail is reported to its owner once.',
  },
  {
    path: 'queue.jobTimeoutSeconds',
    kind: 'integer',
    default: 1800,
    min: 10,
    env: 'LEAKWATCH_QUEUE_JOB_TIMEOUT_SECONDS',
    description:
      'With databaseUrl: a queued job still running after this long (its replica was killed or hangs) is failed and retried, by any replica. Keep it above the longest repository job.',
  },
  {
    path: 'queue.retryLimit',
    kind: 'integer',
    default: 3,
    min: 0,
    max: 20,
    env: 'LEAKWATCH_QUEUE_RETRY_LIMIT',
    description: 'With databaseUrl: retries of a failed or timed-out queued job before it is given up (the next push or schedule queues it again).',
  },
  {
    path: 'queue.retryDelaySeconds',
    kind: 'integer',
    default: 30,
    min: 1,
    env: 'LEAKWATCH_QUEUE_RETRY_DELAY_SECONDS',
    description: 'With databaseUrl: delay before the first retry of a queued job; each further retry doubles it.',
  },
  {
    path: 'queue.maintenanceIntervalSeconds',
    kind: 'integer',
    default: 60,
    min: 1,
    env: 'LEAKWATCH_QUEUE_MAINTENANCE_INTERVAL_SECONDS',
    description: 'With databaseUrl: how often the queue looks for timed-out jobs; a killed replica\'s job is taken over within jobTimeoutSeconds plus this.',
  },
  {
    path: 'queue.repositoryLeaseSeconds',
    kind: 'integer',
    default: 60,
    min: 5,
    env: 'LEAKWATCH_QUEUE_REPOSITORY_LEASE_SECONDS',
    description:
      'With databaseUrl: a replica running a repository job holds the repository\'s lease, renewed every third of this; a killed replica\'s lease lapses after it, and no other replica runs that repository before.',
  },
  {
    path: 'http.port',
    kind: 'integer',
    default: 8080,
    min: 0,
    max: 65535,
    env: 'LEAKWATCH_HTTP_PORT',
    description: 'Port of the health, metrics and webhook server (0 picks a free port).',
  },
  {
    path: 'http.host',
    kind: 'string',
    default: '127.0.0.1',
    env: 'LEAKWATCH_HTTP_HOST',
    description: 'Address the HTTP server binds to; 0.0.0.0 in a container.',
  },
  {
    path: 'http.webhookToken',
    kind: 'string',
    env: 'LEAKWATCH_HTTP_WEBHOOK_TOKEN',
    secret: true,
    description:
      'Token the webhook (`/webhook/codecommit`) requires. Set it through the environment, not the file. Unset: the webhook is disabled.',
  },
  {
    path: 'http.snsTopicArns',
    kind: 'string-list',
    default: [],
    env: 'LEAKWATCH_HTTP_SNS_TOPIC_ARNS',
    description: 'SNS topics whose signed deliveries the webhook accepts. Empty: SNS deliveries are refused.',
  },
  {
    path: 'http.publicUrl',
    kind: 'string',
    env: 'LEAKWATCH_HTTP_PUBLIC_URL',
    description:
      'The address at which AWS reaches this daemon (e.g. `https://leakwatch.example.com`, behind any proxy or load balancer), without `/webhook/codecommit`. The posture check `eventbridge-codecommit-forwarding` compares an API destination\'s endpoint with `<publicUrl>/webhook/codecommit`; unset, an API destination target is not verified (the check is skipped and says so).',
  },
  {
    path: 'http.uiToken',
    kind: 'string',
    env: 'LEAKWATCH_HTTP_UI_TOKEN',
    secret: true,
    description:
      'Token that logs a person into the web console (/ui/) as a responder (may acknowledge, approve, resolve, reopen). Separate from the webhook token; set it through the environment. Unset (and no viewer token or trusted proxy): the console is off.',
  },
  {
    path: 'http.uiViewerToken',
    kind: 'string',
    env: 'LEAKWATCH_HTTP_UI_VIEWER_TOKEN',
    secret: true,
    description: 'Token that logs a person into the web console as a viewer (may read and acknowledge, not approve or resolve).',
  },
  {
    path: 'http.uiTrustedProxies',
    kind: 'string-list',
    default: [],
    env: 'LEAKWATCH_HTTP_UI_TRUSTED_PROXIES',
    description:
      'Addresses of a front proxy (e.g. an OIDC proxy) whose identity header the console believes. The header is ignored on requests from any other address.',
  },
  {
    path: 'http.uiIdentityHeader',
    kind: 'string',
    default: 'x-forwarded-email',
    env: 'LEAKWATCH_HTTP_UI_IDENTITY_HEADER',
    description: 'Header in which the trusted proxy names the signed-in person.',
  },
  {
    path: 'http.uiResponders',
    kind: 'string-list',
    default: [],
    env: 'LEAKWATCH_HTTP_UI_RESPONDERS',
    description: 'Identities named by the trusted proxy that get the responder role (`*`: everyone it names); the others are viewers.',
  },
  {
    path: 'scan.maxBlobBytes',
    kind: 'integer',
    default: 5_242_880,
    min: 1,
    env: 'LEAKWATCH_SCAN_MAX_BLOB_BYTES',
    description: 'Blobs larger than this are skipped (and counted).',
  },
  {
    path: 'scan.rulesDirs',
    kind: 'string-list',
    default: [],
    env: 'LEAKWATCH_SCAN_RULES_DIRS',
    isPath: true,
    description:
      'Extra directories of detector YAML files, loaded after the built-in detectors. Relative paths in the config file resolve against the file\'s folder; from the environment, against the working directory.',
  },
  {
    path: 'github.token',
    kind: 'string',
    env: 'LEAKWATCH_GITHUB_TOKEN',
    secret: true,
    description:
      'GitHub token for the public watch (no scopes needed). Set it through the environment; GITHUB_TOKEN is used when this is unset. Code search needs a token.',
  },
  {
    path: 'github.tokenSecretId',
    kind: 'string',
    env: 'LEAKWATCH_GITHUB_TOKEN_SECRET_ID',
    description: 'Secrets Manager secret (name or ARN) holding the GitHub token, read when no token is set directly.',
  },
  {
    path: 'github.apiUrl',
    kind: 'string',
    default: 'https://api.github.com',
    env: 'LEAKWATCH_GITHUB_API_URL',
    description: 'GitHub REST API base URL (GitHub Enterprise Server: https://HOST/api/v3).',
  },
  {
    path: 'github.webUrl',
    kind: 'string',
    default: 'https://github.com',
    env: 'LEAKWATCH_GITHUB_WEB_URL',
    description: 'Base of the public links put in incidents.',
  },
  {
    path: 'watch.sources',
    kind: 'string-list',
    default: ['github-events', 'github-code-search', 'github-gists', 'aws-canary-keys', 'aws-guardduty', 'aws-cloudtrail-code-stores'],
    env: 'LEAKWATCH_WATCH_SOURCES',
    description: 'Public sources polled on the watch schedule; see docs/watch.md. Empty: no public watch.',
  },
  {
    path: 'watch.orgs',
    kind: 'string-list',
    default: [],
    env: 'LEAKWATCH_WATCH_ORGS',
    description: 'Our GitHub organisations: pushes to, forks of and repositories made public in them are fetched and matched.',
  },
  {
    path: 'watch.users',
    kind: 'string-list',
    default: [],
    env: 'LEAKWATCH_WATCH_USERS',
    description: 'GitHub logins of our people and bots: their public pushes, forks and new public repositories are fetched and matched.',
  },
  {
    path: 'watch.emailDomains',
    kind: 'string-list',
    default: [],
    env: 'LEAKWATCH_WATCH_EMAIL_DOMAINS',
    description:
      'Commit author and committer e-mail domains of our people, e.g. example.com (subdomains included): public pushes of commits with such an e-mail are fetched and matched.',
  },
  {
    path: 'watch.emailProbesPerPoll',
    kind: 'integer',
    default: 30,
    min: 0,
    max: 300,
    env: 'LEAKWATCH_WATCH_EMAIL_PROBES_PER_POLL',
    description:
      'Pushes by accounts outside the perimeter whose commit e-mails are looked up per watch run (one request each), to find commits by watch.emailDomains; 0 turns the lookup off. Needs a token.',
  },
  {
    path: 'watch.projectNames',
    kind: 'string-list',
    default: [],
    env: 'LEAKWATCH_WATCH_PROJECT_NAMES',
    description: 'Project names: a repository created or made public with one in its name or description is fetched and matched.',
  },
  {
    path: 'watch.internalDomains',
    kind: 'string-list',
    default: [],
    env: 'LEAKWATCH_WATCH_INTERNAL_DOMAINS',
    description: 'Internal DNS suffixes; hostnames under them in our code become code-search terms.',
  },
  {
    path: 'watch.searchTerms',
    kind: 'string-list',
    default: [],
    env: 'LEAKWATCH_WATCH_SEARCH_TERMS',
    description: 'Extra code-search terms, each written repository:string (the repository whose owner a hit concerns).',
  },
  {
    path: 'watch.codeSearchQueriesPerPoll',
    kind: 'integer',
    default: 10,
    min: 1,
    max: 100,
    env: 'LEAKWATCH_WATCH_CODE_SEARCH_QUERIES_PER_POLL',
    description: 'Code-search queries per watch run; code search allows 10 a minute, so more makes a run longer.',
  },
  {
    path: 'watch.maxFileBytes',
    kind: 'integer',
    default: 1_048_576,
    min: 1,
    env: 'LEAKWATCH_WATCH_MAX_FILE_BYTES',
    description: 'Public files larger than this are not fetched.',
  },
  {
    path: 'watch.repoByteBudget',
    kind: 'integer',
    default: 8_388_608,
    min: 1,
    env: 'LEAKWATCH_WATCH_REPO_BYTE_BUDGET',
    description: 'Bytes fetched from one public repository (a fork, or a repository made public) per event.',
  },
  {
    path: 'response.defaultPolicy',
    kind: 'enum',
    values: RESPONSE_POLICIES,
    default: 'notify',
    env: 'LEAKWATCH_RESPONSE_DEFAULT_POLICY',
    description:
      'notify: tell the owner and show what auto would do; approve: a person approves each action; auto: act at once.',
  },
  {
    path: 'response.policies',
    kind: 'enum-map',
    values: RESPONSE_POLICIES,
    default: {},
    env: 'LEAKWATCH_RESPONSE_POLICIES',
    description:
      'Policy per rule family (the `family` of a detectors/*.yaml file, e.g. `aws: auto`, `github: approve`); families not listed use response.defaultPolicy. Environment form: `aws=auto,github=approve`.',
  },
  {
    path: 'response.escalateAfterMinutes',
    kind: 'integer',
    default: 60,
    min: 1,
    env: 'LEAKWATCH_RESPONSE_ESCALATE_AFTER_MINUTES',
    description: 'An incident still open (not acknowledged) this long after it was opened is sent to the escalation contacts, once.',
  },
  {
    path: 'response.maxAttempts',
    kind: 'integer',
    default: 3,
    min: 1,
    max: 20,
    env: 'LEAKWATCH_RESPONSE_MAX_ATTEMPTS',
    description: 'Tries of an action that keeps failing with a retryable error (throttling, 5xx) before it is escalated to a person.',
  },
  {
    path: 'response.awsRegion',
    kind: 'string',
    default: 'us-east-1',
    env: 'LEAKWATCH_RESPONSE_AWS_REGION',
    description: "Region of the daemon's own AWS clients for containment (IAM, STS, Secrets Manager), SNS, SES and CloudTrail.",
  },
  {
    path: 'response.aws.createReplacementKey',
    kind: 'boolean',
    default: false,
    env: 'LEAKWATCH_RESPONSE_AWS_CREATE_REPLACEMENT_KEY',
    description:
      "When leakwatch contains a leaked IAM access key (policy auto, or once approved), also create one new access key for the key's IAM user, as the daemon's own principal, and store it only in Secrets Manager (response.aws.replacementSecretName); the owner is told where to fetch it. At most one replacement per leaked key, across restarts. See docs/respond-providers.md.",
  },
  {
    path: 'response.aws.replacementSecretName',
    kind: 'string',
    default: 'leakwatch/replacement-keys/{user}',
    env: 'LEAKWATCH_RESPONSE_AWS_REPLACEMENT_SECRET_NAME',
    description:
      'Secrets Manager name of a replacement access key; `{user}` is replaced by the IAM user name. Keep it under leakwatch/replacement-keys/ (the prefix config/iam-policy.json grants).',
  },
  {
    path: 'response.aws.replacementKmsKeyId',
    kind: 'string',
    env: 'LEAKWATCH_RESPONSE_AWS_REPLACEMENT_KMS_KEY_ID',
    description:
      "KMS key (id, ARN or alias) that encrypts replacement access keys in Secrets Manager; unset: the account's aws/secretsmanager key. A customer-managed key also needs kms:GenerateDataKey and kms:Decrypt for the daemon.",
  },
  {
    path: 'response.s3.blockAccountPublicAccess',
    kind: 'boolean',
    default: false,
    env: 'LEAKWATCH_RESPONSE_S3_BLOCK_ACCOUNT_PUBLIC_ACCESS',
    description:
      "When leakwatch contains an exposed code bucket (policy family s3), also turn on S3 Block Public Access for the whole account (S3 Control), recording the previous configuration. See docs/respond-providers.md.",
  },
  {
    path: 'response.email.channel',
    kind: 'enum',
    values: ['none', 'smtp', 'ses'],
    default: 'none',
    env: 'LEAKWATCH_RESPONSE_EMAIL_CHANNEL',
    description: 'How incident e-mails are sent: SMTP (response.email.smtpUrl), Amazon SES v2, or not at all.',
  },
  {
    path: 'response.email.from',
    kind: 'email',
    env: 'LEAKWATCH_RESPONSE_EMAIL_FROM',
    description: 'Sender address of incident e-mails (an SES verified identity when the channel is ses).',
  },
  {
    path: 'response.email.smtpUrl',
    kind: 'string',
    env: 'LEAKWATCH_RESPONSE_EMAIL_SMTP_URL',
    secret: true,
    description: 'SMTP server as a URL, e.g. smtps://user:password@mail.example.com:465; set it through the environment.',
  },
  {
    path: 'response.sns.enabled',
    kind: 'boolean',
    default: false,
    env: 'LEAKWATCH_RESPONSE_SNS_ENABLED',
    description: "Publish incidents to SNS: the repository's own topic (inventory), else response.sns.defaultTopicArn.",
  },
  {
    path: 'response.sns.defaultTopicArn',
    kind: 'string',
    env: 'LEAKWATCH_RESPONSE_SNS_DEFAULT_TOPIC_ARN',
    description: 'SNS topic for incidents of repositories that name none.',
  },
  {
    path: 'response.verify',
    kind: 'boolean',
    default: false,
    env: 'LEAKWATCH_RESPONSE_VERIFY',
    description:
      'Check once per incident whether a leaked AWS key or GitHub token is still live (sts:GetCallerIdentity after the owner lookup; GET /user). The only use ever made of a leaked credential.',
  },
  {
    path: 'response.canaryAccounts',
    kind: 'string-list',
    default: [],
    env: 'LEAKWATCH_RESPONSE_CANARY_ACCOUNTS',
    description: 'AWS account ids whose keys are canaries: never verified, since using one fires its alarm.',
  },
  {
    path: 'response.forensics.enabled',
    kind: 'boolean',
    default: false,
    env: 'LEAKWATCH_RESPONSE_FORENSICS_ENABLED',
    description: 'Look up who pulled or pushed the repository since the exposure in CloudTrail (CodeCommit events, last 90 days).',
  },
  {
    path: 'response.forensics.knownPrincipals',
    kind: 'string-list',
    default: [],
    env: 'LEAKWATCH_RESPONSE_FORENSICS_KNOWN_PRINCIPALS',
    description: 'ARN patterns (`*` wildcard) of principals expected to access repositories (CI roles, leakwatch); others are flagged.',
  },
  {
    path: 'canary.awsKeys',
    kind: 'record-list',
    fields: { repository: '^.+$', accessKeyId: '^AKIA[A-Z0-9]{16}$' },
    default: [],
    env: 'LEAKWATCH_CANARY_AWS_KEYS',
    description:
      'AWS canary keys, each `{ repository, accessKeyId }`: the key id of an IAM user with no permissions planted in that repository (leakwatch canary create). Any use of one opens a code-exposure incident; the key itself never opens a credential incident. Environment form: a JSON array. See docs/canaries.md.',
  },
  {
    path: 'canary.cloudtrailRegions',
    kind: 'string-list',
    default: ['us-east-1'],
    env: 'LEAKWATCH_CANARY_CLOUDTRAIL_REGIONS',
    description:
      'Regions whose CloudTrail event history is searched for uses of the canary keys; us-east-1 holds the global services (IAM, STS global endpoint).',
  },
  {
    path: 'posture.regions',
    kind: 'string-list',
    default: ['us-east-1'],
    env: 'LEAKWATCH_POSTURE_REGIONS',
    description: 'Regions the posture checks look at (`--region` overrides); the first is where IAM, S3 and STS are asked.',
  },
  {
    path: 'posture.codeBuckets',
    kind: 'string-list',
    default: [],
    env: 'LEAKWATCH_POSTURE_CODE_BUCKETS',
    description: 'S3 buckets that hold code (archives, backups, build inputs), besides those tagged with `posture.codeBucketTag`.',
  },
  {
    path: 'posture.codeBucketTag',
    kind: 'string',
    default: 'leakwatch:code',
    env: 'LEAKWATCH_POSTURE_CODE_BUCKET_TAG',
    description: 'Tag key that marks a bucket as holding code when its value is `true`; the bucket\'s `owner` tag names its owner.',
  },
  {
    path: 'posture.accessKeyMaxAgeDays',
    kind: 'integer',
    default: 90,
    min: 1,
    env: 'LEAKWATCH_POSTURE_ACCESS_KEY_MAX_AGE_DAYS',
    description: 'An active IAM access key older than this many days fails the access-key check.',
  },
  {
    path: 'posture.accessKeyUnusedDays',
    kind: 'integer',
    default: 90,
    min: 1,
    env: 'LEAKWATCH_POSTURE_ACCESS_KEY_UNUSED_DAYS',
    description: 'An active IAM access key not used for this many days (or never used and this old) fails the access-key check.',
  },
  {
    path: 'posture.criticalChangeRoles',
    kind: 'string-list',
    default: [],
    env: 'LEAKWATCH_POSTURE_CRITICAL_CHANGE_ROLES',
    description: 'Roles (names or ARN patterns with `*`) expected to be able to change CodeCommit, S3 public access or IAM; any other role that can fails the check.',
  },
  {
    path: 'posture.securityContact',
    kind: 'email',
    env: 'LEAKWATCH_POSTURE_SECURITY_CONTACT',
    description: 'Who is told when a posture check that concerns no inventoried owner turns from pass to fail (falls back to `inventory.defaultOwner`).',
  },
  {
    path: 'indicators.guardduty',
    kind: 'boolean',
    default: false,
    env: 'LEAKWATCH_INDICATORS_GUARDDUTY',
    description:
      "Poll GuardDuty (every detector in indicators.regions) on the watch schedule for findings of the code-exposure playbook's types; findings about our code stores, leaked keys or principals that pulled our repositories join their incidents. EventBridge can also post them to the webhook. See docs/incidents.md.",
  },
  {
    path: 'indicators.cloudtrail',
    kind: 'boolean',
    default: false,
    env: 'LEAKWATCH_INDICATORS_CLOUDTRAIL',
    description:
      'Poll CloudTrail event history in indicators.regions for public-access changes to inventoried code buckets, AMIs and snapshots (object-level events come only through EventBridge to the webhook). See docs/incidents.md.',
  },
  {
    path: 'indicators.regions',
    kind: 'string-list',
    default: ['us-east-1'],
    env: 'LEAKWATCH_INDICATORS_REGIONS',
    description: 'Regions whose GuardDuty findings and CloudTrail events the indicator sources poll.',
  },
] as const satisfies readonly OptionSpec[];
