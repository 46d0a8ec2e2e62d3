// `takeback events`: filter and pivot the stored evidence without SQL.
import { EXIT } from '../../core/errors.ts';
import type { CanonicalEvent } from '../../core/event.ts';
import { t } from '../../core/i18n.ts';
import { csvRow, safeJson, terminalSafeLines } from '../../core/sanitize.ts';
import { openStore } from '../../store/open.ts';
import type { EventFilter } from '../../store/store.ts';
import type { GlobalOptions, Io } from '../context.ts';
import { renderTable } from '../table.ts';

export interface EventsCommandOptions {
  filter: EventFilter;
  format: 'table' | 'json' | 'csv';
}

const CSV_COLUMNS = [
  'time',
  'tenant',
  'provider',
  'source',
  'action',
  'nativeAction',
  'result',
  'actorKind',
  'actorName',
  'actorId',
  'actorIp',
  'actorUserAgent',
  'targets',
  'changes',
  'id',
] as const;

function csvValues(e: CanonicalEvent): unknown[] {
  return [
    e.time,
    e.tenant,
    e.provider,
    e.source,
    e.action,
    e.nativeAction,
    e.result,
    e.actor.kind,
    e.actor.name,
    e.actor.id,
    e.actor.ip,
    e.actor.userAgent,
    e.targets.map((x) => x.name ?? x.id ?? '').join('; '),
    e.changes.map((c) => `${c.name}: ${c.old ?? ''} → ${c.new ?? ''}`).join('; '),
    e.id,
  ];
}

function write(io: Io, text: string): Promise<void> {
  // Respect back-pressure so a large export piped to a slow reader does not pile up in memory.
  return io.stdout.write(text) ? Promise.resolve() : new Promise((resolve) => io.stdout.once('drain', () => resolve()));
}

export async function eventsCommand(opts: EventsCommandOptions, global: GlobalOptions, io: Io): Promise<number> {
  const store = openStore(global.store, { mustExist: true });
  let count = 0;
  try {
    const events = store.queryEvents(opts.filter);
    if (opts.format === 'json') {
      await write(io, '[');
      for await (const e of events) await write(io, (count++ === 0 ? '\n' : ',\n') + safeJson(e));
      await write(io, count ? '\n]\n' : ']\n');
    } else if (opts.format === 'csv') {
      // A BOM, as the report's CSV has: without it Excel reads UTF-8 as the local code page
      // (Shift_JIS on a Japanese PC) and Japanese names come out garbled.
      // A terminal gets inert text and no BOM (which is for Excel): cells hold attacker text.
      const tty = io.stdout.isTTY === true;
      const line = (cells: readonly unknown[]) => (tty ? terminalSafeLines(csvRow(cells)) + '\n' : csvRow(cells) + '\r\n');
      await write(io, (tty ? '' : '\ufeff') + line(CSV_COLUMNS));
      for await (const e of events) {
        count++;
        await write(io, line(csvValues(e)));
      }
    } else {
      const rows: unknown[][] = [];
      for await (const e of events) {
        count++;
        rows.push([
          e.time.replace('T', ' ').slice(0, 19),
          e.action,
          e.actor.name ?? e.actor.id ?? '',
          e.actor.ip ?? '',
          e.targets.map((x) => x.name ?? x.id ?? '').join(', '),
          e.result,
          e.nativeAction,
        ]);
      }
      const width = io.stdout.columns ?? 160;
      if (rows.length > 0) {
        await write(
          io,
          renderTable(
            ['events.col.time', 'events.col.action', 'events.col.actor', 'events.col.ip', 'events.col.targets', 'events.col.result', 'events.col.native'].map((k) => t(k)),
            rows,
            width,
          ),
        );
      }
      await write(io, t('events.count', { count }) + '\n');
    }
  } finally {
    await store.close();
  }
  return EXIT.ok;
}
