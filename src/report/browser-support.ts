// Test support: Debian's chromium through playwright-core, typed by the few calls the tests make.
// playwright-core's own type declarations need the DOM library, which this Node project does not
// compile with; loading it by a non-literal specifier keeps them out of the type check.
export const CHROMIUM = process.env.TAKEBACK_CHROMIUM ?? '/usr/bin/chromium';

/** No network, no first-run or background traffic that could pass for a request the report made. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Locator {
  count(): Promise<number>;
  isVisible(): Promise<boolean>;
  textContent(): Promise<string | null>;
  innerText(): Promise<string>;
  allInnerTexts(): Promise<string[]>;
  getAttribute(name: string): Promise<string | null>;
  locator(selector: string): Locator;
  nth(index: number): Locator;
}

export interface Page {
  on(event: 'request', listener: (request: { url(): string }) => void): void;
  on(event: 'console', listener: (message: { type(): string; text(): string }) => void): void;
  on(event: 'pageerror', listener: (error: Error) => void): void;
  on(event: 'dialog', listener: (dialog: { message(): string; dismiss(): Promise<void> }) => void): void;
  goto(url: string, options?: { waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' }): Promise<unknown>;
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
  locator(selector: string): Locator;
  close(): Promise<void>;
}

export interface BrowserContext {
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

interface Playwright {
  chromium: {
    launchPersistentContext(
      userDataDir: string,
      options: { executablePath: string; headless: boolean; args: string[]; viewport: { width: number; height: number } },
    ): Promise<BrowserContext>;
  };
}

const PLAYWRIGHT: string = 'playwright-core';

/** Chromium with a fresh profile in `userDataDir` (Playwright refuses --user-data-dir in args). */
export async function launchChromium(userDataDir: string): Promise<BrowserContext> {
  const pw = (await import(PLAYWRIGHT)) as Playwright;
  return pw.chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1100, height: 900 } });
}
