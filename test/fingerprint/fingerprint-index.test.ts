import { describe, expect, it } from 'vitest';
import { addTextToIndex } from '../../src/fingerprint/add-text-to-index.js';
import { gitBlobId } from '../../src/fingerprint/blob-id.js';
import { fingerprintText } from '../../src/fingerprint/fingerprint-text.js';
import { InMemoryFingerprintIndex } from '../../src/fingerprint/fingerprint-index.js';
import { loadFingerprintIndex } from '../../src/fingerprint/load-fingerprint-index.js';
import { DEFAULT_WINNOW_PARAMETERS } from '../../src/fingerprint/winnow-parameters.js';
import { OUR_CACHE, OUR_PARSER } from './fixtures.js';

const params = DEFAULT_WINNOW_PARAMETERS;

function entry(repo: string, path: string, text: string) {
  return { repo, path, blobId: gitBlobId(text), fingerprints: fingerprintText(text, params) };
}

describe('InMemoryFingerprintIndex', () => {
  it('finds a file by its fingerprints, blob id and canary markers', () => {
    const index = new InMemoryFingerprintIndex(params);
    const id = index.addFile({ ...entry('app', 'src/cache.js', OUR_CACHE), canaries: ['lwcanary-x'] });
    const h = index.getFile(id)!.fingerprints.hashes[0]!;
    expect(index.filesWithHash(h)).toEqual([id]);
    expect(index.filesWithBlobId(gitBlobId(OUR_CACHE))).toEqual([id]);
    expect(index.filesWithCanary('lwcanary-x')).toEqual([id]);
    expect(index.fileCount()).toBe(1);
  });

  it('replaces a file re-added at the same repo and path, and forgets a removed one', () => {
    const index = new InMemoryFingerprintIndex(params);
    index.addFile(entry('app', 'a.js', OUR_CACHE));
    const second = index.addFile(entry('app', 'a.js', OUR_PARSER));
    expect(index.fileCount()).toBe(1);
    expect(index.filesWithBlobId(gitBlobId(OUR_CACHE))).toEqual([]);
    const h = index.getFile(second)!.fingerprints.hashes[0]!;
    expect(index.removeFile('app', 'a.js')).toBe(true);
    expect(index.removeFile('app', 'a.js')).toBe(false);
    expect(index.filesWithHash(h)).toEqual([]);
    expect(index.fileCount()).toBe(0);
  });

  it('counts a hash once per file, in ascending file order', () => {
    const index = new InMemoryFingerprintIndex(params);
    const ids = ['a.js', 'b.js', 'c.js'].map((p) => index.addFile(entry('app', p, OUR_CACHE)));
    const h = index.getFile(ids[0]!)!.fingerprints.hashes[0]!;
    expect(index.filesWithHash(h)).toEqual(ids);
  });

  it('serializes to plain JSON and back without losing anything', () => {
    const index = new InMemoryFingerprintIndex(params);
    index.addFile({ ...entry('app', 'src/cache.js', OUR_CACHE), canaries: ['lwcanary-y'] });
    index.addFile(entry('lib', 'parse.js', OUR_PARSER));
    const data = JSON.parse(JSON.stringify(index.serialize()));
    const copy = InMemoryFingerprintIndex.deserialize(data);
    expect(copy.serialize()).toEqual(index.serialize());
    expect(copy.filesWithCanary('lwcanary-y')).toHaveLength(1);
    expect(copy.parameters).toEqual(params);
    expect(loadFingerprintIndex(data).serialize()).toEqual(index.serialize());
  });

  it('refuses to load a serialized index of the wrong shape', () => {
    expect(() => loadFingerprintIndex({ version: 2, k: 15, w: 16, files: [] })).toThrow(/not valid.*version/);
    const index = new InMemoryFingerprintIndex(params);
    index.addFile(entry('app', 'a.js', OUR_CACHE));
    const data = index.serialize();
    data.files[0]!.fingerprints.pop();
    expect(() => loadFingerprintIndex(data)).toThrow(/triples/);
  });
});

describe('addTextToIndex', () => {
  it('skips vendored, lockfile, licence and minified files and indexes our own', () => {
    const index = new InMemoryFingerprintIndex(params);
    const add = (path: string, text: string) => addTextToIndex(index, { repo: 'app', path, content: Buffer.from(text) });
    expect(add('node_modules/lru/index.js', OUR_CACHE)).toEqual({ added: false, reason: 'vendored' });
    expect(add('vendor/lru.js', OUR_CACHE)).toEqual({ added: false, reason: 'vendored' });
    expect(add('package-lock.json', '{}')).toEqual({ added: false, reason: 'lockfile' });
    expect(add('LICENSE', 'MIT')).toEqual({ added: false, reason: 'licence' });
    expect(add('app.js', 'x=1;'.repeat(2000) + '\n' + 'y=2;'.repeat(2000))).toEqual({ added: false, reason: 'minified' });
    expect(add('src/lru.js', OUR_CACHE)).toMatchObject({ added: true });
    expect(index.fileCount()).toBe(1);
  });

  it('keeps licence prose out of the index', () => {
    const index = new InMemoryFingerprintIndex(params);
    const readme = 'Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software';
    const result = addTextToIndex(index, { repo: 'app', path: 'README.md', content: Buffer.from(readme) });
    expect(result.added).toBe(true);
    expect(fingerprintText(readme, params).hashes.length).toBeGreaterThan(0);
    expect(index.getFile(result.added ? result.id : -1)!.fingerprints.hashes.length).toBe(0);
  });
});
