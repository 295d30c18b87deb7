import { defineRule } from '../src/engine/rule.js';

/**
 * Prefixes that are not part of an indicator's name: template numbering (指标1：, 1.、, （1）),
 * level words copied into the cell (产出指标：, 效益指标-), and, if asked, the ★ core-indicator marks.
 */
const NUMBERING = /^(?:指标\s*[0-9０-９一二三四五六七八九十]+\s*[：:.、．]|[0-9０-９]{1,2}\s*[.、．:：](?![0-9])|[（(][0-9０-９一二三四五六七八九十]{1,2}[)）]|[①-⑳])\s*/;
const LEVEL_WORD = /^(?:产出|效益|效果|满意度|成本|数量|质量|时效|经济效益|社会效益|生态效益|可持续影响|经济成本|社会成本|生态环境成本)指标\s*[：:\-—－、]\s*/;
const STARS = /^[★☆*＊]+\s*/;

export function stripStrayPrefix(name: string, stripStars: boolean): string {
  let out = name;
  for (let i = 0; i < 3; i++) {
    const before = out;
    out = out.replace(NUMBERING, '').replace(LEVEL_WORD, '');
    if (stripStars) out = out.replace(STARS, '');
    if (out === before) break;
  }
  return out.trim() || name;
}

export default defineRule({
  meta: {
    id: 'name-stray-prefix',
    category: 'naming',
    defaultSeverity: 'info',
    recommended: true,
    fixable: true,
    docs: {
      description: {
        zh: '三级指标名称前不应带编号或层级词（指标1：、产出指标：等）',
        en: 'Indicator names carry no numbering or level words in front (指标1：, 产出指标：)',
      },
    },
    messages: {
      prefix: {
        zh: '指标名称“{name}”前面的“{prefix}”不是名称的一部分，应删去：写作“{after}”。',
        en: 'The "{prefix}" in front of "{name}" is not part of the name; write "{after}".',
      },
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { stripStars: { type: 'boolean', description: '也删去 ★ 核心指标标记（默认保留：有的模板用它标必填核心指标）' } },
    },
    defaultOptions: { stripStars: false },
  },
  create(context) {
    return {
      indicator(indicator) {
        const { name } = indicator;
        if (!name.text || !name.at) return;
        const after = stripStrayPrefix(name.text, context.options.stripStars);
        if (after === name.text) return;
        const prefix = name.text.slice(0, name.text.length - after.length).trim();
        context.report({
          messageId: 'prefix',
          data: { name: name.text, prefix, after },
          at: name,
          fix: [{ sheet: name.at.sheet, a1: name.at.a1, before: name.raw ?? name.text, after }],
        });
      },
    };
  },
});
