import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toUtcIso } from './time.ts';

describe('toUtcIso', () => {
  const cases: Array<[unknown, string | undefined]> = [
    ['2018-01-09T21:20:02.7215374Z', '2018-01-09T21:20:02.721Z'], // Graph, 7 digits: truncated, not rounded
    ['2021-08-02T13:29:25.983Z', '2021-08-02T13:29:25.983Z'],
    ['2021-04-28T14:08:45.2213421+00:00', '2021-04-28T14:08:45.221Z'], // diagnostic settings
    ['2026-10-05T10:27:30+09:00', '2026-10-05T01:27:30.000Z'],
    ['2026-10-05T10:27:30+0900', '2026-10-05T01:27:30.000Z'],
    ['2015-06-29T20:03:19', '2015-06-29T20:03:19.000Z'], // UAL CreationTime: no zone = UTC
    ['2026-01-24T06:54:24.0000000Z ', '2026-01-24T06:54:24.000Z'], // Purview, trailing space
    ['2026-10-05 01:27:30', '2026-10-05T01:27:30.000Z'],
    ['2026-10-05', '2026-10-05T00:00:00.000Z'],
    ['9/20/2023 4:05:03 AM', '2023-09-20T04:05:03.000Z'], // Purview, US locale
    ['9/20/2023 12:05:03 AM', '2023-09-20T00:05:03.000Z'],
    ['9/20/2023 12:05:03 PM', '2023-09-20T12:05:03.000Z'],
    ['4/19/2021, 12:13:19.483 PM', '2021-04-19T12:13:19.483Z'], // Log Analytics [UTC]
    ['4/28/2021, 3:05:26.000 PM', '2021-04-28T15:05:26.000Z'],
    ['20/09/2023 16:05:03', '2023-09-20T16:05:03.000Z'], // day first when it cannot be a month
    ['20.09.2023 16:05', '2023-09-20T16:05:00.000Z'],
    ['2023/09/20 4:05:03', '2023-09-20T04:05:03.000Z'], // Excel on a Japanese PC
    ['2024-02-29T23:59:59Z', '2024-02-29T23:59:59.000Z'],
    ['2023-01-01T24:00:00Z', '2023-01-02T00:00:00.000Z'],
    ['2023-02-29T00:00:00Z', undefined],
    ['2023-13-01T00:00:00Z', undefined],
    ['9/20/2023 13:05:03 PM', undefined],
    ['String (timestamp)', undefined],
    ['', undefined],
    [null, undefined],
    [undefined, undefined],
    [1_700_000_000_000, '2023-11-14T22:13:20.000Z'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${String(expected)}`, () => assert.equal(toUtcIso(input), expected));
  }
});
