/**
 * The shapes credentials are written in across languages and configuration formats, run through
 * the whole ruleset at a realistic path: each positive must be reported (at any confidence,
 * with the expected kind), each negative beside it (a reference, code, a placeholder) must not.
 * Values are built at run time from parts: random ones from a seeded generator, word-like ones
 * from a word and digits.
 */
import { describe, expect, it } from 'vitest';
import { ALNUM, covers, LOWER, ruleset, runCase, valueMaker } from './shape-cases.js';
import type { ShapeCase as Case } from './shape-cases.js';

const values = valueMaker(0x5eed1234);
const { rand, short, wordDigits } = values;
const seasonal = (): string => values.seasonal('Sum', 'mer');
/** The characters WordPress's salt generator uses (no quotes, no backslash). */
const SALT_CHARS = `${ALNUM}!@#$%^&*()-_ []{}<>~\`+=,.;:/?|`;
const wpSalt = (): string => rand(64, SALT_CHARS);

const positives: Case[] = [
  // Passwords, short and weak ones included.
  { name: 'Python keyword argument', path: 'app/db.py', text: 'conn = psycopg2.connect(host="db", user="app", password="§")', value: short(6) },
  { name: 'Python keyword argument, dictionary password', path: 'scripts/seed_db.py', text: "engine = connect(user='admin', passwd='§')", value: seasonal() },
  { name: 'Python dict literal', path: 'settings/local.py', text: "DATABASES = {'default': {'USER': 'app', 'PASSWORD': '§'}}", value: short(7) },
  { name: 'Python requests auth tuple', path: 'tools/fetch.py', text: "r = requests.get(url, auth=('admin', '§'))", value: short(9) },
  { name: 'Go struct field', path: 'internal/config/defaults.go', text: '\tPassword: "§",', value: short(5) },
  { name: 'Go struct literal on one line', path: 'cmd/seed/main.go', text: 'cfg := mysql.Config{User: "root", Passwd: "§", Net: "tcp"}', value: short(7) },
  { name: 'Go DSN without a scheme', path: 'store/open.go', text: 'db, err := sql.Open("mysql", "root:§@tcp(127.0.0.1:3306)/shop")', value: short(8) },
  { name: 'JS object field', path: 'src/db.js', text: "const opts = { user: 'svc', password: '§' };", value: short(6) },
  { name: 'JS object field, word and digits', path: 'test/login.spec.js', text: "  await login({ email: 'a@b.co', password: '§' });", value: wordDigits() },
  { name: 'TS class field', path: 'src/config.ts', text: "  private readonly dbPassword = '§';", value: seasonal() },
  { name: 'Java constant', path: 'src/main/java/com/acme/Db.java', text: '    private static final String DB_PASSWORD = "§";', value: short(8) },
  { name: 'Java map put', path: 'src/test/java/com/acme/AuthTest.java', text: '        params.put("password", "§");', value: short(7) },
  { name: 'Java JDBC getConnection', path: 'src/main/java/com/acme/Dao.java', text: '        conn = DriverManager.getConnection(url, "root", "§");', value: short(8) },
  { name: 'Kotlin named argument', path: 'app/src/main/kotlin/Db.kt', text: '    val ds = DataSource(user = "app", password = "§")', value: short(7) },
  { name: 'C# property initializer', path: 'src/Acme/Settings.cs', text: '    Password = "§",', value: short(8) },
  { name: 'PHP array', path: 'config/database.php', text: "        'password' => '§',", value: seasonal() },
  { name: 'PHP variable', path: 'includes/config.php', text: "$db_pass = '§';", value: short(6) },
  { name: 'PHP PDO constructor', path: 'lib/db.php', text: "$pdo = new PDO('mysql:host=localhost;dbname=shop', 'root', '§');", value: short(8) },
  { name: 'Ruby hash rocket', path: 'config/initializers/mail.rb', text: "  :password => '§',", value: short(7) },
  { name: 'Ruby keyword', path: 'lib/tasks/seed.rb', text: "User.create!(email: 'a@b.co', password: '§')", value: wordDigits() },
  { name: 'XML attribute', path: 'src/main/resources/context.xml', text: '<Resource name="jdbc/shop" username="app" password="§" />', value: short(8) },
  { name: 'XML property name/value', path: 'src/main/resources/beans.xml', text: '    <property name="password" value="§"/>', value: short(8) },
  { name: 'XML element', path: 'conf/settings.xml', text: '    <password>§</password>', value: short(6) },
  { name: '.properties', path: 'src/main/resources/application.properties', text: 'spring.datasource.password=§', value: short(7) },
  { name: '.properties with spaces', path: 'conf/db.properties', text: 'db.password = §', value: seasonal() },
  { name: 'INI', path: 'conf/app.ini', text: '[database]\nuser = app\npassword = §\n', value: short(6) },
  { name: 'my.cnf', path: 'deploy/.my.cnf', text: '[client]\nuser=root\npassword=§\n', value: short(5) },
  { name: 'TOML', path: 'config/production.toml', text: '[db]\npassword = "§"\n', value: short(7) },
  { name: 'YAML bare', path: 'config/database.yml', text: 'production:\n  username: app\n  password: §\n', value: short(6) },
  { name: 'YAML quoted word', path: 'docker-compose.yml', text: '      MYSQL_ROOT_PASSWORD: "§"', value: seasonal() },
  { name: '.env', path: '.env', text: 'DB_PASSWORD=§', value: short(6) },
  { name: '.env short key', path: '.env.local', text: 'SMTP_PASS=§', value: short(8) },
  { name: 'shell export', path: 'scripts/deploy.sh', text: 'export PGPASSWORD=§', value: short(8) },
  { name: 'CLI -p', path: 'scripts/backup.sh', text: 'mysqldump -u root -p§ shop > shop.sql', value: short(8) },
  { name: 'CLI --password=', path: 'Makefile', text: '\tmytool sync --user admin --password=§ --host db', value: short(8) },
  { name: 'CLI --password value', path: 'docs/setup.md', text: 'helm install app ./chart --set-string user=ci --password §', value: short(10) },
  { name: 'sshpass -p', path: 'scripts/sync.sh', text: "sshpass -p '§' ssh deploy@host", value: short(8) },
  { name: 'connection string', path: 'appsettings.json', text: '  "Db": "Server=db;Database=shop;User Id=app;Password=§;"', value: short(8) },
  { name: 'NATS URL', path: 'config/nats.yaml', text: 'url: nats://orders:§@nats.internal:4222', value: short(10) },
  { name: '.git-credentials', path: '.git-credentials', text: 'https://deploy:§@github.com', value: short(12) },
  { name: '.netrc', path: '.netrc', text: 'machine api.acme.dev\n  login deploy\n  password §\n', value: short(8) },
  { name: 'Kubernetes env value', path: 'k8s/deployment.yaml', text: '        - name: DB_PASSWORD\n          value: "§"', value: short(6) },
  { name: 'hyphenated test password', path: 'test/redis.test.js', text: "  const client = new Redis({ password: '§' });", value: ['fallback', 'password'].join('-') },
  { name: 'hyphenated chosen secret', path: 'examples/jwt.py', text: "SECRET = '§'", value: ['my', 'secret'].join('-') },
  { name: 'seed file hashing a literal password', path: 'prisma/seed.ts', text: "  password: await bcrypt.hash('§', 10),", value: seasonal() },
  { name: 'crypt of a literal', path: 'examples/htpasswd.js', text: 'const encryptedPassword = crypt("§");', value: short(7) },
  { name: 'Django make_password', path: 'app/fixtures.py', text: "    password=make_password('§'),", value: wordDigits() },
  { name: 'Python bytes secret key', path: 'app/__init__.py', text: "app.secret_key = b'§'", value: rand(24) },
  { name: 'Java getter returning a literal', path: 'src/main/java/com/acme/Cfg.java', text: '    public String getPassword() { return "§"; }', value: short(9) },
  { name: 'Python method returning a literal', path: 'app/settings.py', text: '    def get_secret_key(self):\n        return "§"', value: rand(40) },
  { name: 'stubbed nonce generator', path: 'test/oauth.test.js', text: '    oauth.getNonce = function (length) {\n      return "§";\n    };', value: rand(32) },
  { name: 'Java setter', path: 'src/main/java/com/acme/DataSourceConfig.java', text: '        dataSource.setPassword("§");', value: short(9) },
  { name: 'Java setter with a longer name', path: 'src/main/java/com/acme/MailConfig.java', text: '        props.setSmtpPassword("§");', value: seasonal() },
  { name: 'C# setter of an API key', path: 'src/Acme/Client.cs', text: '    client.SetApiKey("§");', value: rand(32) },
  { name: 'Python setter', path: 'app/vault.py', text: "    cfg.set_secret('§')", value: rand(24) },
  // Seeds, salts, nonces, consumer keys.
  { name: 'OAuth header nonce', path: 'docs/oauth.md', text: 'Authorization: OAuth oauth_consumer_key="x", oauth_nonce="§", oauth_version="1.0"', value: rand(32) },
  { name: 'Python consumer key', path: 'bot/twitter.py', text: "consumer_key = '§'", value: rand(25) },
  { name: 'Python consumer secret', path: 'bot/twitter.py', text: "consumer_secret = '§'", value: rand(50) },
  { name: 'WordPress salt 1', path: 'wp-config.php', text: "define('AUTH_KEY',         '§');", value: wpSalt() },
  { name: 'WordPress salt 2', path: 'wp-config.php', text: "define( 'NONCE_SALT', '§' );", value: wpSalt() },
  { name: 'WordPress salt 3', path: 'wp-config-sample.php', text: "define('LOGGED_IN_SALT',   '§');", value: wpSalt() },
  { name: 'WordPress salt 4', path: 'wp-config.php', text: "define('SECURE_AUTH_KEY',  '§');", value: wpSalt() },
  { name: 'short nonce in a test', path: 'test/hawk.test.js', text: "        nonce: '§',", value: `${rand(3, LOWER)}3${rand(2, LOWER)}7` },
  { name: 'signing key', path: 'config/mailer.rb', text: "  config.signing_key = '§'", value: rand(32, '0123456789abcdef') },
  { name: 'private JWK', path: 'test/fixtures/jwks.json', text: '{"kty": "RSA", "n": "{{rand:base64url:342}}", "e": "AQAB", "d": "§"}', value: rand(342, `${ALNUM}-_`) },
  { name: 'salt assignment', path: 'app/security.py', text: 'PASSWORD_SALT = "§"', value: rand(16, '0123456789abcdef') },
  { name: 'Flask secret key', path: 'app/__init__.py', text: "app.secret_key = '§'", value: rand(24) },
  // Tokens without a prefix.
  { name: 'Bearer in YAML spec', path: 'api/openapi.yaml', text: '      Authorization: Bearer §', value: rand(40) },
  { name: 'Bearer in curl docs', path: 'README.md', text: 'curl -H "Authorization: Bearer §" https://api.acme.dev/v1/me', value: rand(36) },
  { name: 'NKEY seed', path: 'nats/user.creds', text: 'seed: {{nkey:U}}' },
  { name: 'JWT split over lines', path: 'test/auth.test.js', text: "const token = {{jwtlines:'}};" },
  { name: 'JWE', path: 'test/fixtures/jwe.txt', text: 'token={{jwe}}' },
  { name: 'unsigned JWT', path: 'spec/jwt_spec.rb', text: "  let(:token) { '{{jwtnone}}' }" },
  { name: '.dockercfg auth', path: '.dockercfg', text: '{"https://index.docker.io/v1/": {"auth": "§", "email": "ci@acme.dev"}}', value: Buffer.from(`ci:${short(12)}`).toString('base64') },
  // Keys of keyed-hash and cipher calls, across languages.
  { name: 'CryptoJS HMAC keyed with a phrase', path: 'docs/QuickStartGuide.md', text: '    var hash = CryptoJS.HmacSHA256("Message", "§");', value: ['Secret', 'Passphrase'].join(' ') },
  { name: 'CryptoJS HMAC.create', path: 'src/sign.js', text: '    var hmac = CryptoJS.algo.HMAC.create(CryptoJS.algo.SHA256, "§");', value: rand(24) },
  { name: 'CryptoJS AES key', path: 'src/store.js', text: "const box = CryptoJS.AES.encrypt(JSON.stringify(data), '§');", value: rand(20) },
  { name: 'Python hmac.new', path: 'app/webhooks.py', text: "    mac = hmac.new(b'§', body, hashlib.sha256)", value: rand(32) },
  { name: 'Go hmac.New', path: 'internal/sign/sign.go', text: '\tmac := hmac.New(sha256.New, []byte("§"))', value: rand(24) },
  { name: 'PHP hash_hmac', path: 'src/Webhook.php', text: "        $sig = hash_hmac('sha256', $payload, '§');", value: rand(32) },
  { name: 'Ruby OpenSSL::HMAC', path: 'lib/signer.rb', text: "    OpenSSL::HMAC.hexdigest('SHA256', '§', data)", value: rand(32) },
  { name: 'Java SecretKeySpec', path: 'src/main/java/com/acme/Signer.java', text: '        SecretKeySpec spec = new SecretKeySpec("§".getBytes(), "HmacSHA256");', value: rand(32) },
  { name: "test's expectation of a getter", path: 'test/oauth.test.js', text: "    expect(oauth.getSigningKey()).to.equal('§');", value: rand(28) },
  // A bare `key` field holding a random value.
  { name: 'OAuth 1.0a token pair', path: 'README.md', text: "  token: { key: '§', secret: 'x' },", value: rand(40, '0123456789abcdef') },
  { name: 'JSON key field', path: 'config/client.json', text: '    "key": "§",', value: rand(44, `${ALNUM}+/`) },
  // Others.
  { name: 'Twilio client', path: 'notify/sms.py', text: 'client = Client("AC{{rand:hex:32}}", "§")', value: rand(32, '0123456789abcdef') },
  { name: 'Helm values API key', path: 'charts/agent/values.yaml', text: 'agent:\n  apiKey: §\n', value: rand(32) },
];

