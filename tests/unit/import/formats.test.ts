import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { partNumber } from '../../../src/import/markers.ts';
import { importFile, compileImported } from './helpers.ts';

const SPEECH = 'assets/source/speech.txt';
const TEXT = readFileSync(SPEECH, 'utf8');
const dir = mkdtempSync(path.join(tmpdir(), 'import-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The deck's slide files (the report names the file and its format, so it differs). */
async function slidesOf(file: string): Promise<Record<string, string>> {
  const { result } = await importFile(file);
  compileImported(result);
  return Object.fromEntries(result.files.filter((f) => f.path.startsWith('slides/')).map((f) => [f.path, f.text]));
}

/** speech.txt as a Word file: the title in Word's Title style, the parts in Heading 1, the rest as body text. */
async function speechDocx(): Promise<Buffer> {
  const lines = TEXT.split('\n').filter((l) => l.trim() !== '');
  const doc = new Document({
    sections: [
      {
        children: lines.map((line, i) =>
          i === 0
            ? new Paragraph({ text: line, heading: HeadingLevel.TITLE })
            : partNumber(line)
              ? new Paragraph({ text: line, heading: HeadingLevel.HEADING_1 })
              : new Paragraph({ text: line }),
        ),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe('reading a speech from each input format', async () => {
  const utf8 = await slidesOf(SPEECH);

  it('a .docx (Title and Heading 1 styles) gives the same deck as its UTF-8 text', async () => {
    const file = path.join(dir, 'speech.docx');
    writeFileSync(file, await speechDocx());
    expect(await slidesOf(file)).toEqual(utf8);
  });

  it('a GBK .txt (Word’s 纯文本 on a Chinese Windows) gives the same deck, and the report names the encoding', async () => {
    const file = path.join(dir, 'speech-gbk.txt');
    writeFileSync(file, iconv.encode(TEXT.replace(/\n/g, '\r\n'), 'gbk'));
    expect(await slidesOf(file)).toEqual(utf8);
    const { result } = await importFile(file);
    expect(result.report).toContain('纯文本，GB18030');
    expect(result.report).toContain('文件编码识别为 GB18030');
  });

  it('UTF-8 with a BOM and UTF-16 (LE and BE) with a BOM give the same deck', async () => {
    const variants: [string, Buffer][] = [
      ['bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)])],
      ['utf16le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf16le')])],
      ['utf16be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, 'utf16be')])],
    ];
    for (const [name, bytes] of variants) {
      const file = path.join(dir, name);
      writeFileSync(file, bytes);
      expect(await slidesOf(file), name).toEqual(utf8);
    }
  });

  it('a .docx with Heading 2 sections, a numbered list and bold lead sentences drafts from those', async () => {
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'points',
            levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: '在全区社区工作会议上的讲话', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: '同志们：' }),
            new Paragraph({ text: '充分肯定成绩', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: '服务更贴心', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: '建起了服务站。', numbering: { reference: 'points', level: 0 } }),
            new Paragraph({ text: '开通了热线。', numbering: { reference: 'points', level: 0 } }),
            new Paragraph({
              children: [
                new TextRun({ text: '队伍更过硬。', bold: true }),
                new TextRun('社区工作者参加培训，本领明显提高。'),
              ],
            }),
            new Paragraph({ text: '做好今年工作', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: '要把老旧小区改造作为重点。' }),
          ],
        },
      ],
    });
    const file = path.join(dir, 'styles.docx');
    writeFileSync(file, await Packer.toBuffer(doc));
    const { result } = await importFile(file);
    const deck = compileImported(result);
    expect(deck.meta.title).toBe('在全区社区工作会议上的讲话');
    expect(deck.parts.map((p) => p.label)).toEqual(['开篇', '第一部分', '第二部分']);
    const headings = result.deck.parts.flatMap((p) => p.slides).map((s) => [s.role, s.heading]);
    expect(headings).toEqual([
      ['title', '在全区社区工作会议上的讲话'],
      ['agenda', '讲话结构'],
      ['part', '第一部分 · 充分肯定成绩'],
      ['section', '服务更贴心'],
      ['point', '建起了服务站'],
      ['point', '开通了热线'],
      ['text', '队伍更过硬'],
      ['part', '第二部分 · 做好今年工作'],
    ]);
    expect(result.report).toContain('Word (.docx)');
  });
});
