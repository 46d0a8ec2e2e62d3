import { runCheckFixtures } from '../../../testing/run-fixtures.ts';
import { check } from './check.ts';
import { fixtures } from './fixtures.ts';

runCheckFixtures(import.meta.url, check, fixtures);
