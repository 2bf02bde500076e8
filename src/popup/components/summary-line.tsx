import type { SummaryCounts } from '../../core/summary';
import type { Translate } from '../../shared/i18n';
import { summarise } from '../summary';
import { richText } from './rich-text';

export function SummaryLine({ counts, t }: { counts: SummaryCounts; t: Translate }) {
  const summary = summarise(counts, t);
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
