import type { Figure, LoadResult, ScenarioGroup } from './types';

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
const pad = (s: string, w: number, right = false) => (right ? s.padStart(w) : s.padEnd(w));

/** The results as a fixed-width table: one row per scenario and target, then API/baseline ratios. */
export const formatTable = (results: LoadResult[]) => {
  const head = ['scenario', 'target', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'api/base req/s', 'api/base p99'];
  const rows = results.map((r) => {
    const base = r.target === 'api' ? results.find((b) => b.target === 'baseline' && b.scenario === r.scenario) : undefined;
    return [
      r.scenario.name,
      r.target,
      fmt(r.requestsPerSec),
      fmt(r.p50Ms),
      fmt(r.p99Ms),
      String(r.errors),
      base ? fmt(r.requestsPerSec / base.requestsPerSec, 2) : '',
      base ? fmt(r.p99Ms / base.p99Ms, 2) : '',
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => pad(c, widths[i]!, i >= 2)).join(' | ')} |`;
  return [line(head), `|${widths.map((w, i) => (i >= 2 ? `${'-'.repeat(w + 1)}:` : `${'-'.repeat(w + 2)}`)).join('|')}|`, ...rows.map(line)].join('\n');
};

const missesFigure = (f: Figure) => !Number.isFinite(f.value) || (f.target?.max !== undefined && f.value > f.target.max) || (f.target?.min !== undefined && f.value < f.target.min);

/** The figures groups measured themselves, as a table: value, what it is held to, met or not. */
export const formatFigures = (figures: Figure[]) => {
  const head = ['group', 'figure', 'value', 'target', 'met', 'detail'];
  const rows = figures.map((f) => {
    const t = f.target ? [f.target.min !== undefined ? `≥ ${f.target.min}` : '', f.target.max !== undefined ? `≤ ${f.target.max}` : ''].filter(Boolean).join(', ') : '';
    const digits = f.unit === '×' ? 2 : Math.abs(f.value) < 10 ? 1 : 0;
    return [f.group, f.name, `${fmt(f.value, digits)} ${f.unit}`, t, t ? (missesFigure(f) ? 'NO' : 'yes') : '', f.detail ?? ''];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => pad(c, widths[i]!, i === 2)).join(' | ')} |`;
  return [line(head), `|${widths.map((w, i) => (i === 2 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`, ...rows.map(line)].join('\n');
};

/** One line per group: its target and whether every API scenario and figure met it (a statement, not a test). */
export const verdicts = (groups: ScenarioGroup[], results: LoadResult[], figures: Figure[] = []) =>
  groups.flatMap((g) => {
    if (!g.target) return [];
    const target = g.target;
    if (g.measure) {
      const mine = figures.filter((f) => f.group === g.name && f.target);
      const missed = mine.filter(missesFigure).map((f) => f.name);
      if (!mine.length) return [`${g.name}: target "${target.description}": nothing measured`];
      return missed.length ? [`${g.name}: target "${target.description}" NOT met (missed by: ${missed.join(', ')})`] : [`${g.name}: target "${target.description}" met`];
    }
    const api = results.filter((r) => r.target === 'api' && r.scenario.group === g.name);
    const worst = api.reduce((m, r) => Math.max(m, r.p99Ms), 0);
    // A scenario may hold its own target (a throughput floor, or no p99 limit).
    const misses = (r: LoadResult) => {
      const t = r.scenario.target;
      const p99 = t ? t.p99Ms : target.p99Ms;
      return r.requests === 0 || r.errors > 0 || (p99 !== undefined && r.p99Ms > p99) || (t?.minPerSec !== undefined && r.requestsPerSec < t.minPerSec);
    };
    const missed = api.filter(misses).map((r) => r.scenario.name);
    return missed.length
      ? `${g.name}: target "${target.description}" NOT met (worst API p99 ${fmt(worst)} ms; missed by: ${missed.join(', ')})`
      : `${g.name}: target "${target.description}" met (worst API p99 ${fmt(worst)} ms)`;
  });

/** Cores and load average: figures from a busy machine are not comparable with a quiet one. */
export const machineLine = (cpus: number, load: number[]) => {
  const [one = 0, five = 0] = load;
  const busy = one > cpus ? ` — WARNING: the machine was busy (load ${one.toFixed(1)} > ${cpus} cores); other processes share the CPU, so these figures understate what it can do` : '';
  return `machine: ${cpus} cores, load average ${one.toFixed(1)} (1 min) / ${five.toFixed(1)} (5 min)${busy}`;
};
