/**
 * Credentials written in the shapes of languages the assignment tokenizer first missed: C and
 * Objective-C macros and arrays, Objective-C string literals and header values, Rust's owned
 * strings and statics, R's `<-`, Elixir's module attributes, and the connection and credential
 * calls of Perl, C, Go, Kotlin, Ruby, PHP and C++ that take a user and then a password. Each
 * secret sits beside a line in the same shape that holds none (a length, a header's or a
 * variable's name, a format, an environment read, variables), so the fix is the shape's and not
 * one string's. Values are built at run time from a seeded generator.
 */
import { valueMaker } from './shape-cases.js';
import type { ShapeCase as Case } from './shape-cases.js';
import { describeShapePairs } from './describe-shape-pairs.js';

const { rand } = valueMaker(0x5e11a9);

/** [not a secret, a secret in the same shape]. */
const pairs: Array<[Case, Case]> = [
  [
    { name: 'C macro of a length', path: 'src/auth.h', text: '#define PASSWORD_MAX_LEN 64' },
    { name: 'C macro of a password', path: 'src/auth.h', text: '#define DB_PASSWORD "§"', value: rand(16) },
  ],
  [
    { name: "C macro of a header's name", path: 'src/client.h', text: '#define API_KEY_HEADER "X-Api-Key"' },
    { name: 'C macro of an API key', path: 'src/client.h', text: '#define API_KEY "§"', value: rand(16) },
  ],
  [
    { name: "C macro of an environment variable's name", path: 'src/config.h', text: '#define SECRET_ENV "APP_SECRET"' },
    { name: 'C macro of a secret', path: 'src/config.h', text: '#define APP_SECRET "§"', value: rand(16) },
  ],
  [
    { name: "C macro of an LDAP extended operation's object identifier", path: 'include/ldap.h', text: '#define LDAP_EXOP_MODIFY_PASSWD\t"1.3.6.1.4.1.4203.1.11.1"\t/* RFC 3062 */' },
    { name: 'C macro of an LDAP bind password', path: 'include/ldap.h', text: '#define LDAP_BIND_PASSWD\t"§"', value: rand(16) },
  ],
  [
    { name: 'C buffer declared for a password', path: 'src/login.c', text: '    char password[64];' },
    { name: 'C array holding a secret', path: 'src/login.c', text: '    char secret[] = "§";', value: rand(16) },
  ],
  [
    { name: 'C array holding a format', path: 'src/login.c', text: '    char secret[] = "%s";' },
    { name: 'static C array holding an API key', path: 'src/login.c', text: 'static const char api_key[] = "§";', value: rand(16) },
  ],
  [
    { name: 'C pointer to a placeholder', path: 'src/login.c', text: 'const char *password = "<password>";' },
    { name: 'C pointer to a password', path: 'src/login.c', text: 'const char *password = "§";', value: rand(16) },
  ],
  [
    { name: "Objective-C constant of a key's name", path: 'Classes/Api.m', text: 'NSString *const kAPIKeyName = @"api_key";' },
    { name: 'Objective-C constant of an API key', path: 'Classes/Api.m', text: 'NSString *const kAPIKey = @"§";', value: rand(16) },
  ],
  [
    { name: 'Objective-C static constant of a placeholder', path: 'Classes/Api.m', text: 'static NSString * const kClientSecret = @"YOUR_CLIENT_SECRET";' },
    { name: 'Objective-C static constant of a client secret', path: 'Classes/Api.m', text: 'static NSString * const kClientSecret = @"§";', value: rand(16) },
  ],
  [
    { name: 'Objective-C header set from a variable', path: 'Classes/Api.m', text: '    [request setValue:apiKey forHTTPHeaderField:@"X-Api-Key"];' },
    { name: 'Objective-C header set from a literal', path: 'Classes/Api.m', text: '    [request setValue:@"§" forHTTPHeaderField:@"X-Api-Key"];', value: rand(16) },
  ],
  [
    { name: 'Rust String from an argument', path: 'src/main.rs', text: '    let password = String::from(args[1].as_str());' },
    { name: 'Rust String from a literal', path: 'src/main.rs', text: '    let password = String::from("§");', value: rand(16) },
  ],
  [
    { name: 'Rust static from an environment read', path: 'src/config.rs', text: 'static SECRET: &str = env!("APP_SECRET");' },
    { name: "Rust 'static str", path: 'src/config.rs', text: "static SECRET: &'static str = \"§\";", value: rand(16) },
  ],
  [
    { name: 'Rust variable converted to a String', path: 'src/main.rs', text: '    let api_key = key_arg.to_string();' },
    { name: 'Rust literal converted with to_string', path: 'src/main.rs', text: '    let api_key = "§".to_string();', value: rand(16) },
  ],
  [
    { name: 'Rust placeholder converted with to_owned', path: 'src/main.rs', text: '    let token = "<token>".to_owned();' },
    { name: 'Rust literal converted with to_owned', path: 'src/main.rs', text: '    let token = "§".to_owned();', value: rand(16) },
  ],
  [
    { name: 'Rust field converted with into', path: 'src/main.rs', text: '        client_secret: opts.secret.into(),' },
    { name: 'Rust literal converted with into', path: 'src/main.rs', text: '        client_secret: "§".into(),', value: rand(16) },
  ],
  [
    { name: 'Rust typed variable converted from a field', path: 'src/main.rs', text: '    let secret: String = opts.secret.into();' },
    { name: 'Rust typed literal converted with into', path: 'src/main.rs', text: '    let secret: String = "§".into();', value: rand(16) },
  ],
  [
    { name: 'Rust basic auth from variables', path: 'src/http.rs', text: '    let res = Client::new().get(url).basic_auth(&user, Some(&pass)).send()?;' },
    { name: 'Rust basic auth with a literal password', path: 'src/http.rs', text: '    let res = Client::new().get(url).basic_auth("admin", Some("§")).send()?;', value: rand(16) },
  ],
  [
    { name: 'R environment read', path: 'R/client.R', text: 'api_key <- Sys.getenv("API_KEY")' },
    { name: 'R literal', path: 'R/client.R', text: 'api_key <- "§"', value: rand(16) },
  ],
  [
    { name: 'Elixir attribute from an environment read', path: 'lib/client.ex', text: '  @api_key System.get_env("API_KEY")' },
    { name: 'Elixir attribute literal', path: 'lib/client.ex', text: '  @api_key "§"', value: rand(16) },
  ],
  [
    { name: 'Perl DBI connect with variables', path: 'lib/App/Db.pm', text: 'my $dbh = DBI->connect($dsn, $user, $pass);' },
    { name: 'Perl DBI connect with a literal password', path: 'lib/App/Db.pm', text: 'my $dbh = DBI->connect("dbi:mysql:app", "root", "§");', value: rand(16) },
  ],
  [
    { name: 'C MySQL connect with variables', path: 'src/db.c', text: '  mysql_real_connect(conn, host, user, pass, "app", 0, NULL, 0);' },
    { name: 'C MySQL connect with a literal password', path: 'src/db.c', text: '  mysql_real_connect(conn, "db", "root", "§", "app", 0, NULL, 0);', value: rand(16) },
  ],
  [
    { name: 'Go SMTP auth with variables', path: 'mail/send.go', text: '\tauth := smtp.PlainAuth("", user, pass, host)' },
    { name: 'Go SMTP auth with a literal password', path: 'mail/send.go', text: '\tauth := smtp.PlainAuth("", "joe@acme.dev", "§", "smtp.acme.dev")', value: rand(16) },
  ],
  [
    { name: 'OkHttp credentials from variables', path: 'app/src/main/kotlin/Api.kt', text: '    val credential = Credentials.basic(user, password)' },
    { name: 'OkHttp credentials with a literal password', path: 'app/src/main/kotlin/Api.kt', text: '    val credential = Credentials.basic("user", "§")', value: rand(16) },
  ],
  [
    { name: 'Ruby AWS credentials from the environment', path: 'config/initializers/aws.rb', text: "Aws.config[:credentials] = Aws::Credentials.new(ENV['AWS_KEY'], ENV['AWS_SECRET'])" },
    { name: 'Ruby AWS credentials with a literal secret', path: 'config/initializers/aws.rb', text: "Aws.config[:credentials] = Aws::Credentials.new('AKID', '§')", value: rand(16) },
  ],
  [
    { name: 'Guzzle auth from variables', path: 'src/Client.php', text: "    $res = $client->get($url, ['auth' => [$user, $pass]]);" },
    { name: 'Guzzle auth with a literal password', path: 'src/Client.php', text: "    $res = $client->get($url, ['auth' => ['user', '§']]);", value: rand(16) },
  ],
  [
    { name: 'C++ pair of names that are not credentials', path: 'src/menu.cpp', text: '  auto item = std::make_pair("admin", "Administration");' },
    { name: 'C++ credentials pair', path: 'src/login.cpp', text: '  auto creds = std::make_pair("admin", "§");', value: rand(16) },
  ],
];

describeShapePairs('at medium or high: C macros and Rust literals converted to a String', [
  [
    { name: 'C macro of a length', path: 'src/auth.h', text: '#define PASSWORD_MAX_LEN 64' },
    { name: 'C macro of an API key', path: 'src/client.h', text: '#define API_KEY "§"', value: rand(16) },
  ],
  [
    { name: 'Rust variable converted to a String', path: 'src/main.rs', text: '    let token = token_arg.to_string();' },
    { name: 'Rust literal converted with to_string', path: 'src/main.rs', text: '    let token = "§".to_string();', value: rand(16) },
  ],
], { aboveLow: true });

describeShapePairs('credentials in the shapes of C, Objective-C, Rust, R, Elixir and credential calls, each beside a non-secret in the same shape', pairs);
