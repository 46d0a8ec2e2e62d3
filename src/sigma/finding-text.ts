// The words around a Sigma match when it becomes a finding. The rule's own title, description and
// false positives are its author's (English) text and are shown as written, inside these sentences.
import type { Localized } from '../detect/text.ts';

export const SIGMA_TEXT: Readonly<Record<string, Localized>> = {
  'detect.sigma.title': { en: 'Sigma: {{title}}', ja: 'Sigma ルール: {{title}}' },
  'detect.sigma.explanation.rule': {
    en: 'The Sigma rule “{{title}}” (level {{level}}) matched this event.',
    ja: 'Sigma ルール「{{title}}」（レベル {{level}}）がこのイベントに一致しました。',
  },
  'detect.sigma.explanation.correlation': {
    en: 'The Sigma correlation “{{title}}” ({{correlation}}, level {{level}}) was met by {{count}} events{{group}}.',
    ja: 'Sigma 相関ルール「{{title}}」（{{correlation}}、レベル {{level}}）が {{count}} 件のイベントで成立しました{{group}}。',
  },
  'detect.sigma.group': { en: ' for {{group}}', ja: '（{{group}}）' },
  'detect.sigma.nextSteps': {
    en: 'Open the matched events below and decide whether they were expected. Known false positives, according to the rule: {{falsepositives}}.',
    ja: '下の一致したイベントを開き、想定された操作かどうかを判断してください。ルールに記載された既知の誤検知: {{falsepositives}}。',
  },
  'detect.sigma.notes.description': { en: 'What the rule looks for (its author’s words): {{description}}', ja: 'ルールが探すもの（作者の原文）: {{description}}' },
  'detect.sigma.notes.rule': { en: 'Rule {{ruleId}}, from {{file}}.', ja: 'ルール {{ruleId}}（{{file}}）。' },
  'detect.sigma.notes.attribution': { en: 'Attribution: {{attribution}}', ja: '帰属表示: {{attribution}}' },
};
