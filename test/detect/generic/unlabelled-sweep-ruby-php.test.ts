/**
 * Shapes that read as a credential-named assignment but hold no secret, found by scanning the
 * unlabelled files of Ruby gems (OAuth and OAuth 1 clients, API clients, Rails' request
 * forgery protection, a Kubernetes client, an OpenID example app's log) and PHP libraries (Symfony's security components) as Debian ships them:
 * each negative is written in the shape seen there, and beside it a positive holds a real secret
 * in the same shape, so the fix is the shape's and not one string's. Values are built at run time
 * from a seeded generator.
 */
import { valueMaker } from './shape-cases.js';
import type { ShapeCase as Case } from './shape-cases.js';
import { describeShapePairs } from './describe-shape-pairs.js';

const { rand } = valueMaker(0x5ab7e4);

/** [not a secret, a secret in the same shape]. */
const pairs: Array<[Case, Case]> = [
  [
    { name: "Ruby alias of a secret's writer method", path: 'lib/signet/oauth_1/client.rb', text: '      alias consumer_secret= client_credential_secret=' },
    { name: "secret given to the writer method", path: 'lib/signet/oauth_1/client.rb', text: '      client.consumer_secret= §', value: rand(32) },
  ],
  [
    { name: "Ruby alias of a token's writer method", path: 'lib/gitlab/api.rb', text: '    alias access_token_key= token_credential_key=' },
    { name: "token given to the writer method in a quoted literal", path: 'lib/gitlab/api.rb', text: "    client.access_token_key= '§'", value: rand(40) },
  ],
  [
    { name: "constant naming the key a token is stored under", path: 'lib/action_controller/metal/request_forgery_protection.rb', text: '      GLOBAL_CSRF_TOKEN_IDENTIFIER = "!real_csrf_token"' },
    { name: 'signing secret in a constant of the same file', path: 'lib/action_controller/metal/request_forgery_protection.rb', text: '      GLOBAL_SIGNING_SECRET = "§"', value: rand(40) },
  ],
  [
    { name: "PHP concatenation of a token's variable, a separator and an object's method call", path: 'Security/Http/RememberMe/PersistentRememberMeHandler.php', text: "            $token->getLastUsed()->getTimestamp().':'.$series.':'.$tokenValue.':'.$persistentToken->getClass()" },
    { name: 'token concatenated as a literal', path: 'Security/Http/RememberMe/PersistentRememberMeHandler.php', text: "            $tokenValue = '§'.':'.$persistentToken->getClass();", value: rand(32) },
  ],
  [
    { name: "Ruby bang method's call on the token's own variable", path: 'lib/omniauth/strategies/oauth2.rb', text: '          self.access_token = access_token.refresh! if access_token.expired?' },
    { name: 'token assigned a literal in the same method', path: 'lib/omniauth/strategies/oauth2.rb', text: "          self.access_token = '§' if access_token.expired?", value: rand(40) },
  ],
  [
    { name: "element of an instance variable's options hash", path: 'lib/kubeclient/common.rb', text: '          password: @auth_options[:password],' },
    { name: 'password given as a literal in the same hash', path: 'lib/kubeclient/common.rb', text: "          password: '§',", value: rand(24) },
  ],
  [
    { name: "Rails' CSRF authenticity token in a request's logged parameters", path: 'examples/rails_openid/log/development.log', text: `  Parameters: {"authenticity_token"=>"${rand(43)}=", "yes"=>"yes"}` },
    { name: 'access token in the same logged parameters', path: 'examples/rails_openid/log/development.log', text: '  Parameters: {"access_token"=>"§", "yes"=>"yes"}', value: rand(40) },
  ],
];

describeShapePairs('shapes of Ruby gems and PHP libraries that hold no secret, each beside a secret in the same shape', pairs);
