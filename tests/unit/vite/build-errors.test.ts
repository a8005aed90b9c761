import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const tmp = mkdtempSync(path.join(tmpdir(), 'build-errors-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm run build on a deck with mistakes', () => {
  it('prints every mistake, one line each with file:line, no stack trace, and exits 1', () => {
    cpSync('examples/three-parts/slides', path.join(tmp, 'slides'), { recursive: true });
    const file = path.join(tmp, 'slides', '01-part-1.md');
    // Three mistakes a secretary makes: a misspelt attribute, a full-width heading, a missing ---.
    const text = readFileSync(file, 'utf8')
      .replace('{#part-1-1 layout=statement}', '{#part-1-1 layuot=statement}')
      .replace('\n## (一) 服务覆盖更广\n', '\n＃＃ (一) 服务覆盖更广\n')
      .replace('\n---\n\n{#part-1-3', '\n\n{#part-1-3');
    writeFileSync(file, text);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/vite.ts', 'build', '--deck', tmp], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    const shown = `${tmp}/slides/01-part-1.md`;
    const problems = run.stderr.split('\n').filter((l) => l.startsWith(shown));
    expect(problems).toEqual([
      `${shown}:10: 未知的幻灯片属性“layuot”（slide attribute） — 您是否想写 layout？可写 #id、.class、layout=版式、section="…"、editorial`,
      `${shown}:25: “＃＃”用了全角井号，这一行不会成为标题（heading） — 改成半角井号加空格：## (一) 服务覆盖更广`,
      `${shown}:37: 备注（Note:）里出现了属性行 {#part-1-3 layout=quote}：是不是少了分页线 ---？这样下一页会并进这一页的备注 — 在下一页开始之前（它的属性行或标题之上）加一行 ---；备注里的文字不用标题`,
    ]);
    expect(run.stderr).toContain('构建停止：演示文稿里有 3 处要改正（deck errors）');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toContain('error during build');
  }, 120_000);
});
