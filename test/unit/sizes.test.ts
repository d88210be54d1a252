/** File sizes in the size-limit messages of the CLI and the editor (src/core/sizes.ts). */
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { byteSize, sizeOverLimit, utf8Length } from '../../src/core/sizes';

describe('sizes', () => {
  it('byteSize: bytes below 1 KB, KB below 1 MB, MB above, one decimal without a trailing .0', () => {
    assert.equal(byteSize(0), '0 B');
    assert.equal(byteSize(1023), '1023 B');
    assert.equal(byteSize(1024), '1 KB');
    assert.equal(byteSize(1536), '1.5 KB');
    assert.equal(byteSize(1024 * 1024 - 1), '1024 KB');
    assert.equal(byteSize(1024 * 1024), '1 MB');
    assert.equal(byteSize(10 * 1024 * 1024), '10 MB');
    assert.equal(byteSize(100.26 * 1024 * 1024), '100.3 MB');
  });

  it('sizeOverLimit: rounded sizes when they differ, exact bytes when both round the same', () => {
    assert.deepEqual(sizeOverLimit(3174, 2048), { size: '3.1 KB', limit: '2 KB' });
    assert.deepEqual(sizeOverLimit(1340, 1330), { size: '1340 B', limit: '1330 B' });
    assert.deepEqual(sizeOverLimit(901, 900), { size: '901 B', limit: '900 B' });
    assert.deepEqual(sizeOverLimit(11 * 1024 * 1024, 10 * 1024 * 1024), { size: '11 MB', limit: '10 MB' });
  });

  it('utf8Length is the length of the UTF-8 encoding, for any well-formed text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => utf8Length(s) === Buffer.byteLength(s, 'utf8')),
      { numRuns: 300 },
    );
    assert.equal(utf8Length('a步😀'), 1 + 3 + 4);
  });
});