const hashes: Case[] = [
  { name: '.htpasswd bcrypt', path: 'deploy/.htpasswd', text: 'admin:{{join:$2y:$10$}}{{rand:./A-Za-z0-9:21}}O{{rand:./A-Za-z0-9:30}}C', kind: 'password-hash' },
  { name: 'shadow sha512-crypt', path: 'etc/shadow', text: 'root:{{join:$6:$}}{{rand:base62:16}}${{rand:base62:86}}:19000:0:99999:7:::', kind: 'password-hash' },
  { name: 'SQL dump bcrypt', path: 'db/dump.sql', text: "INSERT INTO `users` VALUES (1,'admin','{{join:$2a:$10$}}{{rand:./A-Za-z0-9:21}}e{{rand:./A-Za-z0-9:30}}G');", kind: 'password-hash' },
  { name: 'argon2id', path: 'config/users.yml', text: 'hash: "{{join:$argon2id:$v=19$m=65536,t=3,p=4$}}{{rand:base64:22}}${{rand:base64:43}}"', kind: 'password-hash' },
  { name: 'FTP server user file', path: 'etc/pure-ftpd/pureftpd.passwd', text: 'ftpuser:{{join:$1:$}}{{rand:base62:8}}${{rand:base62:22}}:1001:1001::/srv/ftp/./::::::::::::', kind: 'password-hash' },
];

