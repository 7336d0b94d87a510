// Preloaded (node --import) into CLI and daemon processes under test: S3 Control puts the account
// id in front of the endpoint's host name and S3 the bucket name (`111122223333.localhost`); such
// names resolve to the fake AWS on 127.0.0.1, as `localhost` itself does.
import dns from 'node:dns';

const lookup = dns.lookup;
dns.lookup = function (host, ...rest) {
  return lookup.call(this, typeof host === 'string' && (host === 'localhost' || host.endsWith('.localhost')) ? '127.0.0.1' : host, ...rest);
};
