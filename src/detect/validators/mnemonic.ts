/**
 * A wallet's recovery phrase (BIP-39 and the like): 12, 15, 18, 21 or 24 lower-case words of
 * 3 to 8 letters, mostly different. Documentation's stand-ins repeat a word (`test test … junk`,
 * the Hardhat and Foundry default) or count (`word1 word2 …`), which this refuses.
 */
const LENGTHS = new Set([12, 15, 18, 21, 24]);

export function isMnemonicPhrase(secret: string): boolean {
  const words = secret.trim().split(/\s+/);
  if (!LENGTHS.has(words.length) || !words.every((w) => /^[a-z]{3,8}$/.test(w))) return false;
  return new Set(words).size >= words.length - 2;
}
