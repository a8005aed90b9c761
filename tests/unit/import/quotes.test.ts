import { describe, expect, it } from 'vitest';
import { findQuotation } from '../../../src/import/quotes.ts';

describe('findQuotation()', () => {
  it('attributes a quotation to the speaker before 指出/强调/说/要求', () => {
    expect(findQuotation('马克思指出:“城市是集中。”')).toEqual({
      quote: '城市是集中。',
      attribution: '马克思',
      lead: '马克思指出',
    });
    expect(findQuotation('对此,习近平总书记指出:“要坚持以人民为中心。”')?.attribution).toBe('习近平总书记');
    expect(findQuotation('正如陶行知先生所说，“千教万教教人求真”。')?.attribution).toBe('陶行知先生');
  });

  it('keeps the clause of time or place the text gives before the speaker', () => {
    expect(findQuotation('在党的二十大报告中,习近平总书记指出了目标与路径,即“坚持人民城市人民建”。')).toEqual({
      quote: '坚持人民城市人民建',
      attribution: '在党的二十大报告中,习近平总书记',
      lead: '习近平总书记指出了目标与路径',
    });
    expect(findQuotation('2024年春节前夕,习近平总书记视察我市时再次强调,“提高水平是重大任务”。')?.attribution).toBe(
      '2024年春节前夕,习近平总书记视察我市时',
    );
  });

  it('gives no attribution the text does not give', () => {
    expect(findQuotation('因为“没有调查就没有发言权”。')).toBeNull();
    expect(findQuotation('俗话说得好，“十年树木，百年树人”。')).toBeNull();
    expect(findQuotation('要使“城市管理应该像绣花一样精细”。')).toBeNull();
    expect(findQuotation('这一点可以说“非常重要”。')).toBeNull();
  });
});
