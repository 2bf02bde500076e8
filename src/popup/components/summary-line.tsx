import type { Finding } from '../../core/model';
import type { Translate } from '../../shared/i18n';
import { countFindings, summarise } from '../summary';
import { richText } from './rich-text';

export function SummaryLine({ findings, t }: { findings: readonly Finding[]; t: Translate }) {
  const summary = summarise(countFindings(findings), t);
  const parts = summary.parts.map((part) =>
    part.tone === 'plain' ? (
      part.text
    ) : part.tone === 'contradicts' ? (
      <strong class="tone tone--contradicts">{part.text}</strong>
    ) : (
      <span class={`tone tone--${part.tone}`}>{part.text}</span>
    ),
  );
  return (
    <p class="summary" data-testid="summary" aria-live="polite" aria-atomic="true">
      {richText(t, summary.key, parts)}
    </p>
  );
}
