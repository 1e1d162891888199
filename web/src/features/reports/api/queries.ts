import { queryOptions } from '@tanstack/react-query';
import { api, type EndpointDef, type EndpointInput, type EndpointOutput } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type EngagementReportQuery = NonNullable<EndpointInput<typeof api.getEngagementReport>['query']>;
export type EngagementReport = EndpointOutput<typeof api.getEngagementReport>;
export type StateQuarterlyQuery = NonNullable<EndpointInput<typeof api.getEngagementStateQuarterly>['query']>;
export type StateQuarterly = EndpointOutput<typeof api.getEngagementStateQuarterly>;
export type StaffMonthlyQuery = NonNullable<EndpointInput<typeof api.getEngagementStaffMonthly>['query']>;
export type StaffMonthly = EndpointOutput<typeof api.getEngagementStaffMonthly>;
export type ReferralMetricsQuery = NonNullable<EndpointInput<typeof api.getReferralMetrics>['query']>;
export type ReferralMetrics = EndpointOutput<typeof api.getReferralMetrics>;
export type PipelineQuery = NonNullable<EndpointInput<typeof api.getPipelineReport>['query']>;
export type PipelineReport = EndpointOutput<typeof api.getPipelineReport>;

/** Reports change only when someone logs or edits; a minute fresh is plenty. */
const staleTime = 60_000;

export const reportQueries = {
  engagement: (query: EngagementReportQuery) =>
    queryOptions({
      queryKey: queryKeys.engagementEvents.report('period', query),
      queryFn: () => apiCall(api.getEngagementReport, { query }),
      staleTime,
    }),
  stateQuarterly: (query: StateQuarterlyQuery) =>
    queryOptions({
      queryKey: queryKeys.engagementEvents.report('state-quarterly', query),
      queryFn: () => apiCall(api.getEngagementStateQuarterly, { query }),
      staleTime,
    }),
  staffMonthly: (query: StaffMonthlyQuery) =>
    queryOptions({
      queryKey: queryKeys.engagementEvents.report('staff-monthly', query),
      queryFn: () => apiCall(api.getEngagementStaffMonthly, { query }),
      staleTime,
    }),
  referralMetrics: (query: ReferralMetricsQuery) =>
    queryOptions({ queryKey: queryKeys.referrals.metrics(query), queryFn: () => apiCall(api.getReferralMetrics, { query }), staleTime }),
  pipeline: (query: PipelineQuery) =>
    queryOptions({
      queryKey: queryKeys.organizations.pipeline(query),
      queryFn: () => apiCall(api.getPipelineReport, { query }),
      staleTime,
    }),
};

/** The URL of a report with its query, as the typed client builds it (empty values left out). */
export const reportUrl = (endpoint: EndpointDef, query: Record<string, unknown>) => {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') sp.set(k, String(v));
  const s = sp.toString();
  return s ? `${endpoint.path}?${s}` : endpoint.path;
};

/** Saves text as a file through a temporary link (the browser's ordinary download). */
export const saveFile = (filename: string, text: string, type = 'text/csv;charset=utf-8') => {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};

/**
 * The same report, same filters, as the API's CSV (`Accept: text/csv`), saved under the name the
 * API gives it. Throws on a non-2xx answer, for the button to say so.
 */
export const downloadReportCsv = async (endpoint: EndpointDef, query: Record<string, unknown>, fallbackName: string) => {
  const res = await fetch(reportUrl(endpoint, query), {
    headers: { accept: 'text/csv', 'accept-language': document.documentElement.lang || 'en' },
    credentials: 'include',
  });
  if (!res.ok) throw new Error(`CSV ${res.status}`);
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  saveFile(name, await res.text());
};
/** The network organization's people with a network role: whose monthly report to pick. */
export const colleaguesQuery = (networkOrgId: string) =>
  queryOptions({
    queryKey: queryKeys.members.colleagues(networkOrgId),
    queryFn: () => apiCall(api.listColleagues, { params: { id: networkOrgId }, query: { limit: 200 } }),
    staleTime: 60_000,
  });
