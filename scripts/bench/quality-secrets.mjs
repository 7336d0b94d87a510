// The planted-secret kinds of the quality corpus: how many of each, and how to make one.
// A generator returns either `entries` ([NAME, value] pairs a format renders into a config or
// code file) or a whole `file`, plus `labels`: the secret a scanner must report (`value`),
// other spellings of the same secret it may report instead (`accept`), and parts that are not
// the secret but are no false positive either (`related`, e.g. an AWS key id).
import { p, crcToken, b64url } from './quality-rng.mjs';
import { jwt, privateKeyPem, pemAccepts, pemBlock, keyBodies } from './quality-pem.mjs';
import { fileSecrets } from './quality-secret-files.mjs';

const WORDS = ['harbor', 'kestrel', 'maple', 'orbit', 'cobalt', 'juniper', 'falcon', 'quartz', 'saffron', 'tundra'];
const cap = (w) => w[0].toUpperCase() + w.slice(1);

/** Passwords people and password managers make: random with symbols, or words and digits. */
export function password(rng) {
  if (rng.chance(0.5)) {
    const base = rng.chars('alnum', rng.int(14, 22)).split('');
    for (let i = 0; i < 2; i++) base[rng.int(0, base.length - 1)] = rng.pick(['!', '#', '%', '^', '*', '@', '&']);
    return base.join('');
  }
  return `${cap(rng.pick(WORDS))}${rng.pick(['!', '#', '-', '.', '@'])}${rng.int(1000, 9999)}${rng.pick(WORDS)}${rng.pick(['', '!', '$'])}`;
}

const urlPassword = (rng) => rng.chars('alnum', rng.int(16, 24));
/** One [NAME, shown] entry; the label is `value` (the password inside a URL, say). */
const one = (kind, name, value, extra = {}) => ({
  entries: [[name, extra.shown ?? value]],
  labels: [{ kind, value, accept: extra.accept ?? [], related: extra.related ?? [] }],
});

function awsPair(rng, prefix) {
  const id = p(...prefix) + rng.chars('base32', 16);
  const secret = rng.chars('base64', 40);
  return { id, secret };
}

function dbUrl(kind, scheme, rng) {
  const user = rng.pick(['app', 'svc_billing', 'ledger_rw', 'admin', 'notifier', 'etl']);
  const pw = urlPassword(rng);
  const host = {
    postgres: `${rng.pick(['billing', 'ledger', 'core'])}-db.${rng.chars('lowerAlnum', 12)}.eu-west-1.rds.amazonaws.com:5432/${rng.pick(['billing', 'ledger', 'app'])}`,
    mysql: `mysql-${rng.int(1, 4)}.internal.paycraft.example:3306/${rng.pick(['orders', 'legacy', 'reports'])}`,
    'mongodb+srv': `cluster${rng.int(0, 3)}.${rng.chars('lowerAlnum', 5)}.mongodb.net/${rng.pick(['events', 'profiles'])}?retryWrites=true&w=majority`,
    redis: `cache-${rng.int(1, 3)}.${rng.chars('lowerAlnum', 6)}.cache.amazonaws.com:6379/0`,
    amqp: `mq.internal.paycraft.example:5672/${rng.pick(['%2F', 'billing', 'events'])}`,
  }[scheme];
  const userPart = scheme === 'redis' && rng.chance(0.5) ? '' : user;
  const url = `${scheme}://${userPart}:${pw}@${host}`;
  const name = { postgres: 'DATABASE_URL', mysql: 'MYSQL_URL', 'mongodb+srv': 'MONGO_URI', redis: 'REDIS_URL', amqp: 'AMQP_URL' }[scheme];
  return one(kind, name, pw, { shown: url, accept: [url, `${userPart}:${pw}`] });
}

