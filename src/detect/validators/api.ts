/** The validators a rule may name in `validators:`. */
import { isBase64Credentials } from './base64-credentials.js';
import { isBase64Json } from './base64-json.js';
import { isBase64PemKey } from './base64-pem.js';
import { isBcryptHash } from './bcrypt.js';
import { hasValidCrc32Checksum } from './checksum-crc32.js';
import { isDecodableJwe } from './jwe.js';
import { isDecodableJwt } from './jwt.js';
import { isConcatenatedJwt } from './jwt-concatenated.js';
import { isUnsignedJwt } from './jwt-unsigned.js';
import { isLdapPasswordHash } from './ldap-hash.js';
import { passesLuhn } from './luhn.js';
import { isMnemonicPhrase } from './mnemonic.js';
import { isNkeySeed } from './nkey-seed.js';
import { isPemKeyBlock } from './pem.js';
import { isConcatenatedPemKey } from './pem-concatenated.js';
import { isEscapedPemKey } from './pem-escaped.js';

export type Validator = (secret: string) => boolean;

export const validators = new Map<string, Validator>([
  ['crc32-checksum', hasValidCrc32Checksum],
  ['luhn', passesLuhn],
  ['jwt', isDecodableJwt],
  ['pem', isPemKeyBlock],
  ['pem-escaped', isEscapedPemKey],
  ['pem-concatenated', isConcatenatedPemKey],
  ['base64-json', isBase64Json],
  ['base64-pem', isBase64PemKey],
  ['base64-credentials', isBase64Credentials],
  ['jwe', isDecodableJwe],
  ['jwt-unsigned', isUnsignedJwt],
  ['jwt-concatenated', isConcatenatedJwt],
  ['nkey-seed', isNkeySeed],
  ['bcrypt', isBcryptHash],
  ['ldap-hash', isLdapPasswordHash],
  ['mnemonic', isMnemonicPhrase],
]);
