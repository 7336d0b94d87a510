/**
 * Credentials in shapes the generic rules first missed: Visual Basic's typed declarations, the
 * HMAC key of JWT libraries' sign and verify calls, connections that take a literal host, a user
 * and a password, JSON objects that name a setting in one field and hold its value in the next
 * (Postman, ECS, CloudFormation), configuration directives written with a space (`bindpw v`,
 * `AuthLDAPBindPassword v`), a pepper, Make's `?=`, commands that set a variable without `=`
 * (`setenv`, fish's `set -x`, `aws configure set`, CMake's `set()`), Oracle logons
 * (`user/password@db`), a YAML anchor or `!!str` tag before a value, Clojure's and EDN's
 * `:password "v"` and `(def api-key "v")`, keytool's and jarsigner's `-storepass` and
 * `-keypass`, and an .npmrc token scoped to a registry (`//host/:_authToken=`, which opens like
 * a comment). Each secret sits beside a line in the same shape that holds none (an environment
 * read, a variable, a template, a placeholder, a path), so the fix is the shape's and not one
 * string's. Values are built at run time from a seeded generator.
 */
import { valueMaker } from './shape-cases.js';
import type { ShapeCase as Case } from './shape-cases.js';
import { describeShapePairs } from './describe-shape-pairs.js';

const { rand, short } = valueMaker(0xca11ed);
const HEX = '0123456789abcdef';

