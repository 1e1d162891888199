import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { CHARTER_SECTIONS, type CharterSection } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { Spinner } from '../../../components/ui/spinner';
import { TextAreaField } from '../../../components/ui/text-field';
import type { MessageKey } from '../../../i18n/en';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { coordinationQueries, useAcknowledgeCharter, useCreateCharter, type Board, type Charter } from '../api/coordination';

const sectionKey = (s: CharterSection) => `boards.charter.${s}` as MessageKey;

function Sections({ charter }: { charter: Charter }) {
  const { t } = useI18n();
  return (
    <dl className="board-charter">
      {CHARTER_SECTIONS.map((s) => (
        <div key={s}>
          <dt>{t(sectionKey(s))}</dt>
          <dd className="board-pre">{charter.sections[s]}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The charter in force with who has and has not acknowledged it, a new version, and earlier versions. */
export function BoardCharterTab({ board }: { board: Board }) {
  const { t, locale } = useI18n();
  const charters = useQuery(coordinationQueries.charters(board.id));
  const members = useQuery(coordinationQueries.members(board.id));
  const ack = useAcknowledgeCharter(board.id);
  const [drafting, setDrafting] = useState(false);
  if (charters.isPending || members.isPending) return <Spinner label={t('app.loading')} />;
  if (charters.isError || members.isError) return <Alert tone="danger">{errorMessage(charters.error ?? members.error, t)}</Alert>;
  const [current, ...earlier] = charters.data.data;
  const nameOf = new Map(members.data.data.map((m) => [m.id, m.name]));
  return (
    <>
      <Card
        title={current ? t('boards.charter.version', { number: current.number }) : t('boards.tab.charter')}
        actions={!drafting && <Button size="sm" variant="secondary" onClick={() => setDrafting(true)}>{t('boards.charter.newVersion')}</Button>}
      >
        {drafting && <CharterForm boardId={board.id} from={current} onDone={() => setDrafting(false)} />}
        {!drafting && !current && <p className="board-muted">{t('boards.charter.none')}</p>}
        {!drafting && current && (
          <>
            <p className="board-muted">{t('boards.charter.publishedOn', { date: formatDate(current.createdAt, locale) })}</p>
            <h3 className="board-subtitle">{t('boards.charter.pending', { count: current.pendingMemberIds.length })}</h3>
            {current.pendingMemberIds.length === 0 ? (
              <p>{t('boards.charter.allAcknowledged')}</p>
            ) : (
              <ul className="board-pending">
                {current.pendingMemberIds.map((m) => (
                  <li key={m}>
                    <span>{nameOf.get(m) ?? m}</span>
                    <Button size="sm" variant="secondary" loading={ack.isPending && ack.variables?.memberId === m} onClick={() => ack.mutate({ charterId: current.id, memberId: m })}>
                      {t('boards.charter.recordAck')}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
            {ack.isError && <Alert tone="danger">{errorMessage(ack.error, t)}</Alert>}
            <h3 className="board-subtitle">{t('boards.charter.acknowledged', { count: current.acknowledgements.length })}</h3>
            <p className="board-muted">{current.acknowledgements.map((a) => `${nameOf.get(a.memberId) ?? a.memberId} (${formatDate(a.acknowledgedAt, locale)})`).join(' · ') || '—'}</p>
            <Sections charter={current} />
          </>
        )}
      </Card>
      {earlier.length > 0 && (
        <Card title={t('boards.charter.earlier')}>
          {earlier.map((c) => (
            <details key={c.id} className="board-earlier">
              <summary>
                {t('boards.charter.version', { number: c.number })} · {formatDate(c.createdAt, locale)} <Badge tone="neutral">{t('boards.charter.acknowledgedBy', { count: c.acknowledgements.length })}</Badge>
              </summary>
              <Sections charter={c} />
            </details>
          ))}
        </Card>
      )}
    </>
  );
}

function CharterForm({ boardId, from, onDone }: { boardId: string; from: Charter | undefined; onDone: () => void }) {
  const { t } = useI18n();
  const create = useCreateCharter(boardId);
  const [sections, setSections] = useState<Record<CharterSection, string>>(() => Object.fromEntries(CHARTER_SECTIONS.map((s) => [s, from?.sections[s] ?? ''])) as Record<CharterSection, string>);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(sections, { onSuccess: onDone });
  };
  return (
    <form className="board-form" onSubmit={submit}>
      <p className="board-muted">{t('boards.charter.newHint')}</p>
      {CHARTER_SECTIONS.map((s) => (
        <TextAreaField key={s} label={t(sectionKey(s))} value={sections[s]} onChange={(e) => setSections((x) => ({ ...x, [s]: e.target.value }))} required maxLength={8000} />
      ))}
      {create.isError && <Alert tone="danger">{errorMessage(create.error, t)}</Alert>}
      <div className="board-form-actions">
        <Button type="submit" loading={create.isPending}>
          {t('boards.charter.publish')}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
