import type { PageRecord } from '../../core/model';
import { POLICY } from '../../core/policy/disclosures';
import { REPORT_FORMATS } from '../../core/report/types';
import type { Translate } from '../../shared/i18n';
import { downloadFile, reportFile } from '../export';
import './export-report.css';

/** Buttons that save the tab's report (JSON, Markdown, HTML); plain buttons, so the keyboard reaches them. */
export function ExportReport({ page, t, now = Date.now }: { page: PageRecord; t: Translate; now?: () => number }) {
  return (
    <div class="export" role="group" aria-labelledby="export-label" data-testid="export">
      <span id="export-label" class="export__label">
        {t('popup_export_label')}
      </span>
      {REPORT_FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          class="export__button"
          data-format={format}
          title={t(`popup_export_${format}_title`)}
          onClick={() => downloadFile(reportFile(page, format, { t, now: now(), policy: POLICY }))}
        >
          {t(`popup_export_${format}`)}
        </button>
      ))}
    </div>
  );
}
