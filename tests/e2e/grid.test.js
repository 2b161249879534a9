// The table editor's packed cells (www/lib/grid.js) against plain arrays of strings, the
// model they replace: every cell read back as written (Chinese, a character outside the
// BMP, a leading U+FEFF, empty and ragged rows) with the file's lines, and every change the
// editor makes giving the rows that the same change makes to the arrays, a line each.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Grid, buffers, packGrid } from '../../www/lib/grid.js';
import { GridText } from '../../www/lib/grid-text.js';
import { gridToText } from '../../www/io/files.js';

/** Rows as the core reads them: `[line, cells]`, ragged, with the cells that trip a decoder. */
const GRID = [
  [1, ['学校名称', '学段', '在校生数']],
  [3, ['\ufeff城关小学', '小学', '1200']],
  [4, ['𠀋村小', '', '']],
  [5, ['"引号", 逗号', '初中']],
  [7, []],
  [8, ['末行', '小学', '30', '多出的一格']],
];

/** The arrays the editor kept before: every row padded to the widest. */
const padded = (grid) => {
  const width = Math.max(...grid.map(([, cells]) => cells.length));
  return grid.map(([, cells]) => [...cells, ...Array(width - cells.length).fill('')]);
};

test('a packed grid reads back every cell, padded to the widest row, with its line', () => {
  const grid = new Grid(packGrid(GRID));
  assert.deepEqual([...grid], padded(GRID));
  assert.deepEqual(GRID.map((_, r) => grid.line(r)), GRID.map(([line]) => line));
  assert.deepEqual([5, 2].map((line) => grid.index(line)), [3, -1]);
  assert.equal(grid.width, 4);
  assert.deepEqual([...new Grid()], []);
});

test('its arrays are what the worker moves to the page', () => {
  const packed = packGrid(GRID);
  const moved = buffers(packed);
  assert.equal(moved.length, 4);
  assert.ok(moved.every((b) => b instanceof ArrayBuffer));
  const copy = structuredClone(packed, { transfer: moved });
  assert.equal(packed.units.length, 0, 'moved, not copied');
  assert.deepEqual([...new Grid(copy)], padded(GRID));
});

test("the editor's changes give the rows the same changes give plain arrays", () => {
  const grid = new Grid(packGrid(GRID));
  const rows = padded(GRID);
  const both = (change, model) => {
    change(grid);
    model(rows);
    assert.deepEqual([...grid], rows);
  };
  both((g) => g.set(1, 2, '1300'), (m) => { m[1][2] = '1300'; });
  both((g) => g.push(), (m) => m.push(m[0].map(() => '')));
  both((g) => g.set(6, 0, '新校'), (m) => { m[6][0] = '新校'; });
  both((g) => g.addColumn(), (m) => m.forEach((row) => row.push('')));
  both((g) => g.set(0, 4, '乡镇'), (m) => { m[0][4] = '乡镇'; });
  both((g) => g.removeColumn(1), (m) => m.forEach((row) => row.splice(1, 1)));
  both((g) => g.remove(2), (m) => m.splice(2, 1));
  both((g) => g.remove(5), (m) => m.splice(5, 1));
  both((g) => g.set(3, 0, '改名'), (m) => { m[3][0] = '改名'; });
  assert.equal(grid.length, rows.length);
  // Changed, the text is the grid: a row's line is its place.
  assert.deepEqual(rows.map((_, r) => grid.line(r)), rows.map((_, r) => r + 1));
  assert.deepEqual([1, rows.length, rows.length + 1].map((line) => grid.index(line)), [0, rows.length - 1, -1]);
  assert.equal(grid.width, rows[0].length);
  // A row read is a copy: changing it changes nothing.
  grid.row(0)[0] = 'x';
  assert.deepEqual([...grid], rows);
});

test("the grid's text, patched at each change, is the text made whole from its rows", async () => {
  // 300 rows, so that the lines' sums are read and changed across many of the tree's levels.
  const rows = Array.from({ length: 300 }, (_, r) => [r + 1, [`第${r}校`, r % 2 ? '小学' : '初中', String(100 + r)]]);
  const grid = new Grid(packGrid(rows));
  const text = async () => (await (grid.lines ?? new GridText(grid)).ready).text;
  assert.equal(await text(), gridToText([...grid]));
  // Cells that must be quoted (a tab, a quote, a line break), Chinese, a character outside
  // the BMP, an empty cell; rows from the first to the last, in a fixed pseudo-random order.
  const values = ['1300', '', '甲\t乙', '说"是"', '两\n行', '𠀋', '很长的一个学校名称'.repeat(5)];
  let seed = 7;
  for (let i = 0; i < 400; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const [r, c] = [i < 3 ? [0, 299, 150][i] : seed % grid.length, seed % grid.width];
    grid.set(r, c, values[i % values.length]);
    assert.equal(await text(), gridToText([...grid]), `after setting row ${r}, column ${c}`);
  }
  // Rows and columns added or removed: the text is made whole again, then patched again.
  for (const change of [(g) => g.push(), (g) => g.addColumn(), (g) => g.remove(10), (g) => g.removeColumn(1)]) {
    change(grid);
    assert.equal(grid.lines, null);
    assert.equal(await text(), gridToText([...grid]));
    grid.set(grid.length - 1, 0, '末行');
    assert.equal(await text(), gridToText([...grid]));
  }
});

test("a large grid's text is made in several tasks, with the cells changed meanwhile in it", async () => {
  const rows = Array.from({ length: 4_500 }, (_, r) => [r + 1, [`第${r}校`, '小学', String(r)]]);
  const grid = new Grid(packGrid(rows));
  const made = new GridText(grid);
  // Changed while it is being made: a row already made, and one not yet.
  grid.set(10, 2, '甲');
  await new Promise((resolve) => setTimeout(resolve));
  grid.set(0, 0, '乙');
  grid.set(4_400, 1, '初中');
  assert.equal((await made.ready).text, gridToText([...grid]));
  grid.set(4_499, 0, '末');
  assert.equal(made.text, gridToText([...grid]));
  // Rows added while it is made: the text is made again, with them.
  const again = new GridText(grid);
  await new Promise((resolve) => setTimeout(resolve));
  grid.push();
  grid.set(4_500, 0, '新');
  const text = (await again.ready).text;
  assert.equal(text, gridToText([...grid]));
  assert.notEqual(await again.ready, again, 'made again');
});