const negatives: Case[] = [
  { name: 'Java setter from env', path: 'src/main/java/com/acme/DataSourceConfig.java', text: '        dataSource.setPassword(System.getenv("DB_PASSWORD"));' },
  { name: 'Java setter of a placeholder', path: 'src/main/java/com/acme/DataSourceConfig.java', text: '        dataSource.setPassword("${db.password}");' },
  { name: 'Java setter of a label', path: 'src/main/java/com/acme/LoginForm.java', text: '        field.setPasswordLabel("Password");' },
  { name: 'Python env read', path: 'app/db.py', text: 'conn = psycopg2.connect(host="db", user="app", password=os.environ["DB_PASSWORD"])' },
  { name: 'Python variable argument', path: 'app/db.py', text: 'conn = connect(user=user, password=password)' },
  { name: 'Go field from config', path: 'internal/config/defaults.go', text: '\tPassword: cfg.Password,' },
  { name: 'Go field from env', path: 'internal/config/defaults.go', text: '\tPassword: os.Getenv("DB_PASSWORD"),' },
  { name: 'JS shorthand field', path: 'src/db.js', text: "const opts = { user: 'svc', password: password };" },
  { name: 'JS placeholder', path: 'README.md', text: "const opts = { user: 'svc', password: '<password>' };" },
  { name: 'Java getter', path: 'src/main/java/com/acme/Db.java', text: '        params.put("password", config.getPassword());' },
  { name: 'JDBC variables', path: 'src/main/java/com/acme/Dao.java', text: '        conn = DriverManager.getConnection(url, user, pass);' },
  { name: 'PHP env', path: 'config/database.php', text: "        'password' => env('DB_PASSWORD', ''),", },
  { name: 'XML property placeholder', path: 'src/main/resources/beans.xml', text: '    <property name="password" value="${db.password}"/>' },
  { name: 'XML element template', path: 'conf/settings.xml', text: '    <password>${env.NEXUS_PASSWORD}</password>' },
  { name: '.properties reference', path: 'src/main/resources/application.properties', text: 'spring.datasource.password=${DB_PASSWORD}' },
  { name: 'INI stars', path: 'conf/app.ini', text: '[database]\npassword = ****\n' },
  { name: 'TOML placeholder', path: 'config/example.toml', text: 'password = "your_password"' },
  { name: 'YAML xxxx', path: 'config/database.yml', text: '  password: xxxx' },
  { name: '.env reference', path: '.env', text: 'DB_PASSWORD=${PASS}' },
  { name: 'CLI variable', path: 'scripts/backup.sh', text: 'mysqldump -u root -p"$MYSQL_PWD" shop > shop.sql' },
  { name: 'CLI placeholder', path: 'docs/setup.md', text: 'mytool sync --user admin --password=<password>' },
  { name: 'connection string template', path: 'appsettings.json', text: '  "Db": "Server=db;Database=shop;User Id=app;Password={0};"' },
  { name: 'URL template', path: 'config/nats.yaml', text: 'url: nats://${NATS_USER}:${NATS_PASS}@nats:4222' },
  { name: 'Kubernetes env from secret', path: 'k8s/deployment.yaml', text: '        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef: {name: db, key: password}' },
  { name: 'WordPress sample placeholder', path: 'wp-config-sample.php', text: "define('AUTH_KEY',         'put your unique phrase here');" },
  { name: 'Bearer placeholder', path: 'README.md', text: 'curl -H "Authorization: Bearer $TOKEN" https://api.acme.dev/v1/me' },
  { name: 'Twilio from env', path: 'notify/sms.py', text: 'client = Client(os.environ["TWILIO_SID"], os.environ["TWILIO_TOKEN"])' },
  { name: 'Helm values reference', path: 'charts/agent/values.yaml', text: 'agent:\n  apiKey: ""\n  apiKeyExistingSecret: agent-keys\n' },
  { name: 'password comparison to a variable', path: 'src/auth.js', text: 'if (password === confirmPassword) return true;' },
  { name: 'password type annotation', path: 'src/types.ts', text: '  password: string;' },
  { name: 'long template', path: 'config/application.yml', text: '    password: "${SPRING_DATASOURCE_PASSWORD:${DB_PASSWORD_FROM_VAULT}}"' },
  { name: 'long regular expression', path: 'src/validate.js', text: "const passwordRule = '^(?=.*[a-z])(?=.*[A-Z])(?=.*\\d)[A-Za-z\\d@$!%*?&]{8,64}$';" },
  { name: 'sshpass variable', path: 'scripts/sync.sh', text: 'sshpass -p "$SSH_PASS" ssh deploy@host' },
  { name: 'Go DSN format string', path: 'store/open.go', text: 'dsn := fmt.Sprintf("%s:%s@tcp(%s)/%s", user, pass, host, name)' },
  { name: 'PDO with variables', path: 'lib/db.php', text: "$pdo = new PDO($dsn, $user, $pass);" },
  { name: 'hyphenated slot names', path: 'src/keys.js', text: "const names = { secret: 'second-token', password: 'new-password', apiKey: 'api-key' };" },
  { name: 'Helm existing secret', path: 'charts/app/values.yaml', text: 'existingSecret: app-db-secret' },
  { name: 'hashing a variable', path: 'prisma/seed.ts', text: '  password: await bcrypt.hash(password, 10),' },
  { name: 'hash algorithm argument', path: 'src/hash.js', text: "const passwordDigest = crypto.createHash('sha256');" },
  { name: 'getter returning a field', path: 'src/main/java/com/acme/Cfg.java', text: '    public String getPassword() { return this.password; }' },
  { name: 'getter returning a label', path: 'app/forms.py', text: "    def get_password_label(self):\n        return 'Password'" },
  { name: 'public JWK', path: 'public/.well-known/jwks.json', text: '{"keys": [{"kty": "RSA", "kid": "k1", "n": "{{rand:base64url:342}}", "e": "AQAB"}]}' },
  { name: 'nonce word', path: 'src/csp.js', text: "  nonce: 'inline',", },
  { name: 'HMAC keyed with a variable', path: 'app/webhooks.py', text: '    mac = hmac.new(secret, body, hashlib.sha256)' },
  { name: 'HMAC keyed with credential names', path: 'src/sign.js', text: "const sig = new HmacSha1(base, 'consumerSecret&tokenSecret').getSignature();" },
  { name: 'PHP hash_hmac from env', path: 'src/Webhook.php', text: "        $sig = hash_hmac('sha256', $payload, getenv('WEBHOOK_SECRET'));" },
  { name: 'key field: a translation id', path: 'src/menu.js', text: "  { key: 'profile_settings_title_long', label: 'Settings' }," },
  { name: 'key field: a path', path: 'src/routes.js', text: "  { key: 'src/components/profile/avatar1.tsx' }," },
  { name: 'key field: a word', path: 'src/table.js', text: "  columns: [{ key: 'createdAtTimestamp2024' }]," },
  { name: 'XML encoder setting', path: 'src/main/resources/beans.xml', text: '    <property name="passwordEncoder" value="bcrypt"/>' },
];

describe('credentials in the shapes real code writes them', () => {
  for (const c of positives) {
    it(`reports: ${c.name} (${c.path})`, () => {
      const found = runCase(c);
      if (c.value !== undefined) expect(found.some((m) => covers(m, c.value!)), found.map((m) => m.ruleId).join(',')).toBe(true);
      else expect(found.length).toBeGreaterThan(0);
    });
  }
  for (const c of hashes) {
    it(`reports as a password hash: ${c.name} (${c.path})`, () => {
      const kinds = runCase(c).map((m) => ruleset.byId.get(m.ruleId)!.kind);
      expect(kinds).toContain(c.kind);
    });
  }
  for (const c of negatives) {
    it(`does not report: ${c.name} (${c.path})`, () => {
      expect(runCase(c).map((m) => m.ruleId)).toEqual([]);
    });
  }
});
