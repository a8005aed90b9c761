import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/import/decode.ts';

describe('decodeText()', () => {
  const text = '同志们：\r\n一、加强学习。\r\n谢谢大家！';
  it('decodes UTF-8, with or without a BOM, and UTF-16 with a BOM; line ends become \\n', () => {
    expect(decodeText(new TextEncoder().encode(text), 'a.txt')).toEqual({
      text: '同志们：\n一、加强学习。\n谢谢大家！',
      encoding: 'UTF-8',
    });
    expect(
      decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]), 'a.txt').encoding,
    ).toBe('UTF-16LE (BOM)');
  });

  it('detects GBK and Big5', () => {
    expect(decodeText(iconv.encode(text, 'gbk'), 'a.txt').text).toContain('同志们：');
    expect(decodeText(iconv.encode(text, 'gbk'), 'a.txt').encoding).toBe('GB18030');
    expect(decodeText(iconv.encode('同志們：各位好，謝謝大家！', 'big5'), 'a.txt').text).toBe(
      '同志們：各位好，謝謝大家！',
    );
  });

  it('stops with file:line and what to do when no encoding fits', () => {
    expect(() => decodeText(new Uint8Array([0xff, 0xfe, 0x00, 0xd8]), 'bad.txt')).toThrow(
      /^bad\.txt:1: 无法识别文件的编码.* — 用记事本或 WPS 打开/,
    );
  });
});
