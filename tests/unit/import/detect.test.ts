import { describe, expect, it } from 'vitest';
import type { Structure } from '../../../src/import/types.ts';
import { importFile } from './helpers.ts';

async function structureOf(file: string): Promise<Structure> {
  return (await importFile(file)).result.structure;
}

const points = (s: Structure): string[] => s.units.filter((u) => u.marker).map((u) => u.marker!.text);
const findings = (s: Structure): string => s.findings.map((f) => f.message).join('\n');

describe('detectStructure() on Chinese speech conventions', () => {
  it('finds the title line, the salutation 同志们：, parts 一、二、 and sections （一）（二）', async () => {
    const s = await structureOf('title-salutation.txt');
    expect(s.title).toBe('在全区社区工作会议上的讲话');
    expect(s.occasion).toBe('全区社区工作会议');
    expect(s.units.filter((u) => u.salutation).map((u) => u.text)).toEqual(['同志们：']);
    expect(s.parts.map((p) => [p.number, p.heading])).toEqual([
      [1, '充分肯定去年的成绩'],
      [2, '扎实做好今年的工作'],
    ]);
    expect(s.parts.map((p) => p.sections.map((x) => `${x.marker}${x.heading}`))).toEqual([
      ['(一)服务更贴心', '(二)队伍更过硬'],
      ['(一)抓好基础设施', '(二)抓好队伍建设'],
    ]);
    expect(s.units.filter((u) => u.zone === 'closing').map((u) => u.text)).toEqual(['谢谢大家！']);
  });

  it('labels parts 第一部分… when the speech names no frame', async () => {
    const s = await structureOf('three-parts.txt');
    expect(s.frame).toBeNull();
    expect(s.parts.map((p) => p.label)).toEqual(['第一部分', '第二部分', '第三部分']);
    expect(s.missing).toEqual([]);
  });

  it('uses the frame a speech names (起承转合) for the part labels', async () => {
    const s = await structureOf('frame-qcz.txt');
    expect(s.frame).toMatchObject({ name: '起承转合', labels: ['起', '承', '转', '合'], line: 3 });
    expect(s.parts.map((p) => p.label)).toEqual(['起', '承', '转', '合']);
    expect(s.missing).toEqual([]);
  });

  it('uses another frame the speech names (学思践悟) the same way', async () => {
    const s = await structureOf('frame-other.txt');
    expect(s.frame?.name).toBe('学思践悟');
    expect(s.parts.map((p) => p.label)).toEqual(['学', '思', '践', '悟']);
  });

  it('reports a missing salutation and starts the speech at its first part', async () => {
    const s = await structureOf('no-salutation.txt');
    expect(s.units.some((u) => u.salutation)).toBe(false);
    expect(findings(s)).toContain('没有找到称呼');
    expect(s.parts).toHaveLength(2);
  });

  it('reads mixed full- and half-width numbering: 一、 二. 三． (一) （二） (三） 1. ２． 3、', async () => {
    const s = await structureOf('mixed-width.txt');
    expect(s.parts.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(s.parts[0]!.sections.map((x) => x.number)).toEqual([1, 2, 3]);
    expect(points(s)).toEqual(['1.', '2.', '3、']);
    expect(s.findings.filter((f) => /编号/.test(f.message))).toEqual([]);
  });

  it('finds enumerations 一是…二是…三是… inside a paragraph', async () => {
    const s = await structureOf('enum-shi.txt');
    expect(points(s)).toEqual(['一是', '二是', '三是']);
  });

  it('finds enumerations 一要…；二要…；三要… split at the semicolons', async () => {
    const s = await structureOf('enum-yao.txt');
    expect(points(s)).toEqual(['一要', '二要', '三要']);
    expect(s.units.find((u) => u.marker?.text === '一要')!.text).toBe('一要坚持为民，把群众满意作为标准；');
  });

  it('finds enumerations 首先/其次/最后', async () => {
    const s = await structureOf('enum-order.txt');
    expect(s.units.filter((u) => u.marker).map((u) => [u.marker!.text, u.marker!.n])).toEqual([
      ['首先', 1],
      ['其次', 2],
      ['最后', 3],
    ]);
  });

  it('finds numbered points 1. 2. 3.', async () => {
    const s = await structureOf('enum-numbers.txt');
    expect(points(s)).toEqual(['1.', '2.', '3.']);
  });

  it('does not take a lone 二是 or a stray 1. for an enumeration', async () => {
    const s = await structureOf('figures.txt');
    expect(points(s)).toEqual([]);
  });

  it('puts closing formulas (以上…意见, 最后，祝…, 谢谢大家！) in the closing', async () => {
    const s = await structureOf('closing.txt');
    expect(s.units.filter((u) => u.zone === 'closing').map((u) => u.text)).toEqual([
      '以上是我讲的几点意见。',
      '最后，祝大家新年快乐、工作顺利！',
      '谢谢大家！',
    ]);
  });

  it('reports a speech that ends mid-sentence', async () => {
    const s = await structureOf('truncated.txt');
    expect(findings(s)).toMatch(/讲稿在第 6 行中断：最后一句“.*对违纪行为一律”没有句末标点/);
  });

  it('takes sections (一)(二)(三) for parts when there are no parts', async () => {
    const s = await structureOf('sections-only.txt');
    expect(s.parts.map((p) => p.heading)).toEqual(['图书室建起来了', '图书室要用起来', '图书室要管起来']);
    expect(s.units.filter((u) => u.salutation).map((u) => u.text)).toEqual(['各位居民朋友：']);
  });

  it('attributes quotations to whom the text names, and leaves the rest unattributed', async () => {
    const s = await structureOf('quotes.txt');
    const quoted = s.units.filter((u) => u.quotation).map((u) => [u.quotation!.attribution, u.quotation!.quote]);
    expect(quoted).toEqual([
      ['孔子', '学而不厌，诲人不倦。'],
      ['陶行知先生', '千教万教教人求真，千学万学学做真人'],
      ['教育部门', '每所学校都要配齐心理健康教师。'],
    ]);
    // 俗话说 names a saying, not a speaker.
    expect(s.units.find((u) => u.text.includes('十年树木'))!.quotation).toBeNull();
  });

  it('keeps a web page footer apart as provenance (trailer)', async () => {
    const s = await structureOf('trailer.txt');
    expect(s.units.filter((u) => u.zone === 'trailer').map((u) => u.line)).toEqual([7, 8, 9]);
    expect(findings(s)).toContain('末尾 3 行是出处信息');
  });

  it('reads a date and a short line under the title onto the title slide', async () => {
    const s = await structureOf('date-speaker.txt');
    expect(s.date).toBe('2024年3月15日');
    expect(s.units.filter((u) => u.zone === 'title').map((u) => u.text)).toEqual([
      '在全县乡村振兴工作会议上的讲话',
      '（2024年3月15日）',
      '张三',
    ]);
    expect(findings(s)).toContain('标题下的短行“张三”');
  });

  it('reads Markdown headings: a lone # is the title, ## are the parts', async () => {
    const md = await structureOf('speech.md');
    const txt = await structureOf('three-parts.txt');
    expect(md.title).toBe(txt.title);
    expect(md.parts.map((p) => p.heading)).toEqual(txt.parts.map((p) => p.heading));
  });
});
