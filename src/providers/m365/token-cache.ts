// msal's token cache on disk for device-code sign-in, so `takeback scan` after `connect` signs in
// silently with the refresh token. The file holds tokens: owner-only permissions, atomic writes.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';

export function fileCachePlugin(path: string): ICachePlugin {
  return {
    beforeCacheAccess: (context: TokenCacheContext): Promise<void> => {
      let data: string | undefined;
      try {
        data = readFileSync(path, 'utf8');
      } catch (error) {
        if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
      }
      if (data) context.tokenCache.deserialize(data);
      return Promise.resolve();
    },
    afterCacheAccess: (context: TokenCacheContext): Promise<void> => {
      if (!context.cacheHasChanged) return Promise.resolve();
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, context.tokenCache.serialize(), { mode: 0o600 });
      renameSync(temporary, path);
      return Promise.resolve();
    },
  };
}
