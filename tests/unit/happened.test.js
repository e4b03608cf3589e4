import test from 'node:test';
import assert from 'node:assert/strict';
import { DEMOS, TEST_PANIC } from '../../web/demos.js';
import { HAPPENED_IDS } from '../../web/happened.js';

test('every Run button of demos.js has its "What just happened?" sentence in happened.js, and no other', () => {
  const ids = [...DEMOS.flatMap((d) => d.variants.map((v) => v.id)), TEST_PANIC.id];
  assert.deepEqual([...HAPPENED_IDS].sort(), [...ids].sort());
});
