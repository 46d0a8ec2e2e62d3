// Where sign-ins come from. Addresses are from the documentation ranges (RFC 5737), never real hosts.
import type { Place } from '../tenant/operations/sign-ins.ts';

export const OFFICE_TOKYO: Place = { ipAddress: '198.51.100.24', city: 'Tokyo', state: 'Tokyo', countryOrRegion: 'JP', latitude: 35.6893, longitude: 139.6899 };
export const HOME_PLACES: Place[] = [
  OFFICE_TOKYO,
  { ipAddress: '198.51.100.57', city: 'Yokohama', state: 'Kanagawa', countryOrRegion: 'JP', latitude: 35.4437, longitude: 139.638 },
  { ipAddress: '198.51.100.91', city: 'Osaka', state: 'Osaka', countryOrRegion: 'JP', latitude: 34.6937, longitude: 135.5023 },
  { ipAddress: '198.51.100.130', city: 'Saitama', state: 'Saitama', countryOrRegion: 'JP', latitude: 35.8617, longitude: 139.6455 },
];

/** The attacker's hosting address abroad. */
export const ATTACKER_PLACE: Place = { ipAddress: '203.0.113.77', city: 'Amsterdam', state: 'Noord-Holland', countryOrRegion: 'NL', latitude: 52.3676, longitude: 4.9041 };
