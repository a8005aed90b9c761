import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/import/command.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'import-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** Runs `npm run import -- …args` in-process; returns the exit code and what it printed. */
async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const code = await main(args);
  vi.restoreAllMocks();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run import', () => {
  it('writes slides/ and the report into --out, and prints the report', async () => {
    const out = path.join(dir, 'deck');
    const { code, out: printed } = await run('tests/fixtures/import/three-parts.txt', '--out', out);
    expect(code).toBe(0);
    expect(existsSync(path.join(out, 'slides', '00-opening.md'))).toBe(true);
    expect(existsSync(path.join(out, 'slides', '03-part-3.md'))).toBe(true);
    const report = readFileSync(path.join(out, 'import-report.md'), 'utf8');
    expect(printed).toContain(report.trim());
    // A folder outside the current one is named as it is, not as ../../../tmp/…
    expect(printed).toContain(`已写出 ${out.split(path.sep).join('/')}/slides/`);
    expect(report).toContain(`输出：\`${out.split(path.sep).join('/')}/slides/\``);
  });

  it('refuses a folder that is not empty, and replaces only slides/ and the report with --force', async () => {
    const out = path.join(dir, 'busy');
    mkdirSync(path.join(out, 'slides'), { recursive: true });
    writeFileSync(path.join(out, 'slides', '07-old.md'), 'old');
    writeFileSync(path.join(out, 'notes.txt'), 'keep me');
    const refused = await run('tests/fixtures/import/three-parts.txt', '--out', out);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('已存在且不是空的 — 用 --out 另选一个文件夹，或加 --force');
    const forced = await run('tests/fixtures/import/three-parts.txt', '--out', out, '--force');
    expect(forced.code).toBe(0);
    expect(existsSync(path.join(out, 'slides', '07-old.md'))).toBe(false);
    expect(readFileSync(path.join(out, 'notes.txt'), 'utf8')).toBe('keep me');
  });

  it('stops with file:line and what to do for a missing or unsupported file, and exit code 1', async () => {
    const missing = await run(path.join(dir, 'nope.txt'), '--out', path.join(dir, 'x'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/nope\.txt:1: 找不到这个文件.* — 检查文件名和路径/);
    const doc = await run(path.join(dir, 'old.doc'), '--out', path.join(dir, 'y'));
    expect(doc.err).toMatch(/old\.doc:1: 不支持的文件类型“\.doc”.* — .*另存为” \.docx/);
  });

  it('answers a usage error with the usage and exit code 2', async () => {
    expect((await run()).code).toBe(2);
    expect((await run('a.txt', '--rate', 'fast')).err).toContain('--rate 应是每分钟的字数');
    expect((await run('a.txt', '--colour')).code).toBe(2);
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('用法：npm run import -- <讲稿文件>');
  });
});
