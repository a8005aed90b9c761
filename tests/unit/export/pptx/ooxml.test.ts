import { describe, expect, it } from 'vitest';
import {
  chartSeries,
  chineseRuns,
  coreProperties,
  existingOverrides,
  gluedConnectors,
  noEmptyPlaceholders,
  notesParagraphs,
  placeholderGeometry,
  plainLinkedShapes,
  sheetWithoutEmptyCells,
  shapesWithTextBody,
  singleParagraphProperties,
  themeFonts,
} from '../../../../src/export/pptx/ooxml.ts';
import type { DeckPlan, NativeChart } from '../../../../src/export/pptx/plan.ts';

const fonts = { eastAsian: '微软雅黑', fallback: 'Noto Sans SC' };

describe('ooxml fixes', () => {
  it('keeps one paragraph-properties element per paragraph, the first', () => {
    const xml =
      '<a:p><a:pPr marL="1"><a:buChar char="•"/></a:pPr><a:r><a:t>三</a:t></a:r><a:pPr indent="0"><a:buNone/></a:pPr><a:r><a:t>加粗</a:t></a:r></a:p>';
    expect(singleParagraphProperties(xml)).toBe(
      '<a:p><a:pPr marL="1"><a:buChar char="•"/></a:pPr><a:r><a:t>三</a:t></a:r><a:r><a:t>加粗</a:t></a:r></a:p>',
    );
  });

  it('drops content-type overrides of parts the package does not have', () => {
    const xml =
      '<Types><Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="x"/><Override PartName="/ppt/slideMasters/slideMaster2.xml" ContentType="x"/></Types>';
    expect(existingOverrides(xml, new Set(['ppt/slideMasters/slideMaster1.xml']))).toBe(
      '<Types><Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="x"/></Types>',
    );
  });

  it('gives a shape without text an empty text body', () => {
    expect(shapesWithTextBody('<p:sp><p:spPr/></p:sp>')).toBe(
      '<p:sp><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="zh-CN"/></a:p></p:txBody></p:sp>',
    );
    expect(shapesWithTextBody('<p:sp><p:txBody></p:txBody></p:sp>')).toBe('<p:sp><p:txBody></p:txBody></p:sp>');
  });

  it('turns a named line into a connector glued to the shapes it joins', () => {
    const xml =
      '<p:sp><p:nvSpPr><p:cNvPr id="4" name="diagram:part:a"></p:cNvPr></p:nvSpPr><p:spPr/></p:sp>' +
      '<p:sp><p:nvSpPr><p:cNvPr id="5" name="diagram:part:b"></p:cNvPr></p:nvSpPr><p:spPr/></p:sp>' +
      '<p:sp><p:nvSpPr><p:cNvPr id="6" name="connector:part:a&gt;part:b"></p:cNvPr><p:cNvSpPr/><p:nvPr></p:nvPr></p:nvSpPr><p:spPr><a:xfrm/><a:prstGeom prst="line"><a:avLst></a:avLst></a:prstGeom></p:spPr></p:sp>';
    const out = gluedConnectors(
      xml,
      new Map([['connector:part:a>part:b', { from: 'diagram:part:a', to: 'diagram:part:b', fromSite: 3, toSite: 1 }]]),
    );
    expect(out).toContain(
      '<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="6" name="connector:part:a&gt;part:b"/><p:cNvCxnSpPr><a:stCxn id="4" idx="3"/><a:endCxn id="5" idx="1"/></p:cNvCxnSpPr><p:nvPr/></p:nvCxnSpPr><p:spPr><a:xfrm/><a:prstGeom prst="straightConnector1">',
    );
    expect(out).not.toContain('prst="line"');
  });

  it('sets zh-CN and the East-Asian typeface on every run, in schema order before links', () => {
    const out = chineseRuns(
      '<a:r><a:rPr lang="en-US" b="1"><a:solidFill/><a:latin typeface="Consolas"/><a:hlinkClick r:id="rId1"/></a:rPr><a:t>代码</a:t></a:r><a:endParaRPr lang="en-US"/>',
      fonts,
    );
    expect(out).toBe(
      '<a:r><a:rPr lang="zh-CN" altLang="en-US" b="1"><a:solidFill/><a:latin typeface="Consolas" pitchFamily="34" charset="0"/><a:ea typeface="微软雅黑" pitchFamily="34" charset="-122"/><a:cs typeface="微软雅黑" pitchFamily="34" charset="-120"/><a:hlinkClick r:id="rId1"/></a:rPr><a:t>代码</a:t></a:r>' +
        '<a:endParaRPr lang="zh-CN" altLang="en-US"><a:latin typeface="微软雅黑" pitchFamily="34" charset="0"/><a:ea typeface="微软雅黑" pitchFamily="34" charset="-122"/><a:cs typeface="微软雅黑" pitchFamily="34" charset="-120"/></a:endParaRPr>',
    );
  });

  it('splits the notes text into one paragraph per line', () => {
    const xml =
      '<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr/><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t>同志们：\n城市治理</a:t></a:r><a:endParaRPr lang="en-US" dirty="0"/></a:p></p:txBody></p:sp>';
    expect(notesParagraphs(xml)).toContain(
      '<a:p><a:r><a:rPr lang="zh-CN"/><a:t>同志们：</a:t></a:r></a:p><a:p><a:r><a:rPr lang="zh-CN"/><a:t>城市治理</a:t></a:r></a:p></p:txBody>',
    );
  });

  it('keeps a linked shape’s link on the shape, without underlined runs', () => {
    const xml =
      '<p:sp><p:nvSpPr><p:cNvPr id="4" name="n"><a:hlinkClick r:id="rId2" action="ppaction://hlinksldjump"/></p:cNvPr></p:nvSpPr><p:txBody><a:p><a:r><a:rPr lang="zh-CN" u="sng"><a:hlinkClick r:id="rId2" action="ppaction://hlinksldjump"> <a:extLst/></a:hlinkClick></a:rPr><a:t>起</a:t></a:r></a:p></p:txBody></p:sp>';
    const out = plainLinkedShapes(xml);
    expect(out).toContain('<p:cNvPr id="4" name="n"><a:hlinkClick r:id="rId2"');
    expect(out).toContain('<a:rPr lang="zh-CN"></a:rPr><a:t>起</a:t>');
  });

  it('moves and names placeholders as planned, and removes empty ones', () => {
    const title =
      '<p:sp><p:nvSpPr><p:cNvPr id="2" name="Text 0"></p:cNvPr><p:nvPr><p:ph idx="100" type="title"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="1" y="1"/><a:ext cx="1" cy="1"/></a:xfrm></p:spPr><p:txBody><a:p><a:r><a:t>标题</a:t></a:r></a:p></p:txBody></p:sp>';
    const body =
      '<p:sp><p:nvSpPr><p:cNvPr id="3" name="Text 1"></p:cNvPr><p:nvPr><p:ph idx="101" type="body"/></p:nvPr></p:nvSpPr><p:txBody><a:p><a:endParaRPr/></a:p></p:txBody></p:sp>';
    const placed = placeholderGeometry(title, new Map([['title', { name: '标题', x: 10, y: 20, w: 30, h: 40 }]]));
    expect(placed).toContain('name="标题"');
    expect(placed).toContain('<a:off x="10" y="20"/><a:ext cx="30" cy="40"/>');
    expect(noEmptyPlaceholders(title + body)).toBe(title);
  });

  it('names the East-Asian typeface in the theme and the deck’s family for Simplified Chinese', () => {
    const xml =
      '<a:majorFont><a:latin typeface="Calibri Light" panose="1"/><a:ea typeface=""/><a:font script="Hans" typeface="等线 Light"/></a:majorFont>';
    expect(themeFonts(xml, fonts)).toBe(
      '<a:majorFont><a:latin typeface="微软雅黑"/><a:ea typeface="微软雅黑"/><a:font script="Hans" typeface="Noto Sans SC"/></a:majorFont>',
    );
  });

  it('styles each chart series as planned, in schema order, without empty values', () => {
    const chart: NativeChart = {
      type: 'line',
      title: 't',
      categories: ['2023', '2024'],
      series: [
        {
          name: '中国（联合国预测）',
          values: [null, 67],
          color: 'A61B1B',
          symbol: 'none',
          dash: 'dash',
          lineWidth: 1.75,
          markerSize: 6,
          points: [{ index: 1, symbol: 'circle', hollow: true }],
        },
      ],
      axisTitle: '%',
      valueMin: 0,
      valueMax: 100,
      valueStep: 20,
      labelEvery: 1,
    };
    const xml =
      '<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>x</c:v></c:tx><c:spPr><a:ln w="1"/></c:spPr><c:invertIfNegative val="0"/><c:dLbls/><c:marker><c:symbol val="circle"/></c:marker><c:cat/><c:val><c:numRef><c:numCache><c:ptCount val="2"/><c:pt idx="0"><c:v></c:v></c:pt><c:pt idx="1"><c:v>67</c:v></c:pt></c:numCache></c:numRef></c:val><c:smooth val="0"/></c:ser>' +
      '<c:catAx><c:noMultiLvlLbl val="1"/> <c:tickLblSkip val="10"/></c:catAx>';
    const out = chartSeries(xml, chart);
    expect(out).toMatch(
      /^<c:ser><c:idx val="0"\/><c:order val="0"\/><c:tx>.*<\/c:tx><c:spPr><a:ln w="22225" cap="rnd">.*<a:prstDash val="dash"\/>.*<\/c:spPr><c:marker><c:symbol val="none"\/><\/c:marker><c:dPt><c:idx val="1"\/><c:marker><c:symbol val="circle"\/>.*<a:srgbClr val="FFFFFF"\/>.*<\/c:dPt><c:dLbls\/><c:cat\/><c:val>/,
    );
    expect(out).not.toContain('invertIfNegative');
    expect(out).not.toContain('<c:v></c:v>');
    expect(out).toContain('<c:tickLblSkip val="10"/><c:tickMarkSkip val="10"/><c:noMultiLvlLbl val="1"/>');
  });

  it('leaves empty cells out of a chart’s data sheet', () => {
    expect(sheetWithoutEmptyCells('<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2"><v></v></c></row>')).toBe(
      '<row r="2"><c r="A2" t="s"><v>3</v></c></row>',
    );
  });

  it('writes the language, keywords and dates into the core properties', () => {
    const plan = {
      properties: { title: 't', subject: 's', author: '张三', date: '', language: 'zh-CN', keywords: '起；承' },
    } as unknown as DeckPlan;
    const out = coreProperties(
      '<dc:subject>s</dc:subject><cp:lastModifiedBy></cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">x</dcterms:created>',
      plan,
      new Date('2024-07-13T08:00:00.123Z'),
    );
    expect(out).toContain(
      '<dc:subject>s</dc:subject><dc:language>zh-CN</dc:language><cp:keywords>起；承</cp:keywords>',
    );
    expect(out).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-07-13T08:00:00Z</dcterms:created>');
    expect(out).toContain('<cp:lastModifiedBy>张三</cp:lastModifiedBy>');
  });
});
