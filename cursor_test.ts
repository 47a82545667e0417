import assert from "node:assert/strict";
import { Cursor, SeekMode } from "./mod.ts";
import { testEveryBacking } from "./_backing_test_util.ts";

testEveryBacking(
  "Cursor.readSync() reads the source's bytes then returns null",
  [1, 2, 3, 4, 5],
  (backing) => {
    const cursor = new Cursor(backing.source);
    const p = new Uint8Array(3);
    assert.equal(cursor.readSync(p), 3);
    assert.deepEqual(p, new Uint8Array([1, 2, 3]));
    assert.equal(cursor.position, 3);
    assert.equal(cursor.readSync(p), 2);
    assert.deepEqual(p, new Uint8Array([4, 5, 3]));
    assert.equal(cursor.position, 5);
    assert.equal(cursor.readSync(p), null);
    assert.equal(cursor.position, 5);
  },
);

testEveryBacking(
  "Cursor.writeSync() writes into the source without copying",
  [0, 0, 0, 0],
  (backing) => {
    const cursor = new Cursor(backing.source);
    cursor.seekSync(1, SeekMode.Start);
    assert.equal(cursor.writeSync(new Uint8Array([7, 8])), 2);
    assert.equal(cursor.position, 3);
    assert.deepEqual(backing.view(), new Uint8Array([0, 7, 8, 0]));
  },
);
