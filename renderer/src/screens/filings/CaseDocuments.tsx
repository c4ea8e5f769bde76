import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/domain/dates';
import { call } from '../../api/client';
import { saveFile } from '../../api/files';

/** The documents stored with a case, each with its stamp and a way to save it as .docx. */
export function CaseDocuments({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const docs = useQuery({ queryKey: ['documents:list', caseId], queryFn: () => call('documents:list', { caseId }) });

  async function download(id: string) {
    const file = await call('documents:get', { id });
    await saveFile(file);
  }

  return (
    <section aria-labelledby="case-documents-title">
      <h2 id="case-documents-title">{t('filings.documents')}</h2>
      {docs.data && docs.data.length === 0 && <p className="muted">{t('filings.noDocuments')}</p>}
      <ul className="documents" data-testid="case-documents">
        {(docs.data ?? []).map((d) => (
          <li key={d.id}>
            <strong>{d.title || d.fileName}</strong> · {formatDate(d.createdAt.slice(0, 10))}
            {d.templateVersion && <div className="muted small">{t('filings.stamp', { version: d.templateVersion })}</div>}
            <button type="button" onClick={() => void download(d.id)}>
              {t('filings.download')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
