import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deckFolder } from '../../../src/deck-folder.ts';
import { compileDeck } from '../../../src/markdown/compile.ts';
import { readSlideFiles } from '../../../src/markdown/files.ts';
import { readPptx } from '../../../src/export/pptx/read.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'pptx-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (...args: string[]): { status: number | null; stdout: string; stderr: string } =>
  // As npm run pptx runs it (node bin/deck-pptx.js: the entry bundled once, in-process, no wrapper process).
  spawnSync(process.execPath, ['bin/deck-pptx.js', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });

describe('npm run pptx', () => {
  it('writes slides.pptx into --out, shows its steps, and exits 0', () => {
    const out = path.join(dir, 'out');
    const r = run('--out', out);
    expect(r.stderr).toContain('[1/5] 读取幻灯片与数据');
    expect(r.stderr).toContain('[4/5] 读回检查');
    expect(r.stdout).toMatch(/slides\.pptx {2}\d+ 张幻灯片 {2}\d+ 个图表 {2}\d+\.\d KB/);
    expect(r.status).toBe(0);
    expect(existsSync(path.join(out, 'slides.pptx'))).toBe(true);
  }, 120_000);

  it('exits 2 with the usage for an unknown option or an empty --out', () => {
    const unknown = run('--colour', 'red');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('用法：npm run pptx');
    const empty = run('--out', '');
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('--out 后面没有写文件夹（--out is empty）');
    expect(empty.stderr).toContain('用法：npm run pptx');
  }, 120_000);

  it('exits 1 and says what to do when --out is a file', () => {
    const file = path.join(dir, 'a-file');
    writeFileSync(file, 'x');
    const r = run('--out', file);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/输出文件夹 .*a-file 是一个文件，不是文件夹（ENOTDIR） — 用 --out 换一个文件夹/);
  }, 120_000);

  it('--deck exports another deck folder: its slides, its parts as sections, into its export/ by default', async () => {
    const example = deckFolder(process.cwd(), 'examples/three-parts');
    const target = path.join(example.export, 'slides.pptx');
    rmSync(target, { force: true });
    const r = run('--deck', 'examples/three-parts');
    expect(r.stderr).not.toContain('error');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('examples/three-parts/export/slides.pptx');
    const deck = compileDeck(readSlideFiles(example));
    const report = await readPptx(readFileSync(target));
    expect(report.slides).toHaveLength(deck.parts.flatMap((p) => p.slides).length);
    expect(report.sections.map((s) => s.name)).toEqual(deck.parts.map((p) => p.label));
    // The example's own title, not the project deck's.
    expect(report.properties['dc:title']).toBe('在社区志愿服务表彰会上的讲话');
    expect(report.slides[0]!.title).toBe('在社区志愿服务表彰会上的讲话');
  }, 120_000);

  it('exits 1 and says what a deck folder needs when --deck is not one', () => {
    const r = run('--deck', path.join(dir, 'no-such-deck'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('找不到演示文稿文件夹');
  }, 120_000);

  it('stops on Ctrl-C with exit 130, leaving the previous file and no temporary file', async () => {
    const out = path.join(dir, 'interrupted');
    mkdirSync(out);
    writeFileSync(path.join(out, 'slides.pptx'), 'the previous file');
    const child = spawn(process.execPath, ['bin/deck-pptx.js', '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      // Interrupt as soon as the export has started: well before its file could be in place.
      if (!stderr.includes('[1/5]') && (stderr + chunk).includes('[1/5]')) child.kill('SIGINT');
      stderr += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toContain('已中断（interrupted）：没有写出新的 slides.pptx，原有文件不变');
    expect(code).toBe(130);
    expect(readdirSync(out)).toEqual(['slides.pptx']);
    expect(readFileSync(path.join(out, 'slides.pptx'), 'utf8')).toBe('the previous file');
  }, 120_000);
});
