import type { PageRecord } from '../../core/model';
import { REPORT_FORMATS, type ReportFormat } from '../../core/report/types';
import type { Translate } from '../../shared/i18n';
import './export-report.css';

/**
 * The report builders and the policy text load only when the user asks for a report:
 * the popup opens without them.
 */
async function saveReport(page: PageRecord, format: ReportFormat, t: Translate, now: number): Promise<void> {
  const [{ downloadFile, reportFile }, { POLICY }] = await Promise.all([import('../export'), import('../../core/policy/disclosures')]);
  downloadFile(reportFile(page, format, { t, now, policy: POLICY }));
}

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
          onClick={() => void saveReport(page, format, t, now())}
        >
          {t(`popup_export_${format}`)}
        </button>
      ))}
    </div>
  );
}