/** [not a secret, a secret in the same shape]. */
const pairs: Array<[Case, Case]> = [
  [
    { name: 'Visual Basic string read from a text box', path: 'Forms/Login.vb', text: '        Dim password As String = txtPassword.Text' },
    { name: 'Visual Basic string holding a password', path: 'Forms/Login.vb', text: '        Dim password As String = "§"', value: short(12) },
  ],
  [
    { name: 'Visual Basic constant holding a placeholder', path: 'Api/Client.vb', text: '    Private Const ApiKey As String = "<your-api-key>"' },
    { name: 'Visual Basic constant holding an API key', path: 'Api/Client.vb', text: '    Private Const ApiKey As String = "§"', value: rand(32) },
  ],
  [
    { name: 'jsonwebtoken sign with a key from the environment', path: 'src/auth.js', text: "const token = jwt.sign({ sub: user.id, role: 'admin' }, process.env.JWT_SECRET, { expiresIn: '1h' });" },
    { name: 'jsonwebtoken sign with a literal key', path: 'src/auth.js', text: "const token = jwt.sign({ sub: user.id, role: 'admin' }, '§', { expiresIn: '1h' });", value: rand(32) },
  ],
  [
    { name: 'jsonwebtoken verify with a variable', path: 'src/auth.js', text: '  jwt.verify(token, secret, (err, decoded) => next(err, decoded));' },
    { name: 'jsonwebtoken verify with a literal key', path: 'src/auth.js', text: "  jwt.verify(token, '§', (err, decoded) => next(err, decoded));", value: rand(24) },
  ],
  [
    { name: "PyJWT decode with a setting's key", path: 'app/auth.py', text: "    data = jwt.decode(token, settings.JWT_SECRET, algorithms=['HS256'])" },
    { name: 'PyJWT decode with a literal key', path: 'app/auth.py', text: "    data = jwt.decode(token, '§', algorithms=['HS256'])", value: rand(32) },
  ],
  [
    { name: 'PHP JWT::encode with a variable', path: 'src/Auth.php', text: "$jwt = JWT::encode($payload, $this->key, 'HS256');" },
    { name: 'PHP JWT::encode with a literal key', path: 'src/Auth.php', text: "$jwt = JWT::encode($payload, '§', 'HS256');", value: rand(32) },
  ],
  [
    { name: 'java-jwt HMAC256 from the environment', path: 'src/main/java/acme/Tokens.java', text: '        Algorithm algorithm = Algorithm.HMAC256(System.getenv("JWT_SECRET"));' },
    { name: 'java-jwt HMAC256 with a literal key', path: 'src/main/java/acme/Tokens.java', text: '        Algorithm algorithm = Algorithm.HMAC256("§");', value: rand(32) },
  ],
  [
    { name: 'jjwt signWith a key variable', path: 'src/main/java/acme/Tokens.java', text: '            .signWith(SignatureAlgorithm.HS256, signingKey)' },
    { name: 'jjwt signWith a literal key', path: 'src/main/java/acme/Tokens.java', text: '            .signWith(SignatureAlgorithm.HS256, "§")', value: rand(32) },
  ],
  [
    { name: 'Go SignedString with a key from the environment', path: 'auth/token.go', text: '\tsigned, err := token.SignedString([]byte(os.Getenv("JWT_SECRET")))' },
    { name: 'Go SignedString with a literal key', path: 'auth/token.go', text: '\tsigned, err := token.SignedString([]byte("§"))', value: rand(24) },
  ],
  [
    { name: 'MySQLdb connect with a password from the environment', path: 'app/db.py', text: 'db = MySQLdb.connect("localhost", "app", os.environ["DB_PASSWORD"], "shop")' },
    { name: 'MySQLdb connect with a literal password', path: 'app/db.py', text: 'db = MySQLdb.connect("localhost", "app", "§", "shop")', value: short(12) },
  ],
  [
    { name: 'ftplib FTP with a password variable', path: 'app/sync.py', text: "ftp = FTP('ftp.acme.dev', 'deploy', ftp_password)" },
    { name: 'ftplib FTP with a literal password', path: 'app/sync.py', text: "ftp = FTP('ftp.acme.dev', 'deploy', '§')", value: rand(16) },
  ],
  [
    { name: 'JavaMail connect with a placeholder', path: 'src/main/java/acme/Mailer.java', text: '        transport.connect("smtp.acme.dev", "mailer", "<password>");' },
    { name: 'JavaMail connect with a literal password', path: 'src/main/java/acme/Mailer.java', text: '        transport.connect("smtp.acme.dev", "mailer", "§");', value: rand(16) },
  ],
  [
    { name: 'Sequelize with a password from the environment', path: 'src/db.js', text: "const sequelize = new Sequelize('shop', 'app', process.env.DB_PASSWORD, { dialect: 'mysql' });" },
    { name: 'Sequelize with a literal password', path: 'src/db.js', text: "const sequelize = new Sequelize('shop', 'app', '§', { dialect: 'mysql' });", value: rand(16) },
  ],
  [
    { name: 'cx_Oracle connect with a password from the environment', path: 'app/db.py', text: "conn = cx_Oracle.connect('system', os.environ['ORACLE_PASSWORD'], 'db.acme.dev/XE')" },
    { name: 'cx_Oracle connect with a literal password', path: 'app/db.py', text: "conn = cx_Oracle.connect('system', '§', 'db.acme.dev/XE')", value: short(12) },
  ],
  [
    { name: 'Postman form field holding a placeholder', path: 'api.postman_collection.json', text: '\t\t\t\t\t{\n\t\t\t\t\t\t"key": "password",\n\t\t\t\t\t\t"value": "<password>",\n\t\t\t\t\t\t"type": "text"\n\t\t\t\t\t}' },
    { name: 'Postman form field holding a password', path: 'api.postman_collection.json', text: '\t\t\t\t\t{\n\t\t\t\t\t\t"key": "password",\n\t\t\t\t\t\t"value": "§",\n\t\t\t\t\t\t"type": "text"\n\t\t\t\t\t}', value: short(12) },
  ],
  [
    { name: "ECS environment entry naming a secret's file", path: 'deploy/taskdef.json', text: '        {\n          "name": "DB_PASSWORD_FILE",\n          "value": "/run/secrets/db_password"\n        },' },
    { name: 'ECS environment entry holding a password', path: 'deploy/taskdef.json', text: '        {\n          "name": "DB_PASSWORD",\n          "value": "§"\n        },', value: rand(20) },
  ],
  [
    { name: 'CloudFormation parameter left empty', path: 'cfn/params.json', text: '  { "ParameterKey": "DBPassword", "ParameterValue": "" },' },
    { name: 'CloudFormation parameter holding a password', path: 'cfn/params.json', text: '  { "ParameterKey": "DBPassword", "ParameterValue": "§" },', value: rand(16) },
  ],
  [
    { name: "ldap.conf's bind password from the environment", path: 'etc/ldap.conf', text: 'binddn cn=reader,dc=acme,dc=dev\nbindpw ${LDAP_BIND_PASSWORD}' },
    { name: "ldap.conf's bind password", path: 'etc/ldap.conf', text: 'binddn cn=reader,dc=acme,dc=dev\nbindpw §', value: rand(16) },
  ],
  [
    { name: "Apache's LDAP bind password read by a program", path: 'conf/httpd.conf', text: '    AuthLDAPBindPassword "exec:/usr/bin/cat /etc/httpd/ldap.pw"' },
    { name: "Apache's LDAP bind password", path: 'conf/httpd.conf', text: '    AuthLDAPBindPassword §', value: rand(16) },
  ],
  [
    { name: "nginx's proxy_pass", path: 'conf/nginx.conf', text: '        proxy_pass http://backend;' },
    { name: "slapd.conf's root password", path: 'conf/slapd.conf', text: 'rootdn "cn=admin,dc=acme,dc=dev"\nrootpw §', value: short(12) },
  ],
  [
    { name: "kickstart's root password left as a placeholder", path: 'ks.cfg', text: 'rootpw --plaintext <root-password>' },
    { name: "kickstart's root password in plain text", path: 'ks.cfg', text: 'rootpw --plaintext §', value: short(12) },
  ],
  [
    { name: "Devise's pepper from the environment", path: 'config/initializers/devise.rb', text: "  config.pepper = ENV['DEVISE_PEPPER']" },
    { name: "Devise's pepper", path: 'config/initializers/devise.rb', text: "  config.pepper = '§'", value: rand(64, HEX) },
  ],
  [
    { name: "Make's conditional assignment from the environment", path: 'Makefile', text: 'DB_PASSWORD ?= $(shell cat .db_password)' },
    { name: "Make's conditional assignment of a password", path: 'Makefile', text: 'DB_PASSWORD ?= §', value: rand(16) },
  ],
  [
    { name: "csh's setenv of a command's output", path: 'scripts/env.csh', text: 'setenv API_TOKEN `cat ~/.api_token`' },
    { name: "csh's setenv of a token", path: 'scripts/env.csh', text: 'setenv API_TOKEN §', value: rand(24) },
  ],
  [
    { name: "fish's set -x of a command's output", path: 'config.fish', text: 'set -x DB_PASSWORD (pass show db/password)' },
    { name: "fish's set -x of a password", path: 'config.fish', text: 'set -x DB_PASSWORD "§"', value: short(14) },
  ],
  [
    { name: 'aws configure set from the environment', path: 'ci/setup.sh', text: 'aws configure set aws_secret_access_key $AWS_SECRET_ACCESS_KEY' },
    { name: 'aws configure set of a secret access key', path: 'ci/setup.sh', text: 'aws configure set aws_secret_access_key §', value: rand(40) },
  ],
  [
    { name: "CMake's set from the environment", path: 'CMakeLists.txt', text: 'set(API_KEY "$ENV{API_KEY}")' },
    { name: "CMake's set of an API key", path: 'CMakeLists.txt', text: 'set(API_KEY "§")', value: rand(24) },
  ],
  [
    { name: 'sqlplus logon with a password from the environment', path: 'scripts/load.sh', text: 'sqlplus system/${ORACLE_PASSWORD}@//db.acme.dev:1521/XE @load.sql' },
    { name: 'sqlplus logon with a password', path: 'scripts/load.sh', text: 'sqlplus system/§@//db.acme.dev:1521/XE @load.sql', value: short(12) },
  ],
  [
    { name: 'cx_Oracle logon string with a placeholder', path: 'app/db.py', text: "conn = cx_Oracle.connect('system/<password>@db.acme.dev/XE')" },
    { name: 'cx_Oracle logon string with a password', path: 'app/db.py', text: "conn = cx_Oracle.connect('system/§@db.acme.dev/XE')", value: rand(16) },
  ],
  [
    { name: 'YAML anchor on a password read from the environment', path: 'config/app.yml', text: 'db:\n  password: &db_password ${DB_PASSWORD}' },
    { name: 'YAML anchor on a password', path: 'config/app.yml', text: 'db:\n  password: &db_password §', value: rand(16) },
  ],
  [
    { name: 'YAML string tag on a placeholder', path: 'config/app.yml', text: 'api:\n  token: !!str <your-token>' },
    { name: 'YAML string tag on a token', path: 'config/app.yml', text: 'api:\n  token: !!str §', value: rand(32) },
  ],
  [
    { name: 'EDN map with a password from the environment', path: 'resources/config.edn', text: '{:db {:user "app" :password #env DB_PASSWORD}}' },
    { name: 'EDN map with a password', path: 'resources/config.edn', text: '{:db {:user "app" :password "§"}}', value: short(14) },
  ],
  [
    { name: 'Clojure def of a placeholder', path: 'src/acme/api.clj', text: '(def api-key "<your-api-key>")' },
    { name: 'Clojure def of an API key', path: 'src/acme/api.clj', text: '(def api-key "§")', value: rand(32) },
  ],
  [
    { name: "keytool's store password read from the environment", path: 'scripts/sign.sh', text: 'keytool -importcert -alias ca -file ca.pem -keystore trust.jks -storepass:env TRUST_PASSWORD -noprompt' },
    { name: "keytool's store password", path: 'scripts/sign.sh', text: 'keytool -importcert -alias ca -file ca.pem -keystore trust.jks -storepass § -noprompt', value: short(14) },
  ],
  [
    { name: "jarsigner's key password from a variable", path: 'scripts/sign.sh', text: 'jarsigner -keystore release.jks -storepass:file .storepass -keypass "$KEY_PASSWORD" app.jar release' },
    { name: "jarsigner's key password", path: 'scripts/sign.sh', text: 'jarsigner -keystore release.jks -storepass:file .storepass -keypass "§" app.jar release', value: rand(16) },
  ],
];

describeShapePairs('credentials in call, declaration and directive shapes', pairs);

/** Reported before, but read as a commented-out line (low): now at medium or high. */
describeShapePairs(
  'an .npmrc token scoped to a registry',
  [
    [
      { name: 'scoped .npmrc token from the environment', path: '.npmrc', text: '@acme:registry=https://npm.acme.dev/\n//npm.acme.dev/:_authToken=${NPM_TOKEN}' },
      // (Shorter than the 20 characters npm's own rule takes.)
      { name: 'scoped .npmrc token', path: '.npmrc', text: '@acme:registry=https://npm.acme.dev/\n//npm.acme.dev/:_authToken=§', value: rand(18) },
    ],
  ],
  { aboveLow: true },
);
