import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { inspectPdf } from '../../src/export/inspect.ts';
import { expect, openDeck, test } from './fixtures.ts';

/**
 * Journey 4 (the author, next week's speech), whole, with the commands the guide gives: a Word
 * file from the office → `npm run import -- 讲话.docx --out <folder>` and its report →
 * `npm run dev -- --deck <folder>`, where a saved heading shows by itself and a mistake shows with
 * file:line until it is put right → `npm run build`, `npm run pdf` and `npm run pptx` with
 * `--deck`, and the built folder opened from file:// as the presenter will. The folder is outside
 * the project, as an author's may be.
 */

const run = promisify(execFile);

/** Next week's speech as the office sends it: a title (Title style), three parts (Heading 1), body text. */
const SPEECH: [kind: 'title' | 'part' | 'text', text: string][] = [
  ['title', '在社区服务推进会上的讲话'],
  ['text', '同志们：今天我们召开社区服务推进会，总结经验，部署工作。'],
  ['part', '一、提高认识，把社区服务摆在重要位置'],
  ['text', '社区是城市治理的基本单元。做好社区服务，关系群众切身利益。'],
  ['text', '我们要把社区服务作为民生工程来抓，持续用力，久久为功。'],
  ['part', '二、突出重点，办好群众身边的实事'],
  ['text', '要办好养老托育、便民服务和环境整治三件实事。'],
  ['part', '三、加强保障，形成齐抓共管的合力'],
  ['text', '各部门要各负其责，密切配合，确保各项任务落到实处。'],
  ['text', '同志们，让我们共同努力，把社区服务工作做得更好。'],
];

async function wordFile(file: string): Promise<void> {
  const heading = { title: HeadingLevel.TITLE, part: HeadingLevel.HEADING_1, text: undefined } as const;
  const doc = new Document({
    sections: [{ children: SPEECH.map(([kind, text]) => new Paragraph({ text, heading: heading[kind] })) }],
  });
  writeFileSync(file, await Packer.toBuffer(doc));
}

/** Starts `npm run dev -- --deck <deck>` and resolves with its address once it prints one. */
function startDev(deck: string): Promise<{ url: string; server: ChildProcess }> {
  const server = spawn('npm', ['run', '--silent', 'dev', '--', '--deck', deck, '--port', '0', '--host', '127.0.0.1'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`npm run dev printed no address:\n${out}`)), 60_000);
    const read = (chunk: Buffer): void => {
      out += chunk.toString();
      // Vite prints the port in bold where colours are on (as under the test runner).
      // eslint-disable-next-line no-control-regex
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out.replace(/\x1b\[[0-9;]*m/g, ''))?.[0];
      if (url) {
        clearTimeout(timer);
        resolve({ url, server });
      }
    };
    server.stdout!.on('data', read);
    server.stderr!.on('data', read);
    server.on('exit', (code) => reject(new Error(`npm run dev exited (${code}):\n${out}`)));
  });
}

test('an author turns a Word file into a deck: import and its report, edits in the dev server (a mistake at file:line), build, PDFs and PowerPoint', async ({
  page,
  problems,
}) => {
  test.setTimeout(300_000);
  const work = mkdtempSync(path.join(os.tmpdir(), 'deck-author-'));
  const deck = path.join(work, 'next');
  let server: ChildProcess | undefined;
  try {
    // 1–2. The Word file, imported; the report says what was found and what to check.
    const word = path.join(work, '讲话.docx');
    await wordFile(word);
    const imported = await run('npm', ['run', '--silent', 'import', '--', word, '--out', deck]);
    expect(imported.stdout).toContain('Word (.docx)');
    const report = readFileSync(path.join(deck, 'import-report.md'), 'utf8');
    for (const part of [
      '提高认识，把社区服务摆在重要位置',
      '突出重点，办好群众身边的实事',
      '加强保障，形成齐抓共管的合力',
    ])
      expect(report).toContain(part);
    expect(report).toContain('导入后请检查');

    // 3. The dev server: the deck, a saved heading shown by itself, a mistake shown with file:line.
    let url: string;
    ({ url, server } = await startDev(deck));
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement?.classList.contains('deck-ready'), null, {
      timeout: 60_000,
    });
    await expect(page.locator('section#title h1')).toHaveText('在社区服务推进会上的讲话');
    const slideFile = path.join(deck, 'slides/01-part-1.md');
    const original = readFileSync(slideFile, 'utf8');
    const heading = '## 第一部分 · 提高认识，把社区服务摆在重要位置';
    expect(original).toContain(heading);
    const edited = original.replace(heading, '## 第一部分 · 提高认识');
    writeFileSync(slideFile, edited);
    await expect(page.locator('section#part-1-1 h2')).toHaveText('第一部分 · 提高认识', { timeout: 15_000 });
    const line = edited.split('\n').findIndex((l) => l.startsWith('{#part-1-1')) + 1;
    expect(problems).toEqual([]);
    writeFileSync(slideFile, edited.replace('{#part-1-1 layout=statement}', '{#part-1-1 layuot=statement}'));
    const overlay = page.locator('vite-error-overlay');
    await expect(overlay).toHaveCount(1, { timeout: 15_000 });
    await expect(overlay.locator('.message-body')).toContainText(`01-part-1.md:${line}: 未知的幻灯片属性“layuot”`);
    writeFileSync(slideFile, edited);
    await expect(overlay).toHaveCount(0, { timeout: 15_000 });
    await page.waitForFunction(() => document.documentElement?.classList.contains('deck-ready'));
    await expect(page.locator('section#part-1-1 h2')).toHaveText('第一部分 · 提高认识');
    // While the slide was wrong the page reported its deck module refused (that is the overlay's
    // cause); nothing else.
    const whileWrong = problems.splice(0);
    expect(whileWrong.length).toBeGreaterThan(0);
    for (const p of whileWrong) expect(p).toMatch(/status of 500|response 500: .*virtual:deck/);
    // The page leaves before the server stops (Vite's client would start polling for it).
    await page.goto('about:blank');
    process.kill(-server.pid!, 'SIGTERM');
    server = undefined;

    // 4. Built, exported, and the folder handed to the presenter.
    await run('npm', ['run', '--silent', 'build', '--', '--deck', deck], { timeout: 120_000 });
    await run('npm', ['run', '--silent', 'pdf', '--', '--deck', deck, '--no-build'], { timeout: 150_000 });
    await run('npm', ['run', '--silent', 'pptx', '--', '--deck', deck], { timeout: 120_000 });
    for (const name of ['slides.pdf', 'handout.pdf', 'speech.pdf', 'script.pdf', 'slides.pptx'])
      expect(existsSync(path.join(deck, 'export', name)), name).toBe(true);
    const slides = await inspectPdf(readFileSync(path.join(deck, 'export/slides.pdf')));
    expect(slides.info.title).toBe('在社区服务推进会上的讲话');
    expect(slides.text.join('')).toContain('第一部分 · 提高认识');
    await openDeck(page, pathToFileURL(path.join(deck, 'dist/index.html')).href + '#/part-1-1');
    await expect(page.locator('section#part-1-1 h2')).toHaveText('第一部分 · 提高认识');
  } finally {
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
});
