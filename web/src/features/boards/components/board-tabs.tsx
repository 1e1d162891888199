import type { ReactNode } from 'react';
import type { MessageKey } from '../../../i18n/en';
import type { Board } from '../api/coordination';
import { BoardApplicationsPage } from './board-applications-page';
import { BoardBudgetTab } from './board-budget-tab';
import { BoardCharterTab } from './board-charter-tab';
import { BoardMembersTab } from './board-members-tab';
import { BoardOverviewTab } from './board-overview-tab';
import { BoardMeetingsPage } from './meeting-list-page';
import { RecommendationListPage } from './recommendation-list-page';
import { StipendsPage } from './stipend-page';

/** One tab of a board's page: its URL segment (/advisory-boards/:id/:key), its label, what it shows. */
export interface BoardTab {
  key: string;
  label: MessageKey;
  render: (board: Board) => ReactNode;
}

/**
 * The board page's tabs, in order. A feature adds its tab by appending one entry here (e.g.
 * `{ key: 'meetings', label: 'boards.tab.meetings', render: (b) => <BoardMeetingsTab board={b} /> }`)
 * and its label key to en.ts and es.ts; the route and the tab strip follow from this list.
 */
export const BOARD_TABS: BoardTab[] = [
  { key: 'overview', label: 'boards.tab.overview', render: (b) => <BoardOverviewTab board={b} /> },
  { key: 'charter', label: 'boards.tab.charter', render: (b) => <BoardCharterTab board={b} /> },
  { key: 'applications', label: 'boards.tab.applications', render: (b) => <BoardApplicationsPage boardId={b.id} embedded /> },
  { key: 'members', label: 'boards.tab.members', render: (b) => <BoardMembersTab board={b} /> },
  { key: 'meetings', label: 'boards.tab.meetings', render: (b) => <BoardMeetingsPage boardId={b.id} /> },
  { key: 'stipends', label: 'boards.tab.stipends', render: (b) => <StipendsPage boardId={b.id} /> },
  { key: 'recommendations', label: 'boards.tab.recommendations', render: (b) => <RecommendationListPage boardId={b.id} /> },
  { key: 'budget', label: 'boards.tab.budget', render: (b) => <BoardBudgetTab board={b} /> },
];