/** kind -> { count, gen(rng) } */
export const secretKinds = {
  'aws-access-key': {
    count: 6,
    gen: (rng) => {
      const { id, secret } = awsPair(rng, ['AK', 'IA']);
      return {
        entries: [['AWS_ACCESS_KEY_ID', id], ['AWS_SECRET_ACCESS_KEY', secret]],
        labels: [{ kind: 'aws-access-key', value: secret, accept: [], related: [id] }],
      };
    },
  },
  'aws-session-token': {
    count: 3,
    gen: (rng) => {
      const { id, secret } = awsPair(rng, ['AS', 'IA']);
      const token = rng.chance(0.6)
        ? 'IQoJb3JpZ2luX2VjE' + rng.chars('base64', rng.int(700, 900)) + '='
        : 'FwoGZXIvYXdzE' + rng.chars('base64', rng.int(300, 380));
      return {
        entries: [['AWS_ACCESS_KEY_ID', id], ['AWS_SECRET_ACCESS_KEY', secret], ['AWS_SESSION_TOKEN', token]],
        labels: [
          { kind: 'aws-session-token', value: token, accept: [], related: [id, secret] },
          { kind: 'aws-access-key', value: secret, accept: [], related: [id] },
        ],
      };
    },
  },
  'github-pat-classic': { count: 5, gen: (rng) => one('github-pat-classic', 'GITHUB_TOKEN', crcToken(rng, p('gh', 'p_'))) },
  'github-pat-fine-grained': {
    count: 3,
    gen: (rng) => one('github-pat-fine-grained', 'GH_TOKEN', p('github', '_pat_') + rng.chars('alnum', 22) + '_' + rng.chars('alnum', 59)),
  },
  'github-oauth': { count: 3, gen: (rng) => one('github-oauth', 'GITHUB_OAUTH_TOKEN', crcToken(rng, p('gh', 'o_'))) },
  'gitlab-pat': { count: 3, gen: (rng) => one('gitlab-pat', 'GITLAB_TOKEN', p('gl', 'pat-') + rng.chars('base64url', 20)) },
  'slack-bot-token': {
    count: 3,
    gen: (rng) => one('slack-bot-token', 'SLACK_BOT_TOKEN', `${p('xo', 'xb')}-${rng.chars('digits', 12)}-${rng.chars('digits', 13)}-${rng.chars('alnum', 24)}`),
  },
  'slack-user-token': {
    count: 2,
    gen: (rng) =>
      one('slack-user-token', 'SLACK_USER_TOKEN', `${p('xo', 'xp')}-${rng.chars('digits', 12)}-${rng.chars('digits', 12)}-${rng.chars('digits', 13)}-${rng.chars('hex', 32)}`),
  },
  'slack-webhook': {
    count: 3,
    gen: (rng) => {
      const path = `T${rng.chars('upperAlnum', 9)}/B${rng.chars('upperAlnum', 11)}/${rng.chars('alnum', 24)}`;
      const url = p('https://hooks.', 'slack.com/services/') + path;
      return one('slack-webhook', 'SLACK_WEBHOOK_URL', url, { accept: [path, path.split('/')[2]] });
    },
  },
  'stripe-live-key': {
    count: 4,
    gen: (rng) => one('stripe-live-key', 'STRIPE_SECRET_KEY', p(rng.pick(['sk', 'rk']), '_live_') + rng.chars('alnum', rng.pick([24, 99]))),
  },
  sendgrid: {
    count: 3,
    gen: (rng) => one('sendgrid', 'SENDGRID_API_KEY', p('S', 'G.') + rng.chars('base64url', 22) + '.' + rng.chars('base64url', 43)),
  },
  twilio: {
    count: 3,
    gen: (rng) => {
      if (rng.chance(0.5)) {
        const sid = 'AC' + rng.chars('hex', 32);
        const token = rng.chars('hex', 32);
        return { entries: [['TWILIO_ACCOUNT_SID', sid], ['TWILIO_AUTH_TOKEN', token]], labels: [{ kind: 'twilio', value: token, accept: [], related: [sid] }] };
      }
      const sid = 'SK' + rng.chars('hex', 32);
      const secret = rng.chars('alnum', 32);
      return { entries: [['TWILIO_API_KEY', sid], ['TWILIO_API_SECRET', secret]], labels: [{ kind: 'twilio', value: secret, accept: [], related: [sid] }] };
    },
  },
  'google-api-key': { count: 4, gen: (rng) => one('google-api-key', 'GOOGLE_MAPS_API_KEY', p('AI', 'za') + rng.chars('base64url', 35)) },
  'azure-storage': {
    count: 3,
    gen: (rng) => {
      const key = rng.bytes(64).toString('base64');
      const conn = `DefaultEndpointsProtocol=https;AccountName=st${rng.chars('lowerAlnum', 10)};${p('Account', 'Key=')}${key};EndpointSuffix=core.windows.net`;
      return one('azure-storage', 'AZURE_STORAGE_CONNECTION_STRING', key, { shown: conn, accept: [conn] });
    },
  },
  'npm-token': { count: 3, gen: (rng) => one('npm-token', 'NPM_TOKEN', crcToken(rng, p('np', 'm_'))) },
  'pypi-token': { count: 3, gen: (rng) => one('pypi-token', 'TWINE_PASSWORD', p('pypi-', 'AgEIcHlwaS5vcmc') + rng.chars('base64url', rng.int(140, 170))) },
  'dockerhub-pat': { count: 3, gen: (rng) => one('dockerhub-pat', 'DOCKERHUB_TOKEN', p('dckr', '_pat_') + rng.chars('base64url', 27)) },
  'postgres-url': { count: 3, gen: (rng) => dbUrl('postgres-url', 'postgres', rng) },
  'mysql-url': { count: 2, gen: (rng) => dbUrl('mysql-url', 'mysql', rng) },
  'mongodb-url': { count: 3, gen: (rng) => dbUrl('mongodb-url', 'mongodb+srv', rng) },
  'redis-url': { count: 2, gen: (rng) => dbUrl('redis-url', 'redis', rng) },
  'amqp-url': { count: 2, gen: (rng) => dbUrl('amqp-url', 'amqp', rng) },
  'basic-auth-url': {
    count: 3,
    gen: (rng) => {
      const pw = urlPassword(rng);
      const user = rng.pick(['deploy', 'ci-bot', 'jenkins', 'readonly']);
      const url = `https://${user}:${pw}@${rng.pick(['artifacts.paycraft.example/repository/maven-releases/', 'registry.internal.paycraft.example/v2/', 'git.paycraft.example/platform/charts.git'])}`;
      return one('basic-auth-url', 'ARTIFACT_REPO_URL', pw, { shown: url, accept: [url, `${user}:${pw}`] });
    },
  },
  'generic-password': {
    count: 12,
    gen: (rng) => {
      const name = rng.pick(['DB_PASSWORD', 'ADMIN_PASSWORD', 'SMTP_PASSWORD', 'LDAP_BIND_PASSWORD', 'KEYSTORE_PASSWORD', 'RABBITMQ_PASSWORD', 'SFTP_PASSWORD']);
      return { ...one('generic-password', name, password(rng)), formats: ['code', 'yaml', 'json', 'properties', 'env', 'xml'] };
    },
  },
  'generic-api-key': {
    count: 10,
    gen: (rng) => {
      const name = rng.pick(['PAYMENT_API_KEY', 'PARTNER_API_KEY', 'INTERNAL_API_TOKEN', 'WEBHOOK_SIGNING_SECRET', 'OAUTH_CLIENT_SECRET', 'FX_RATES_API_KEY', 'ENCRYPTION_KEY']);
      const value = rng.pick([() => rng.chars('hex', 40), () => rng.chars('alnum', 32), () => rng.chars('base64url', 43), () => rng.chars('hex', 64)])();
      return { ...one('generic-api-key', name, value), formats: ['code', 'yaml', 'json', 'properties', 'env', 'xml'] };
    },
  },
  jwt: {
    count: 4,
    gen: (rng) => {
      const now = 1690000000 + rng.int(0, 3e7);
      const token = jwt(rng, { sub: rng.uuid(), name: rng.pick(['svc-billing', 'ops-admin', 'reporting']), role: rng.pick(['admin', 'service']), iat: now, exp: now + 3.15e7 });
      return one('jwt', 'API_BEARER_TOKEN', token);
    },
  },
  openai: {
    count: 3,
    gen: (rng) =>
      one('openai', 'OPENAI_API_KEY', rng.chance(0.5)
        ? p('s', 'k-') + rng.chars('alnum', 20) + 'T3BlbkFJ' + rng.chars('alnum', 20)
        : p('sk-', 'proj-') + rng.chars('base64url', 74) + 'T3BlbkFJ' + rng.chars('base64url', 74)),
  },
  anthropic: { count: 2, gen: (rng) => one('anthropic', 'ANTHROPIC_API_KEY', p('sk-', 'ant-api03-') + rng.chars('base64url', 93) + 'AA') },
  huggingface: { count: 2, gen: (rng) => one('huggingface', 'HF_TOKEN', p('h', 'f_') + rng.chars('alpha', 34)) },
  datadog: {
    count: 3,
    gen: (rng) => (rng.chance(0.6) ? one('datadog', 'DD_API_KEY', rng.chars('hex', 32)) : one('datadog', 'DATADOG_APP_KEY', rng.chars('hex', 40))),
  },
  newrelic: {
    count: 2,
    gen: (rng) => (rng.chance(0.5) ? one('newrelic', 'NEW_RELIC_API_KEY', p('NR', 'AK-') + rng.chars('upperAlnum', 27)) : one('newrelic', 'NEW_RELIC_LICENSE_KEY', rng.chars('hex', 36) + 'NRAL')),
  },
  sentry: {
    count: 2,
    gen: (rng) => {
      if (rng.chance(0.5)) return one('sentry', 'SENTRY_AUTH_TOKEN', p('sntr', 'yu_') + rng.chars('hex', 64));
      const claims = b64url(JSON.stringify({ iat: 1700000000 + rng.int(0, 9e6), url: 'https://sentry.io', region_url: 'https://de.sentry.io', org: 'paycraft' }));
      return one('sentry', 'SENTRY_AUTH_TOKEN', p('sntr', 'ys_') + claims + '_' + rng.chars('base64', 43));
    },
  },
  shopify: { count: 2, gen: (rng) => one('shopify', 'SHOPIFY_ACCESS_TOKEN', p('shp', rng.pick(['at', 'ss', 'ca']), '_') + rng.chars('hex', 32)) },
  mailgun: { count: 2, gen: (rng) => one('mailgun', 'MAILGUN_API_KEY', p('ke', 'y-') + rng.chars('hex', 32)) },
  mailchimp: { count: 2, gen: (rng) => one('mailchimp', 'MAILCHIMP_API_KEY', rng.chars('hex', 32) + '-us' + rng.int(1, 21)) },
  telegram: { count: 2, gen: (rng) => one('telegram', 'TELEGRAM_BOT_TOKEN', `${rng.int(100000000, 7999999999)}:AA${rng.chars('base64url', 33)}`) },
  'discord-webhook': {
    count: 2,
    gen: (rng) => {
      const tail = `${rng.chars('digits', 19)}/${rng.chars('base64url', 68)}`;
      return one('discord-webhook', 'DISCORD_WEBHOOK_URL', p('https://discord.com/api/', 'webhooks/') + tail, { accept: [tail, tail.split('/')[1]] });
    },
  },
  postman: { count: 2, gen: (rng) => one('postman', 'POSTMAN_API_KEY', p('PM', 'AK-') + rng.chars('hex', 24) + '-' + rng.chars('hex', 34)) },
  linear: { count: 2, gen: (rng) => one('linear', 'LINEAR_API_KEY', p('lin', '_api_') + rng.chars('alnum', 40)) },
  notion: {
    count: 2,
    gen: (rng) => one('notion', 'NOTION_TOKEN', rng.chance(0.5) ? p('secr', 'et_') + rng.chars('alnum', 43) : p('nt', 'n_') + rng.chars('digits', 11) + rng.chars('alnum', 35)),
  },
  databricks: { count: 2, gen: (rng) => one('databricks', 'DATABRICKS_TOKEN', p('da', 'pi') + rng.chars('hex', 32) + rng.pick(['', '-2'])) },
  digitalocean: { count: 2, gen: (rng) => one('digitalocean', 'DIGITALOCEAN_TOKEN', p('do', 'p_v1_') + rng.chars('hex', 64)) },
  'vault-token': { count: 2, gen: (rng) => one('vault-token', 'VAULT_TOKEN', p('hv', 's.') + 'CAESI' + rng.chars('base64url', 86)) },
  ...fileSecrets,
};

export { privateKeyPem, pemAccepts, pemBlock, keyBodies };
